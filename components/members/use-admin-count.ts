"use client";

import { usePaginatedQuery } from "convex-helpers/react/cache/hooks";
import { api } from "@/convex/_generated/api";
import { DIRECTORY_PAGE } from "./members-directory";

/**
 * How many admins the org has, when every member is loaded (else null: the
 * server still refuses to remove the last admin, the UI just can't tell).
 */
export function useAdminCount(): number | null {
  const { results, status } = usePaginatedQuery(api.members.list, {}, { initialNumItems: DIRECTORY_PAGE });
  if (status !== "Exhausted") return null;
  return results.filter((m) => m.role === "org:admin").length;
}
