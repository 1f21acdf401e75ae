import type { Metadata } from "next";
import { Suspense } from "react";
import { ServerResults } from "@/lib/hooks/server-results";
import { preloadResults, serverToday } from "@/lib/preload";
import { ListView } from "@/components/todos/list-view";
import { PageSkeleton } from "@/components/layout/org-shell";
import { firstListQueries, parseView } from "@/components/todos/view";

export const metadata: Metadata = { title: "List" };

type Props = { params: Promise<{ listId: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function ListPage({ params, searchParams }: Props) {
  const { listId } = await params;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <ListData listId={listId} searchParams={searchParams}>
        <ListView key={listId} listId={listId} />
      </ListData>
    </Suspense>
  );
}

/**
 * The list, its first page of todos (as the URL's view shows them) and its
 * "Completed" count, rendered on the server. Only when the browser's day is
 * known: the rows' due dates read "Today", "Overdue"… from it.
 */
async function ListData({ listId, searchParams, children }: { listId: string; searchParams: Props["searchParams"]; children: React.ReactNode }) {
  const [search, today] = await Promise.all([searchParams, serverToday()]);
  if (!today) return children;
  // As the browser's `useSearchParams().get` reads them: a repeated parameter's first value.
  const view = parseView(new URLSearchParams(Object.entries(search).flatMap(([k, v]) => (v === undefined ? [] : [[k, [v].flat()[0]!]]))));
  const results = await preloadResults(Object.values(firstListQueries(listId, view, today)));
  return <ServerResults results={results}>{children}</ServerResults>;
}
