import type { Metadata } from "next";
import { MyTodos } from "@/components/todos/assigned-todos";

export const metadata: Metadata = { title: "My todos" };

export default function Page() {
  return <MyTodos />;
}
