"use client";

import { useCallback, useEffect, useRef, useState } from "react";
import Link from "next/link";
import { usePaginatedQuery, useMutation } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { HashIcon, UserRoundCheckIcon } from "lucide-react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { dueState, useToday } from "@/lib/dates";
import { errorMessage } from "@/lib/errors";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { cn } from "@/lib/utils";
import { useOrg } from "@/components/orgs/org-context";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { DueChip } from "./due-chip";
import { PriorityFlag, priorityLabel, type Priority } from "./priority";
import { TodoListSkeleton } from "./todo-list";

type Row = FunctionReturnType<typeof api.assigned.list>["page"][number];

const PAGE = 30;
const GROUPS = { overdue: "Overdue", today: "Today", upcoming: "Upcoming" } as const;

/** `/orgs/[slug]/my`: what is assigned to me across the org's lists, by due date. */
export function MyTodos() {
  const { org } = useOrg();
  useDocumentTitle(`My todos · ${org.name}`);
  return (
    <div className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-6 px-4 py-6 sm:px-6 sm:py-8">
      <PageHeader title="My todos" description={`Open todos assigned to you in every list of ${org.name}, soonest due first.`} />
      <AssignedTodos emptyText="Nothing is assigned to you. Assign yourself a todo from any list and it shows up here." />
    </div>
  );
}

/** One member's open todos across lists: dated ones grouped overdue / today / upcoming, then the undated ones. */
export function AssignedTodos({ userId, emptyText }: { userId?: string; emptyText: string }) {
  const [dated, setDated] = useState<{ count: number; done: boolean }>({ count: 0, done: false });
  const onDated = useCallback((count: number, done: boolean) => setDated({ count, done }), []);
  return (
    <div className="flex min-w-0 flex-col gap-4">
      <AssignedSection userId={userId} dated onLoaded={onDated} />
      {dated.done && <AssignedSection userId={userId} dated={false} heading={dated.count > 0 ? "No due date" : undefined} emptyText={dated.count === 0 ? emptyText : undefined} />}
    </div>
  );
}

function AssignedSection({
  userId,
  dated,
  heading,
  emptyText,
  onLoaded,
}: {
  userId?: string;
  dated: boolean;
  heading?: string;
  emptyText?: string;
  onLoaded?: (count: number, done: boolean) => void;
}) {
  const today = useToday();
  const { results, status, loadMore } = usePaginatedQuery(api.assigned.list, { ...(userId ? { userId } : {}), dated }, { initialNumItems: PAGE });
  const sentinel = useRef<HTMLDivElement>(null);
  useEffect(() => {
    onLoaded?.(results.length, status === "Exhausted");
  }, [onLoaded, results.length, status]);
  useEffect(() => {
    const node = sentinel.current;
    if (!node || status !== "CanLoadMore") return;
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && loadMore(PAGE), { rootMargin: "400px" });
    observer.observe(node);
    return () => observer.disconnect();
  }, [status, loadMore]);

  if (status === "LoadingFirstPage") return <TodoListSkeleton rows={3} />;
  if (results.length === 0) {
    return emptyText ? (
      <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed px-6 py-14 text-center">
        <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <UserRoundCheckIcon className="size-5" aria-hidden />
        </span>
        <h2 className="text-sm font-medium">All clear</h2>
        <p className="max-w-sm text-sm text-muted-foreground">{emptyText}</p>
      </div>
    ) : null;
  }
  // Dated todos come soonest first: cut them into overdue, today and upcoming.
  const groups = new Map<string, Row[]>();
  for (const row of results) {
    const group = dated && row.dueDate ? GROUPS[dueState(row.dueDate, today)] : (heading ?? "No due date");
    groups.set(group, [...(groups.get(group) ?? []), row]);
  }
  return (
    <div className="flex min-w-0 flex-col gap-4">
      {[...groups].map(([group, rows]) => (
        <section key={group} aria-label={group} className="flex min-w-0 flex-col gap-1">
          <h2 className={cn("px-3 text-xs font-medium", group === "Overdue" ? "text-destructive" : "text-muted-foreground")}>
            {group} <span className="tabular-nums">{rows.length}</span>
          </h2>
          <ul className="flex min-w-0 flex-col">
            {rows.map((row) => (
              <AssignedRow key={row._id} row={row} today={today} />
            ))}
          </ul>
        </section>
      ))}
      <div ref={sentinel} aria-hidden />
      {status === "CanLoadMore" && (
        <Button variant="ghost" size="sm" className="self-center text-muted-foreground" onClick={() => loadMore(PAGE)}>
          Load more
        </Button>
      )}
    </div>
  );
}

function AssignedRow({ row, today }: { row: Row; today: string }) {
  const { href, can } = useOrg();
  const setDone = useMutation(api.todos.setDone);
  const priority = row.priority as Priority;
  return (
    <li data-testid="assigned-todo" className="flex min-w-0 items-start gap-3 rounded-lg px-3 py-2 hover:bg-muted/50 pointer-coarse:items-center pointer-coarse:py-0.5">
      <Checkbox
        checked={row.done}
        disabled={!can("todos:write")}
        onCheckedChange={(checked) => void setDone({ todoId: row._id, done: checked }).catch((e: unknown) => toast.error(errorMessage(e)))}
        aria-label={`Mark “${row.title}” as done`}
        className="mt-[3px] pointer-coarse:mt-0"
      />
      <div className="min-w-0 flex-1">
        <Link
          href={href(`/lists/${row.list._id}?todo=${row._id}`)}
          className="block text-sm leading-6 outline-none [overflow-wrap:anywhere] hover:underline focus-visible:underline pointer-coarse:flex pointer-coarse:min-h-11 pointer-coarse:items-center"
        >
          {row.title}
        </Link>
        <div className="flex min-w-0 flex-wrap items-center gap-x-3 gap-y-0.5 text-xs text-muted-foreground">
          {row.dueDate && <DueChip dueDate={row.dueDate} today={today} />}
          {priority !== 4 && (
            <span className="inline-flex items-center gap-1" title={priorityLabel(priority)}>
              <PriorityFlag priority={priority} />P{priority}
            </span>
          )}
          <span className="inline-flex min-w-0 items-center gap-1">
            <HashIcon className="size-3 shrink-0" aria-hidden />
            <span className="truncate" title={row.list.name}>
              {row.list.name}
            </span>
          </span>
        </div>
      </div>
    </li>
  );
}
