import { CircleCheckBigIcon, FilterXIcon, InboxIcon, ListTodoIcon, UserRoundCheckIcon } from "lucide-react";
import { Kbd } from "@/components/ui/kbd";
import type { Filter } from "./filters";

type Kind = Filter | "view";

const EMPTY: Record<Kind, { icon: typeof InboxIcon; title: string; text: React.ReactNode }> = {
  all: {
    icon: ListTodoIcon,
    title: "No todos yet",
    text: (
      <>
        Add the first one above — press <Kbd>N</Kbd> from anywhere on this page.
      </>
    ),
  },
  open: {
    icon: CircleCheckBigIcon,
    title: "All clear",
    text: (
      <>
        Nothing open in this list. Add a todo above — press <Kbd>N</Kbd> from anywhere on this page.
      </>
    ),
  },
  done: { icon: InboxIcon, title: "Nothing done yet", text: "Completed todos show up here." },
  mine: { icon: UserRoundCheckIcon, title: "Nothing assigned to you", text: "Todos assigned to you in this list show up here." },
  view: { icon: FilterXIcon, title: "Nothing matches", text: "No open todo has this due date or priority." },
};

export function TodoEmpty({ filter }: { filter: Kind }) {
  const { icon: Icon, title, text } = EMPTY[filter];
  return (
    <div className="flex flex-col items-center gap-2 rounded-xl border border-dashed px-6 py-14 text-center">
      <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
        <Icon className="size-5" aria-hidden />
      </span>
      <h2 className="text-sm font-medium">{title}</h2>
      <p className="text-sm text-muted-foreground">{text}</p>
    </div>
  );
}
