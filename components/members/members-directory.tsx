"use client";

import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from "react";
import { usePaginatedQuery } from "convex-helpers/react/cache/hooks";
import type { FunctionReturnType } from "convex/server";
import { api } from "@/convex/_generated/api";

export type Member = FunctionReturnType<typeof api.members.list>["page"][number];

type Directory = {
  /** The member with this user id, if loaded. */
  get: (userId: string) => Member | undefined;
  /** Remembers a member found elsewhere (e.g. by searching the picker). */
  remember: (member: Member) => void;
};

const DirectoryContext = createContext<Directory | null>(null);

/** Members the directory loads up front. */
export const DIRECTORY_PAGE = 200;

/** Names and avatars for assignees: the org's first members, plus any picked by search. */
export function MembersDirectoryProvider({ children }: { children: ReactNode }) {
  const { results } = usePaginatedQuery(api.members.list, {}, { initialNumItems: DIRECTORY_PAGE });
  const [extra, setExtra] = useState<Record<string, Member>>({});
  const byId = useMemo(() => {
    const map = new Map<string, Member>(Object.entries(extra));
    for (const m of results) map.set(m.userId, m);
    return map;
  }, [results, extra]);
  const remember = useCallback((member: Member) => {
    setExtra((prev) => (prev[member.userId] ? prev : { ...prev, [member.userId]: member }));
  }, []);
  const value = useMemo<Directory>(() => ({ get: (id) => byId.get(id), remember }), [byId, remember]);
  return <DirectoryContext.Provider value={value}>{children}</DirectoryContext.Provider>;
}

export function useMembersDirectory(): Directory {
  const value = useContext(DirectoryContext);
  if (!value) throw new Error("useMembersDirectory() must be used inside <MembersDirectoryProvider>.");
  return value;
}
