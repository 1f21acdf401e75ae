import type { Metadata } from "next";
import { Suspense } from "react";
import { ListView } from "@/components/todos/list-view";
import { PageSkeleton } from "@/components/layout/org-shell";

export const metadata: Metadata = { title: "List" };

export default async function ListPage({ params }: { params: Promise<{ listId: string }> }) {
  const { listId } = await params;
  return (
    <Suspense fallback={<PageSkeleton />}>
      <ListView key={listId} listId={listId} />
    </Suspense>
  );
}
