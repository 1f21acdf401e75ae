"use client";

import { Authenticated } from "convex/react";
import { useParams } from "next/navigation";
import { TodoRows } from "../../../../todo-rows";

export default function ListPage() {
  const { listId } = useParams<{ listId: string }>();
  // Convex's pattern for signed-in queries: none runs before Clerk's token is set.
  return (
    <Authenticated>
      <TodoRows listId={listId} />
    </Authenticated>
  );
}
