/**
 * One query call's identity, the same on the server and in the browser: the
 * server keys the results it renders a page with by it (lib/preload.ts),
 * and the client's hooks look them up by it (lib/hooks/server-results.tsx).
 *
 *   queryKey(api.lists.get, { listId }) // 'lists:get:{"listId":"…"}'
 */
import { getFunctionName, type FunctionReference } from "convex/server";

export const queryKey = (query: FunctionReference<"query">, args: unknown) => `${getFunctionName(query)}:${JSON.stringify(args)}`;
