"use client";

import { useEffect, useId, useState } from "react";
import { usePaginatedQuery } from "convex/react";
import { CheckIcon, UserRoundIcon, UserRoundXIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { searchText } from "@/convex/lib/fields";
import { cn } from "@/lib/utils";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { useMe } from "@/components/orgs/me-provider";
import { UserAvatar } from "@/components/members/user-avatar";
import { memberName } from "@/components/members/member-name";
import { useMembersDirectory, type Member } from "@/components/members/members-directory";
import { Popover, PopoverContent, PopoverTrigger } from "@/components/ui/popover";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";

type Props = {
  todoTitle: string;
  assigneeId: string | undefined;
  disabled?: boolean;
  /** False on a row's first render (see TodoItem): the button only. */
  wired?: boolean;
  onAssign: (userId: string | null) => void;
};

/** The assignee button of a todo and its member picker (searchable, keyboard-driven). */
export function AssigneePicker({ todoTitle, assigneeId, disabled, wired = true, onAssign }: Props) {
  const directory = useMembersDirectory();
  const [open, setOpen] = useState(false);
  const listed = assigneeId ? directory.get(assigneeId) : undefined;
  // An assignee beyond the members loaded for the page is looked up alone.
  const fetched = useSafeQuery(api.members.get, assigneeId && !listed ? { userId: assigneeId } : "skip");
  const assignee = listed ?? (fetched.status === "success" ? (fetched.data ?? undefined) : undefined);
  const name = assigneeId ? (assignee ? memberName(assignee) : fetched.status === "loading" ? "…" : "a former member") : null;

  const trigger = {
    disabled,
    "aria-label": name ? `Assignee of “${todoTitle}”: ${name}. Change assignee` : `Assign “${todoTitle}”`,
    className: cn(
      "flex size-7 shrink-0 items-center justify-center rounded-full outline-none transition-colors pointer-coarse:size-11 focus-visible:ring-[3px] focus-visible:ring-ring/50 disabled:pointer-events-none",
      !assigneeId && "text-muted-foreground/60 hover:bg-accent hover:text-foreground",
    ),
    children: assigneeId ? <UserAvatar name={name ?? "?"} imageUrl={assignee?.imageUrl} className="size-6" /> : <UserRoundIcon className="size-4" aria-hidden />,
  };
  // Not wired yet: the closed trigger as it renders, without its popover and tooltip.
  if (!wired) return <button type="button" aria-haspopup="dialog" aria-expanded={false} data-state="closed" {...trigger} />;

  return (
    <Popover open={open} onOpenChange={setOpen}>
      <Tooltip>
        <TooltipTrigger asChild>
          <PopoverTrigger {...trigger} />
        </TooltipTrigger>
        <TooltipContent>{name ? `Assigned to ${name}` : "Assign"}</TooltipContent>
      </Tooltip>
      <PopoverContent align="end" className="w-64 p-0" aria-label={`Assignee of “${todoTitle}”`}>
        <MemberCombobox
          currentId={assigneeId ?? null}
          onPick={(member) => {
            if (member) directory.remember(member);
            onAssign(member ? member.userId : null);
            setOpen(false);
          }}
        />
      </PopoverContent>
    </Popover>
  );
}

function MemberCombobox({ currentId, onPick }: { currentId: string | null; onPick: (member: Member | null) => void }) {
  const me = useMe();
  const id = useId();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState("");
  const [active, setActive] = useState(0);

  useEffect(() => {
    const timer = setTimeout(() => {
      const parsed = searchText(query);
      setSearch(parsed.ok ? parsed.value : "");
    }, 150);
    return () => clearTimeout(timer);
  }, [query]);

  const { results, status } = usePaginatedQuery(api.members.list, search ? { search } : {}, { initialNumItems: 20 });
  // "Me" first, then everyone else as the server orders them.
  const members = [...results].sort((a, b) => Number(b.userId === me.userId) - Number(a.userId === me.userId));
  const options: (Member | null)[] = [null, ...members];
  const activeIndex = Math.min(active, options.length - 1);

  function onKeyDown(event: React.KeyboardEvent) {
    if (event.key === "ArrowDown") {
      event.preventDefault();
      setActive((i) => Math.min(i + 1, options.length - 1));
    } else if (event.key === "ArrowUp") {
      event.preventDefault();
      setActive((i) => Math.max(i - 1, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const option = options[activeIndex];
      if (option !== undefined) onPick(option);
    }
  }

  return (
    <div className="flex flex-col">
      <label htmlFor={`${id}-input`} className="sr-only">
        Search members
      </label>
      <input
        id={`${id}-input`}
        role="combobox"
        aria-expanded
        aria-controls={`${id}-list`}
        aria-activedescendant={`${id}-opt-${activeIndex}`}
        aria-autocomplete="list"
        autoFocus
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={onKeyDown}
        placeholder="Assign to…"
        className="h-10 border-b bg-transparent px-3 text-sm outline-none placeholder:text-muted-foreground"
      />
      <ul id={`${id}-list`} role="listbox" aria-label="Members" className="max-h-64 overflow-y-auto p-1">
        {options.map((member, index) => {
          const selected = member ? member.userId === currentId : currentId === null;
          const label = member ? memberName(member) : "Unassigned";
          return (
            <li
              key={member?.userId ?? "none"}
              id={`${id}-opt-${index}`}
              role="option"
              aria-selected={index === activeIndex}
              onMouseEnter={() => setActive(index)}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => onPick(member)}
              className={cn(
                "flex cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm",
                index === activeIndex && "bg-accent text-accent-foreground",
              )}
            >
              {member ? (
                <UserAvatar name={label} imageUrl={member.imageUrl} className="size-5" />
              ) : (
                <UserRoundXIcon className="size-4 text-muted-foreground" aria-hidden />
              )}
              <span className="truncate">
                {label}
                {member?.userId === me.userId && <span className="text-muted-foreground"> (you)</span>}
              </span>
              {selected && (
                <>
                  <CheckIcon className="ml-auto size-4" aria-hidden />
                  <span className="sr-only">(current)</span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      {status === "LoadingFirstPage" && <p className="px-3 pb-2 text-sm text-muted-foreground">Loading members…</p>}
      {status !== "LoadingFirstPage" && members.length === 0 && search && (
        <p className="px-3 pb-2 text-sm text-muted-foreground">No member matches “{search}”.</p>
      )}
    </div>
  );
}
