"use client";

import { useMemo } from "react";
import { useQueries, type RequestForQueries } from "convex/react";
import type { FunctionArgs, FunctionReference, FunctionReturnType } from "convex/server";
import { queryKey } from "@/lib/query-key";
import { useServerFirst } from "./server-results";

export type SafeQueryResult<T> =
  | { status: "loading"; data: undefined; error: undefined }
  | { status: "success"; data: T; error: undefined }
  | { status: "error"; data: undefined; error: Error };

/**
 * Like `useQuery`, but an error the function throws (NOT_FOUND, FORBIDDEN…)
 * comes back as a value to render instead of reaching an error boundary.
 * Pass "skip" to not run the query. Until the live result is here, the
 * result the server rendered the page with stands in (server-results.tsx).
 */
export function useSafeQuery<Query extends FunctionReference<"query">>(
  query: Query,
  args: FunctionArgs<Query> | "skip",
): SafeQueryResult<FunctionReturnType<Query>> {
  // Function references are fresh proxies on every access: compare by name and args.
  const key = queryKey(query, args);
  const queries = useMemo(
    (): RequestForQueries => (args === "skip" ? {} : { result: { query, args } }),
    // `key` stands for both `query` and `args`.
    [key],
  );
  const results = useQueries(queries);
  const value = useServerFirst(args === "skip" ? null : key, results.result);
  if (value === undefined) return { status: "loading", data: undefined, error: undefined };
  if (value instanceof Error) return { status: "error", data: undefined, error: value };
  return { status: "success", data: value as FunctionReturnType<Query>, error: undefined };
}
