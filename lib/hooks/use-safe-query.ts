"use client";

import { useMemo } from "react";
import { useQueries, type RequestForQueries } from "convex/react";
import { getFunctionName, type FunctionArgs, type FunctionReference, type FunctionReturnType } from "convex/server";

export type SafeQueryResult<T> =
  | { status: "loading"; data: undefined; error: undefined }
  | { status: "success"; data: T; error: undefined }
  | { status: "error"; data: undefined; error: Error };

/**
 * Like `useQuery`, but an error the function throws (NOT_FOUND, FORBIDDEN…)
 * comes back as a value to render instead of reaching an error boundary.
 * Pass "skip" to not run the query.
 */
export function useSafeQuery<Query extends FunctionReference<"query">>(
  query: Query,
  args: FunctionArgs<Query> | "skip",
): SafeQueryResult<FunctionReturnType<Query>> {
  // Function references are fresh proxies on every access: compare by name and args.
  const key = `${getFunctionName(query)}:${JSON.stringify(args)}`;
  const queries = useMemo(
    (): RequestForQueries => (args === "skip" ? {} : { result: { query, args } }),
    // `key` stands for both `query` and `args`.
    [key],
  );
  const results = useQueries(queries);
  const value: unknown = results.result;
  if (value === undefined) return { status: "loading", data: undefined, error: undefined };
  if (value instanceof Error) return { status: "error", data: undefined, error: value };
  return { status: "success", data: value as FunctionReturnType<Query>, error: undefined };
}
