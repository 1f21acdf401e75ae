"use client";

import { useMemo, useRef } from "react";
import { compareValues } from "convex/values";

type Doc = { _id: string };

/**
 * The documents of a subscription, each the same object as on the last
 * render while its content is unchanged.
 *
 * Convex sends a query's whole result on every change and the client parses
 * it into new objects, so one todo ticked on another screen hands every row
 * of its page a "new" todo and memoised rows re-render anyway. With this,
 * only the changed row does:
 *
 * ```tsx
 * const { results } = usePaginatedQuery(api.todos.list, args, { initialNumItems: 20 });
 * const todos = useStableDocs(results);
 * return todos.map((todo) => <TodoRow key={todo._id} todo={todo} />); // TodoRow = memo(...)
 * ```
 */
export function useStableDocs<T extends Doc>(docs: T[]): T[] {
  // Written during render: a render React discards only costs the next one some identities, never a wrong row.
  const last = useRef<T[]>([]);
  return useMemo(() => (last.current = keepUnchanged(last.current, docs)), [docs]);
}

/** `docs`, with each one equal in content to a document of `previous` replaced by that object. */
export function keepUnchanged<T extends Doc>(previous: readonly T[], docs: T[]): T[] {
  const byId = new Map(previous.map((doc) => [doc._id, doc]));
  return docs.map((doc) => {
    const before = byId.get(doc._id);
    return before !== undefined && compareValues(before, doc) === 0 ? before : doc;
  });
}
