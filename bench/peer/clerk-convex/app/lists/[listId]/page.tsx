"use client";

import { useParams } from "next/navigation";
import { TodoRows } from "../../../../todo-rows";

export default function ListPage() {
  const { listId } = useParams<{ listId: string }>();
  return <TodoRows listId={listId} />;
}
