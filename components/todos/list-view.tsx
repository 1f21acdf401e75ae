"use client";

import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { ArchiveIcon, ChevronRightIcon, EyeOffIcon, FileQuestionIcon, ListChecksIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { isTypingTarget, useHotkey } from "@/lib/hooks/use-hotkey";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { useToday } from "@/lib/dates";
import { errorCode, errorMessage } from "@/lib/errors";
import { cn } from "@/lib/utils";
import { useMe } from "@/components/orgs/me-provider";
import { useOrg } from "@/components/orgs/org-context";
import { PageHeader } from "@/components/layout/page-header";
import { PageSkeleton } from "@/components/layout/org-shell";
import { ListActionsMenu } from "@/components/lists/list-actions-menu";
import { useArchiveList } from "@/components/lists/use-list-actions";
import { MembersDirectoryProvider } from "@/components/members/members-directory";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { loadOnOpen } from "@/components/ui/load-on-open";
import { AddTodo } from "./add-todo";
import { BulkBar } from "./bulk-bar";
import { TodoEmpty } from "./todo-empty";
import { TodoFilters } from "./todo-filters";
import { TodoSection } from "./todo-list";
import { useTodoMutations } from "./use-todo-mutations";
import { completedCountArgs, hiddenBy, isReorderable, parseView, sectionArgs, sectionsOf, viewHref, type ListView } from "./view";
import { ViewMenu } from "./view-menu";

const TodoDetailsDialog = loadOnOpen(
  () => import("./todo-details").then((m) => m.TodoDetailsDialog),
  (props) => props.todoId !== null,
);

type ListDoc = { _id: string; name: string; archived: boolean };

/** `/orgs/[slug]/lists/[listId]`: one list, its todos, the add box, the view controls. */
export function ListView({ listId }: { listId: string }) {
  const list = useSafeQuery(api.lists.get, { listId });
  if (list.status === "loading") return <PageSkeleton />;
  if (list.status === "error") return <ListMissing error={list.error} />;
  return (
    <MembersDirectoryProvider>
      <ListBody list={list.data} />
    </MembersDirectoryProvider>
  );
}

function ListBody({ list }: { list: ListDoc }) {
  const { can } = useOrg();
  const me = useMe();
  const params = useSearchParams();
  const pathname = usePathname();
  const router = useRouter();
  const view = parseView(params);
  const today = useToday();
  const actions = useTodoMutations();
  const archive = useArchiveList();
  const addBox = useRef<HTMLInputElement>(null);
  const page = useRef<HTMLDivElement>(null);
  // An archived list is read-only until restored.
  const canWrite = can("todos:write") && !list.archived;
  const [editing, setEditing] = useState<string | null>(null);
  const [hidden, setHidden] = useState<{ todoId: string; title: string; reason: string } | null>(null);
  const [focusId, setFocusId] = useState<string | null>(null);
  const [selected, setSelected] = useState<Set<string> | null>(null);
  const openId = params.get("todo");
  useDocumentTitle(list.name);

  const sections = sectionsOf(view);
  const reorderable = canWrite && isReorderable(view);
  const key = `${view.filter}:${view.sort}:${view.show}`;

  useHotkey(["n", "/"], (event) => {
    if (!addBox.current) return;
    event.preventDefault();
    addBox.current.focus();
  });

  // J/K (and arrows) move between rows of every section; from outside the list they enter it.
  const rows = () => Array.from(page.current?.querySelectorAll<HTMLElement>("[data-todo-row]") ?? []);
  useHotkey(["j", "k", "ArrowDown", "ArrowUp"], (event) => {
    if (page.current?.contains(document.activeElement) && isTypingTarget(document.activeElement)) return;
    const all = rows();
    const index = all.findIndex((row) => row.contains(document.activeElement));
    const down = event.key === "j" || event.key === "ArrowDown";
    if (index === -1 && event.key.startsWith("Arrow")) return; // leave page scrolling alone
    event.preventDefault();
    const next = all[Math.max(0, Math.min(index === -1 ? (down ? 0 : all.length - 1) : index + (down ? 1 : -1), all.length - 1))];
    next?.querySelector<HTMLElement>("[data-row-focus]")?.focus();
  }, !editing);

  const edit = useCallback((todoId: string | null) => {
    setEditing((closing) => {
      if (todoId === null && closing) {
        requestAnimationFrame(() => {
          page.current?.querySelector<HTMLElement>(`[data-todo-id="${CSS.escape(closing)}"] [data-row-focus]`)?.focus();
        });
      }
      return todoId;
    });
  }, []);

  const withParam = useCallback(
    (name: string, value: string | null) => {
      const next = new URLSearchParams(params);
      if (value === null) next.delete(name);
      else next.set(name, value);
      const query = next.toString();
      router.replace(query ? `${pathname}?${query}` : pathname, { scroll: false });
    },
    [params, pathname, router],
  );
  const openTodo = useCallback((todoId: string) => withParam("todo", todoId), [withParam]);
  const clearFocus = useCallback(() => setFocusId(null), []);

  // The view the page shows now: a filter switched while a todo was being added decides its notice.
  const shownView = useRef({ view, today });
  useEffect(() => {
    shownView.current = { view, today };
  });

  async function add(title: string) {
    setHidden(null);
    const todoId = await actions.create({ listId: list._id, title });
    const now = shownView.current;
    const reason = hiddenBy(now.view, { priority: 4 }, me.userId, now.today);
    if (reason) setHidden({ todoId, title, reason });
  }

  function showHidden() {
    if (!hidden) return;
    setFocusId(hidden.todoId);
    setHidden(null);
    router.replace(viewHref(pathname, { filter: "all", sort: view.sort, show: "any" }), { scroll: false });
  }

  const selection = useMemo(() => {
    if (!selected) return undefined;
    return {
      selected,
      onToggle: (todoId: string, extend: boolean, visible: string[]) =>
        setSelected((current) => {
          const next = new Set(current);
          if (extend && current && current.size > 0) {
            // Shift: select the range from the last selected one.
            let last = -1;
            visible.forEach((id, i) => {
              if (current.has(id)) last = i;
            });
            const here = visible.indexOf(todoId);
            if (last !== -1 && here !== -1) {
              for (const id of visible.slice(Math.min(last, here), Math.max(last, here) + 1)) next.add(id);
              return next;
            }
          }
          if (next.has(todoId)) next.delete(todoId);
          else next.add(todoId);
          return next;
        }),
    };
  }, [selected]);

  const sectionProps = { canWrite, actions, today, editing, onEdit: edit, onOpen: openTodo, selection, focusId, onFocused: clearFocus };

  return (
    <div ref={page} className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-5 px-4 py-6 sm:px-6 sm:py-8">
      <PageHeader
        title={list.name}
        badge={list.archived ? <Badge variant="outline">Archived</Badge> : undefined}
        actions={<ListActionsMenu list={list} size="icon-sm" />}
      >
        <div className="flex min-w-0 flex-wrap items-center justify-between gap-2">
          <TodoFilters view={view} />
          <div className="flex min-w-0 flex-wrap items-center gap-2">
            <ViewMenu view={view} />
            {canWrite && (
              <Button
                size="sm"
                variant={selected ? "secondary" : "ghost"}
                aria-pressed={!!selected}
                onClick={() => setSelected((s) => (s ? null : new Set()))}
                className="text-xs"
              >
                <ListChecksIcon aria-hidden />
                Select
              </Button>
            )}
          </div>
        </div>
      </PageHeader>
      {list.archived ? (
        <Alert>
          <ArchiveIcon aria-hidden />
          <AlertTitle>This list is archived</AlertTitle>
          <AlertDescription>
            <p>Its todos are read-only; restore the list to work on it again.</p>
            {can("lists:write") && (
              <Button size="xs" variant="outline" className="mt-1" onClick={() => void archive(list, false)}>
                Restore list
              </Button>
            )}
          </AlertDescription>
        </Alert>
      ) : (
        canWrite && (
          <div className="flex flex-col gap-2">
            <AddTodo ref={addBox} onAdd={add} />
            {hidden && (
              <div role="status" className="flex flex-wrap items-center gap-x-3 gap-y-1 rounded-lg border border-dashed px-3 py-2 text-sm">
                <EyeOffIcon className="size-4 shrink-0 text-muted-foreground" aria-hidden />
                <span className="min-w-0 flex-1 [overflow-wrap:anywhere]">
                  Added “{hidden.title}”, but {hidden.reason} hides it.
                </span>
                <Button size="xs" variant="outline" onClick={showHidden}>
                  Show it
                </Button>
              </div>
            )}
          </div>
        )
      )}
      {sections.open && (
        <OpenTodos key={key} list={list} view={view} today={today} reorderable={reorderable} sectionProps={sectionProps} />
      )}
      {sections.done &&
        (sections.collapsedDone ? (
          <CompletedSection key={`done:${key}`} list={list} view={view} today={today} sectionProps={sectionProps} />
        ) : (
          <TodoSection key={`done:${key}`} args={sectionArgs(list._id, view, true, today)} label="Completed todos" reorderable={false} empty={<TodoEmpty filter="done" />} {...sectionProps} />
        ))}
      {selected && (
        <BulkBar
          selected={selected}
          actions={actions}
          onClear={() => setSelected(new Set())}
          onClose={() => setSelected(null)}
        />
      )}
      <TodoDetailsDialog todoId={openId} today={today} canWrite={canWrite} onClose={() => withParam("todo", null)} actions={actions} />
    </div>
  );
}

type SectionProps = Omit<React.ComponentProps<typeof TodoSection>, "args" | "label" | "reorderable" | "empty">;

/** The open todos; sorted by due date, the dated ones then the undated ones. */
function OpenTodos({ list, view, today, reorderable, sectionProps }: { list: ListDoc; view: ListView; today: string; reorderable: boolean; sectionProps: SectionProps }) {
  const byDue = view.sort === "due" && view.show === "any";
  const [datedDone, setDatedDone] = useState<{ count: number; done: boolean }>({ count: 0, done: false });
  const onDated = useCallback((count: number, done: boolean) => setDatedDone({ count, done }), []);
  const emptyAll = <TodoEmpty filter={view.filter === "mine" ? "mine" : view.show !== "any" ? "view" : "open"} />;
  if (!byDue) {
    return <TodoSection args={sectionArgs(list._id, view, false, today)} label="Open todos" reorderable={reorderable} empty={emptyAll} {...sectionProps} />;
  }
  return (
    <>
      <TodoSection args={sectionArgs(list._id, view, false, today, "dated")} label="Open todos with a due date" reorderable={false} empty={null} onLoaded={onDated} {...sectionProps} />
      {datedDone.done && (
        <TodoSection
          args={sectionArgs(list._id, view, false, today, "none")}
          label="Open todos without a due date"
          reorderable={false}
          empty={datedDone.count === 0 ? emptyAll : null}
          header={datedDone.count > 0 ? <h2 className="px-3 pt-2 text-xs font-medium text-muted-foreground">No due date</h2> : undefined}
          {...sectionProps}
        />
      )}
    </>
  );
}

/** Done todos out of the way: a count, and the list on demand. */
function CompletedSection({ list, view, today, sectionProps }: { list: ListDoc; view: ListView; today: string; sectionProps: SectionProps }) {
  const [open, setOpen] = useState(false);
  const done = useSafeQuery(api.lists.completedCount, completedCountArgs(list._id, view));
  const count = done.status === "success" ? done.data : null;
  if (count === 0) return null;
  return (
    <section aria-label="Completed" className="flex flex-col gap-1">
      <button
        type="button"
        aria-expanded={open}
        aria-controls="completed-todos"
        onClick={() => setOpen((o) => !o)}
        className="flex h-8 w-fit items-center gap-1.5 rounded-md px-2 text-sm font-medium text-muted-foreground outline-none hover:text-foreground focus-visible:ring-[3px] focus-visible:ring-ring/50 pointer-coarse:h-11"
      >
        <ChevronRightIcon className={cn("size-4 transition-transform", open && "rotate-90")} aria-hidden />
        Completed
        {count !== null && <span className="rounded-full bg-muted px-1.5 text-xs tabular-nums">{count}</span>}
      </button>
      {open && (
        <div id="completed-todos">
          <TodoSection args={sectionArgs(list._id, view, true, today)} label="Completed todos" reorderable={false} empty={null} {...sectionProps} />
        </div>
      )}
    </section>
  );
}

function ListMissing({ error }: { error: Error }) {
  const { href } = useOrg();
  const missing = errorCode(error) === "NOT_FOUND";
  return (
    <div className="flex flex-1 items-center justify-center px-4 py-20">
      <div className="flex max-w-sm flex-col items-center gap-3 text-center">
        <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <FileQuestionIcon className="size-5" aria-hidden />
        </span>
        <h1 className="text-lg font-semibold">{missing ? "List not found" : "Couldn't open this list"}</h1>
        <p className="text-sm text-muted-foreground">
          {missing ? "It was deleted, or it belongs to another organization." : errorMessage(error)}
        </p>
        <Button asChild variant="outline">
          <Link href={href()}>Back to all lists</Link>
        </Button>
      </div>
    </div>
  );
}
