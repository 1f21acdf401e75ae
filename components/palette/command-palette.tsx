"use client";

import { useEffect, useMemo, useState } from "react";
import { useParams, useRouter } from "next/navigation";
import { Command } from "cmdk";
import { useMutation } from "convex/react";
import {
  ArrowLeftRightIcon,
  CircleCheckIcon,
  CircleIcon,
  CircleUserRoundIcon,
  HashIcon,
  HistoryIcon,
  LayoutGridIcon,
  ListPlusIcon,
  PlusIcon,
  SettingsIcon,
  UserIcon,
  UsersIcon,
} from "lucide-react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { searchText } from "@/convex/lib/fields";
import { cleanText, textFields } from "@/convex/lib/text";
import { can } from "@/convex/lib/permissions";
import { errorMessage } from "@/lib/errors";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { orgPath, useMe } from "@/components/orgs/me-provider";
import { memberName } from "@/components/members/member-name";
import { Dialog, DialogContent, DialogDescription, DialogTitle } from "@/components/ui/dialog";

type Props = { open: boolean; onOpenChange: (open: boolean) => void };

const itemClass =
  "flex min-h-9 cursor-default items-center gap-2 rounded-md px-2 py-1.5 text-sm outline-none select-none data-[selected=true]:bg-accent data-[selected=true]:text-accent-foreground pointer-coarse:min-h-11 [&_svg]:size-4 [&_svg]:shrink-0 [&_svg]:text-muted-foreground";
const groupClass =
  "[&_[cmdk-group-heading]]:px-2 [&_[cmdk-group-heading]]:pt-2 [&_[cmdk-group-heading]]:pb-1 [&_[cmdk-group-heading]]:text-xs [&_[cmdk-group-heading]]:font-medium [&_[cmdk-group-heading]]:text-muted-foreground";

/** What the user typed, once they pause: the server is asked once per pause, not per key. */
function useDebounced(value: string, ms = 150) {
  const [debounced, setDebounced] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setDebounced(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return debounced;
}

const matches = (text: string, query: string) => text.toLowerCase().includes(query.trim().toLowerCase());

/**
 * ⌘K: jump to a list, a todo (searched by title and notes across the
 * organization), a member's page or a page of the org; switch organization;
 * create a list, or a todo in the list on screen (or one picked).
 */
export function CommandPalette({ open, onOpenChange }: Props) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogContent showClose={false} className="top-[max(10vh,1rem)] max-w-xl gap-0 overflow-hidden p-0">
        <DialogTitle className="sr-only">Search and commands</DialogTitle>
        <DialogDescription className="sr-only">Type to search todos, lists and members, or to run a command.</DialogDescription>
        {open && <Palette close={() => onOpenChange(false)} />}
      </DialogContent>
    </Dialog>
  );
}

function Palette({ close }: { close: () => void }) {
  const me = useMe();
  const router = useRouter();
  const params = useParams<{ slug?: string; listId?: string }>();
  const [query, setQuery] = useState("");
  const [page, setPage] = useState<"root" | "addTo">("root");
  const [pendingTitle, setPendingTitle] = useState("");
  const text = useDebounced(query);
  const org = me.activeOrg;
  const inOrg = !!org && !!params.slug;
  const orgHref = (path = "") => (org ? orgPath(org, path) : "/orgs");
  const grant = org ? { role: org.role, permissions: org.permissions } : null;

  const lists = useSafeQuery(api.lists.list, org ? {} : "skip");
  const search = searchText(text);
  const todos = useSafeQuery(api.search.todos, org && search.ok && search.value.length >= 2 ? { text: search.value } : "skip");
  const members = useSafeQuery(
    api.members.list,
    org && search.ok && search.value.length >= 1 ? { search: search.value, paginationOpts: { numItems: 5, cursor: null } } : "skip",
  );
  const createList = useMutation(api.lists.create);
  const createTodo = useMutation(api.todos.create);

  const openLists = useMemo(() => (lists.status === "success" ? lists.data : []), [lists]);
  const currentList = openLists.find((l) => l._id === params.listId) ?? null;
  const go = (href: string) => {
    close();
    router.push(href);
  };

  async function addTodo(listId: string, name: string) {
    const title = cleanText(textFields.todoTitle, pendingTitle || query);
    if (!title.ok) return toast.error(title.error);
    close();
    try {
      const todoId = await createTodo({ listId, title: title.value });
      toast.success(`Added “${title.value}” to ${name}`);
      if (params.listId !== listId) router.push(orgHref(`/lists/${listId}?todo=${todoId}`));
    } catch (error) {
      toast.error(errorMessage(error));
    }
  }

  async function addList() {
    const name = cleanText(textFields.listName, query);
    if (!name.ok) return toast.error(name.error);
    close();
    try {
      const listId = await createList({ name: name.value });
      toast.success(`Created “${name.value}”`);
      router.push(orgHref(`/lists/${listId}`));
    } catch (error) {
      toast.error(errorMessage(error));
    }
  }

  const typed = query.trim();
  const pages = [
    { label: "Overview", path: "", icon: LayoutGridIcon },
    { label: "My todos", path: "/my", icon: CircleUserRoundIcon },
    { label: "Members", path: "/members", icon: UsersIcon },
    ...(grant && can(grant, "members:manage") ? [{ label: "Activity", path: "/activity", icon: HistoryIcon }] : []),
    ...(grant && can(grant, "org:manage") ? [{ label: "Settings", path: "/settings", icon: SettingsIcon }] : []),
  ];

  return (
    <Command
      label="Search and commands"
      shouldFilter={false}
      loop
      onKeyDown={(event) => {
        if (page !== "root" && (event.key === "Escape" || (event.key === "Backspace" && !query))) {
          event.preventDefault();
          setPage("root");
          setQuery(pendingTitle);
          setPendingTitle("");
        }
      }}
      className="flex max-h-[min(32rem,80dvh)] flex-col"
    >
      <Command.Input
        value={query}
        onValueChange={setQuery}
        placeholder={page === "addTo" ? `Add “${pendingTitle}” to which list?` : "Search todos, lists, members, or type a command…"}
        className="h-12 w-full shrink-0 border-b bg-transparent px-4 text-sm outline-none placeholder:text-muted-foreground pointer-coarse:h-14"
      />
      <div role="status" aria-live="polite" className="sr-only">
        {todos.status === "success" ? `${todos.data.length} todo${todos.data.length === 1 ? "" : "s"} found` : ""}
      </div>
      <Command.List className="min-h-0 overflow-y-auto overscroll-contain p-2">
        <Command.Empty className="px-2 py-6 text-center text-sm text-muted-foreground">
          {todos.status === "loading" || members.status === "loading" ? "Searching…" : "Nothing found."}
        </Command.Empty>

        {page === "addTo" ? (
          <Command.Group heading="Add to list" className={groupClass}>
            {openLists
              .filter((l) => matches(l.name, query))
              .map((list) => (
                <Command.Item key={list._id} value={`add-to-${list._id}`} onSelect={() => void addTodo(list._id, list.name)} className={itemClass}>
                  <HashIcon aria-hidden />
                  <span className="truncate">{list.name}</span>
                </Command.Item>
              ))}
          </Command.Group>
        ) : (
          <>
            {org && typed && grant && can(grant, "todos:write") && (
              <Command.Group heading="Create" className={groupClass}>
                {currentList && !currentList.archived ? (
                  <Command.Item value="create-todo-here" onSelect={() => void addTodo(currentList._id, currentList.name)} className={itemClass}>
                    <PlusIcon aria-hidden />
                    <span className="truncate">
                      Add todo “{typed}” to {currentList.name}
                    </span>
                  </Command.Item>
                ) : (
                  openLists.length > 0 && (
                    <Command.Item
                      value="create-todo"
                      onSelect={() => {
                        setPendingTitle(typed);
                        setQuery("");
                        setPage("addTo");
                      }}
                      className={itemClass}
                    >
                      <PlusIcon aria-hidden />
                      <span className="truncate">Add todo “{typed}” to a list…</span>
                    </Command.Item>
                  )
                )}
                {can(grant, "lists:write") && (
                  <Command.Item value="create-list" onSelect={() => void addList()} className={itemClass}>
                    <ListPlusIcon aria-hidden />
                    <span className="truncate">Create list “{typed}”</span>
                  </Command.Item>
                )}
              </Command.Group>
            )}

            {todos.status === "success" && todos.data.length > 0 && (
              <Command.Group heading="Todos" className={groupClass}>
                {todos.data.map((todo) => (
                  <Command.Item key={todo._id} value={`todo-${todo._id}`} onSelect={() => go(orgHref(`/lists/${todo.list._id}?todo=${todo._id}`))} className={itemClass}>
                    {todo.done ? <CircleCheckIcon aria-hidden /> : <CircleIcon aria-hidden />}
                    <span className="min-w-0 flex-1 truncate">{todo.title}</span>
                    <span className="max-w-[40%] shrink-0 truncate text-xs text-muted-foreground">{todo.list.name}</span>
                  </Command.Item>
                ))}
              </Command.Group>
            )}

            {openLists.some((l) => matches(l.name, query)) && (
              <Command.Group heading="Lists" className={groupClass}>
                {openLists
                  .filter((l) => matches(l.name, query))
                  .slice(0, typed ? 8 : 5)
                  .map((list) => (
                    <Command.Item key={list._id} value={`list-${list._id}`} onSelect={() => go(orgHref(`/lists/${list._id}`))} className={itemClass}>
                      <HashIcon aria-hidden />
                      <span className="truncate">{list.name}</span>
                    </Command.Item>
                  ))}
              </Command.Group>
            )}

            {members.status === "success" && members.data.page.length > 0 && (
              <Command.Group heading="Members" className={groupClass}>
                {members.data.page.map((member) => (
                  <Command.Item key={member.userId} value={`member-${member.userId}`} onSelect={() => go(orgHref(`/members/${encodeURIComponent(member.userId)}`))} className={itemClass}>
                    <UserIcon aria-hidden />
                    <span className="truncate">{memberName(member)}</span>
                    {member.email && <span className="ml-auto max-w-[45%] truncate text-xs text-muted-foreground">{member.email}</span>}
                  </Command.Item>
                ))}
              </Command.Group>
            )}

            {org && pages.some((p) => matches(p.label, query)) && (
              <Command.Group heading={`Go to (${org.name})`} className={groupClass}>
                {pages
                  .filter((p) => matches(p.label, query))
                  .map(({ label, path, icon: Icon }) => (
                    <Command.Item key={label} value={`page-${label}`} onSelect={() => go(orgHref(path))} className={itemClass}>
                      <Icon aria-hidden />
                      {label}
                    </Command.Item>
                  ))}
              </Command.Group>
            )}

            {me.orgs.some((o) => o.orgId !== org?.orgId && matches(`Switch to ${o.name}`, query)) && (
              <Command.Group heading="Organizations" className={groupClass}>
                {me.orgs
                  .filter((o) => o.orgId !== org?.orgId && matches(`Switch to ${o.name}`, query))
                  .map((o) => (
                    <Command.Item
                      key={o.orgId}
                      value={`org-${o.orgId}`}
                      onSelect={() => {
                        // The org's pages make it the active one (OrgGate).
                        go(orgPath(o));
                      }}
                      className={itemClass}
                    >
                      <ArrowLeftRightIcon aria-hidden />
                      <span className="truncate">Switch to {o.name}</span>
                    </Command.Item>
                  ))}
              </Command.Group>
            )}
            {!inOrg && matches("Profile", query) && (
              <Command.Group heading="You" className={groupClass}>
                <Command.Item value="profile" onSelect={() => go("/profile")} className={itemClass}>
                  <UserIcon aria-hidden />
                  Profile
                </Command.Item>
              </Command.Group>
            )}
          </>
        )}
      </Command.List>
      <div className="flex shrink-0 items-center gap-3 border-t px-3 py-2 text-xs text-muted-foreground max-sm:hidden" aria-hidden>
        <span>↑↓ to move</span>
        <span>↵ to choose</span>
        <span>Esc to {page === "root" ? "close" : "go back"}</span>
      </div>
    </Command>
  );
}
