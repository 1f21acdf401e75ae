"use client";

import { useState } from "react";
import { IntentLink } from "@/components/layout/intent-link";
import { HashIcon, ListPlusIcon, PlusIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import type { FunctionReturnType } from "convex/server";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { useToday } from "@/lib/dates";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { errorMessage } from "@/lib/errors";
import { roleLabel } from "@/lib/format";
import { useOrg } from "@/components/orgs/org-context";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ListNameDialog } from "./dialogs";
import { ListActionsMenu } from "./list-actions-menu";

/** `/orgs/[slug]`: the org's lists at a glance, each with its open, done, mine and overdue counts. */
export function OrgOverview() {
  const { org, can } = useOrg();
  const lists = useSafeQuery(api.lists.list, {});
  const [creating, setCreating] = useState(false);
  useDocumentTitle(org.name);

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <PageHeader
        title={org.name}
        description={
          <span className="flex items-center gap-2">
            Your role <Badge variant={org.role === "org:admin" ? "brand" : "secondary"}>{roleLabel(org.role)}</Badge>
          </span>
        }
      />
      <section aria-labelledby="lists-heading" className="flex flex-col gap-3">
        <h2 id="lists-heading" className="text-sm font-medium text-muted-foreground">
          Lists
        </h2>
        {lists.status === "loading" && (
          <div className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-hidden>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-24 rounded-xl" />
            ))}
          </div>
        )}
        {lists.status === "error" && <p className="text-sm text-destructive">{errorMessage(lists.error)}</p>}
        {lists.status === "success" && lists.data.length === 0 && (
          <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-16 text-center">
            <span className="flex size-11 items-center justify-center rounded-full bg-brand-soft text-brand">
              <ListPlusIcon className="size-5" aria-hidden />
            </span>
            <h3 className="font-medium">No lists yet</h3>
            <p className="max-w-xs text-sm text-muted-foreground">
              Lists hold your team&apos;s todos. Everyone in {org.name} sees changes as they happen.
            </p>
            {can("lists:write") && (
              <Button className="mt-1" onClick={() => setCreating(true)}>
                <PlusIcon aria-hidden />
                Create a list
              </Button>
            )}
          </div>
        )}
        {lists.status === "success" && lists.data.length > 0 && <ListCards lists={lists.data} />}
      </section>
      <ListNameDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}

type ListDoc = FunctionReturnType<typeof api.lists.list>[number];
type Counts = FunctionReturnType<typeof api.lists.counts>[string];

/** Counts are asked for in chunks, so a screen of many lists stays a few cheap queries. */
const CHUNK = 50;

function ListCards({ lists }: { lists: ListDoc[] }) {
  const chunks = [];
  for (let i = 0; i < lists.length; i += CHUNK) chunks.push(lists.slice(i, i + CHUNK));
  return (
    <ul className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2 lg:grid-cols-3">
      {chunks.map((chunk) => (
        <CardChunk key={chunk[0]!._id} lists={chunk} />
      ))}
    </ul>
  );
}

function CardChunk({ lists }: { lists: ListDoc[] }) {
  const today = useToday();
  const counts = useSafeQuery(api.lists.counts, { listIds: lists.map((l) => l._id), today });
  return (
    <>
      {lists.map((list) => (
        <ListCard key={list._id} list={list} counts={counts.status === "success" ? counts.data[list._id] : undefined} />
      ))}
    </>
  );
}

function ListCard({ list, counts }: { list: ListDoc; counts: Counts | undefined }) {
  const { href } = useOrg();
  return (
    <li
      className="group relative flex min-h-24 min-w-0 flex-col justify-between gap-3 rounded-xl border bg-card p-4 shadow-xs transition-[border-color,box-shadow] focus-within:ring-[3px] focus-within:ring-ring/50 hover:border-foreground/20 hover:shadow-sm"
      data-testid="list-card"
    >
      <div className="flex min-w-0 items-start gap-2">
        <HashIcon className="mt-0.5 size-4 shrink-0 text-brand" aria-hidden />
        {/* The link's ::after covers the card, so all of it opens the list; the menu sits above it. */}
        <IntentLink href={href(`/lists/${list._id}`)} title={list.name} className="min-w-0 flex-1 truncate font-medium outline-none after:absolute after:inset-0 after:rounded-xl pointer-coarse:-my-2.5 pointer-coarse:py-2.5">
          {list.name}
        </IntentLink>
        <div className="relative z-10 -mt-1 -mr-1 shrink-0">
          <ListActionsMenu list={list} />
        </div>
      </div>
      {counts ? (
        <span className="flex flex-wrap items-center gap-x-3 gap-y-1 text-xs text-muted-foreground tabular-nums" data-testid="list-counts">
          <span>{counts.open} open</span>
          <span>{counts.done} done</span>
          {counts.mine > 0 && <span className="text-brand-text">{counts.mine} assigned to you</span>}
          {counts.overdue > 0 && <span className="font-medium text-destructive">{counts.overdue} overdue</span>}
        </span>
      ) : (
        <Skeleton className="h-4 w-32" />
      )}
    </li>
  );
}
