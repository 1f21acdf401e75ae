"use client";

import { useRef } from "react";
import Link from "next/link";
import { useSearchParams } from "next/navigation";
import { ArchiveIcon, FileQuestionIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { useHotkey } from "@/lib/hooks/use-hotkey";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { errorCode, errorMessage } from "@/lib/errors";
import { useOrg } from "@/components/orgs/org-context";
import { PageHeader } from "@/components/layout/page-header";
import { PageSkeleton } from "@/components/layout/org-shell";
import { ListActionsMenu } from "@/components/lists/list-actions-menu";
import { useArchiveList } from "@/components/lists/use-list-actions";
import { MembersDirectoryProvider } from "@/components/members/members-directory";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { AddTodo } from "./add-todo";
import { TodoFilters } from "./todo-filters";
import { TodoList } from "./todo-list";
import { parseFilter } from "./filters";
import { useTodoMutations } from "./use-todo-mutations";

/** `/orgs/[slug]/lists/[listId]`: one list, its todos, the add box and the filters. */
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

function ListBody({ list }: { list: { _id: string; name: string; archived: boolean } }) {
  const { can } = useOrg();
  const filter = parseFilter(useSearchParams().get("filter"));
  const actions = useTodoMutations();
  const archive = useArchiveList();
  const addBox = useRef<HTMLInputElement>(null);
  // An archived list is read-only until restored.
  const canWrite = can("todos:write") && !list.archived;
  useDocumentTitle(list.name);

  useHotkey(["n", "/"], (event) => {
    if (!addBox.current) return;
    event.preventDefault();
    addBox.current.focus();
  });

  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader
        title={
          <span className="flex items-center gap-2">
            {list.name}
            {list.archived && <Badge variant="outline">Archived</Badge>}
          </span>
        }
        actions={<ListActionsMenu list={list} size="icon-sm" />}
      >
        <TodoFilters current={filter} />
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
        canWrite && <AddTodo ref={addBox} onAdd={(title) => actions.create({ listId: list._id, title })} />
      )}
      <TodoList key={filter} listId={list._id} filter={filter} canWrite={canWrite} actions={actions} />
    </div>
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
