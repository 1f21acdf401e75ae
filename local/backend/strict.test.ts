/**
 * Where the local backend is as strict as a Convex deployment, over the real
 * `ConvexClient` (or a raw WebSocket where the client library hides the
 * detail): a session whose token expired gets nothing until it authenticates
 * again (the real client refetches a token and carries on, or is signed out
 * when it cannot: a revoked session); a re-sent mutation is answered only to
 * the identity that sent it; a token without `exp` is refused; a malformed
 * pagination cursor is a clear `InvalidCursor` error.
 */
import { ConvexClient } from "convex/browser";
import type { FunctionArgs, FunctionReference, FunctionReturnType } from "convex/server";
import { describe, expect, test } from "vitest";
import WebSocket from "ws";
import { api } from "../../convex/_generated/api";
import {
  authResult,
  httpClient,
  rawSession,
  seededBackend,
  sleep,
  wsClient,
} from "./testSupport";

const world = seededBackend();
const { clients } = world;

const alice = () => world.issuer.token("user_alice", { id: "org_a", role: "admin" });
const carol = () => world.issuer.token("user_carol", { id: "org_b", role: "admin" });

function newClient(): ConvexClient {
  const client = new ConvexClient(world.backend.url, { webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket, unsavedChangesWarning: false, logger: false });
  clients.push(client);
  return client;
}

async function until(what: string, check: () => boolean, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** Every result and error a subscription delivers, in order. */
function record<Q extends FunctionReference<"query">>(client: ConvexClient, query: Q, args: FunctionArgs<Q>) {
  const events: ({ value: FunctionReturnType<Q> } | { error: Error })[] = [];
  client.onUpdate(query, args, (value) => events.push({ value }), (error) => events.push({ error }));
  return events;
}

/** Bob's session: a token living `seconds`, and a token fetcher the test controls like Clerk would. */
async function bobsSession(seconds: number) {
  const first = await world.issuer.token("user_bob", { id: "org_a" }, { expiresIn: seconds });
  const expiresAt = Date.now() + seconds * 1000;
  const session = { next: first as string | null, served: [] as (string | null)[], authChanges: [] as boolean[] };
  const client = newClient();
  client.setAuth(
    async () => {
      session.served.push(session.next);
      return session.next;
    },
    (isAuthenticated) => session.authChanges.push(isAuthenticated),
  );
  // Confirmed, then the client's immediate forced refetch answered (with the
  // same token: Clerk's token cache), so nothing is scheduled before expiry.
  await until("the first token accepted and refetched", () => session.authChanges.includes(true) && session.served.length >= 2);
  return { client, session, first, expiredAt: () => until("the token to expire", () => Date.now() > expiresAt + 200, seconds * 1000 + 2000) };
}

describe("a session whose token expired", () => {
  test("revoked (no fresh token): gets no update after expiry, is told, and ends up signed out", async () => {
    const { client, session, expiredAt } = await bobsSession(2);
    const events = record(client, api.lists.list, {});
    await until("the first result", () => events.length > 0);
    session.next = null; // the session is revoked at Clerk: its last token just runs out
    await expiredAt();

    const listId = await (await wsClient(world.backend.url, await alice())).mutation(api.lists.create, { name: "Made after Bob's token expired" });
    await until("the client to give up on auth", () => session.authChanges.at(-1) === false);
    await until("the subscription to answer as nobody", () => events.some((e) => "error" in e));

    const lists = events.flatMap((e) => ("value" in e ? [e.value] : []));
    expect(lists.some((ls) => ls.some((l) => l._id === listId))).toBe(false);
    expect(events.find((e) => "error" in e)).toMatchObject({ error: { message: expect.stringMatching(/Sign in/) } });
  }, 20_000);

  test("refreshable: what it missed arrives once the client has authenticated with a fresh token", async () => {
    const { client, session, first, expiredAt } = await bobsSession(2);
    const seenWith: { listIds: string[]; freshServed: boolean }[] = [];
    client.onUpdate(api.lists.list, {}, (lists) => seenWith.push({ listIds: lists.map((l) => l._id), freshServed: session.served.some((t) => t && t !== first) }));
    await until("the first result", () => seenWith.length > 0);
    await expiredAt();
    session.next = await world.issuer.token("user_bob", { id: "org_a" }, { expiresIn: 120 });

    const listId = await (await wsClient(world.backend.url, await alice())).mutation(api.lists.create, { name: "Seen after the refresh" });
    await until("the new list", () => seenWith.some((s) => s.listIds.includes(listId)));
    // Not before the client fetched the fresh token (forced) and authenticated with it.
    expect(seenWith.find((s) => s.listIds.includes(listId))?.freshServed).toBe(true);
    expect(session.authChanges).not.toContain(false);
    // …and it carries on: its own mutation runs as Bob.
    expect(await client.mutation(api.lists.create, { name: "Bob again" })).toEqual(expect.any(String));
  }, 20_000);

  test("raw protocol: a query added after expiry gets its result only after Authenticate", async () => {
    const { send, next, received, socket } = await rawSession(world.backend.url);
    send({ type: "Authenticate", tokenType: "User", value: await world.issuer.token("user_bob", { id: "org_a" }, { expiresIn: 1 }), baseVersion: 0 });
    await next("Transition");
    await sleep(1100);
    send({ type: "ModifyQuerySet", baseVersion: 0, newVersion: 1, modifications: [{ type: "Add", queryId: 0, udfPath: "lists:list", args: [{}] }] });
    expect(await next("AuthError")).toMatchObject({ error: "Token expired", baseVersion: 1, authUpdateAttempted: false });
    await sleep(200);
    expect(received.filter((m) => m.type === "Transition")).toEqual([]);
    send({ type: "Authenticate", tokenType: "User", value: await world.issuer.token("user_bob", { id: "org_a" }), baseVersion: 1 });
    const auth = (await next("Transition")) as { endVersion: { identity: number; querySet: number } };
    expect(auth.endVersion).toMatchObject({ identity: 2, querySet: 0 });
    const added = (await next("Transition")) as { endVersion: { querySet: number }; modifications: { type: string }[] };
    expect(added.endVersion.querySet).toBe(1);
    expect(added.modifications.map((m) => m.type)).toEqual(["QueryUpdated"]);
    socket.close();
  });
});

describe("re-sent mutations", () => {
  test("are answered from memory only to the identity that sent them", async () => {
    const sessionId = crypto.randomUUID();
    const create = (name: string) => ({ type: "Mutation", requestId: 0, udfPath: "lists:create", args: [{ name }] });

    const first = await rawSession(world.backend.url, sessionId);
    first.send({ type: "Authenticate", tokenType: "User", value: await alice(), baseVersion: 0 });
    first.send(create("Alice's list"));
    const aliceAnswer = (await first.next("MutationResponse")) as { success: boolean; result: string };
    expect(aliceAnswer.success).toBe(true);
    first.socket.close();

    // Carol (another org) reuses Alice's session and request ids: her own mutation runs.
    const other = await rawSession(world.backend.url, sessionId);
    other.send({ type: "Authenticate", tokenType: "User", value: await carol(), baseVersion: 0 });
    other.send(create("Carol's list"));
    const carolAnswer = (await other.next("MutationResponse")) as { success: boolean; result: string };
    expect(carolAnswer.success).toBe(true);
    expect(carolAnswer.result).not.toBe(aliceAnswer.result);
    other.socket.close();
    const carolsLists = await httpClient(world.backend.url, await carol()).query(api.lists.list, {});
    expect(carolsLists.map((l) => l.name)).toContain("Carol's list");
    expect(carolsLists.map((l) => l._id)).not.toContain(aliceAnswer.result);

    // Alice re-sending (a reconnect) still gets her answer, without a second list.
    const again = await rawSession(world.backend.url, sessionId);
    again.send({ type: "Authenticate", tokenType: "User", value: await alice(), baseVersion: 0 });
    again.send(create("Alice's list"));
    expect(await again.next("MutationResponse")).toMatchObject({ success: true, result: aliceAnswer.result });
    again.socket.close();
    const alicesLists = await httpClient(world.backend.url, await alice()).query(api.lists.list, {});
    expect(alicesLists.filter((l) => l.name === "Alice's list")).toHaveLength(1);
  });
});

describe("tokens", () => {
  test("a token without `exp` is refused over HTTP and WebSocket", async () => {
    const token = await world.issuer.token("user_alice", { id: "org_a", role: "admin" }, { noExpiry: true });
    await expect(httpClient(world.backend.url, token).query(api.me.get, {})).rejects.toThrow(/exp/);
    const ws = await wsClient(world.backend.url);
    clients.push(ws);
    expect(await authResult(ws, async () => token)).toBe(false);
    await expect(ws.query(api.me.get, {})).rejects.toThrow(/Sign in/);
  });
});

describe("pagination cursors", () => {
  test("a malformed cursor is a clear InvalidCursor error; a real one still pages", async () => {
    const ws = await wsClient(world.backend.url, await alice());
    clients.push(ws);
    const listId = await ws.mutation(api.lists.create, { name: "Cursors" });
    for (const title of ["one", "two", "three"]) await ws.mutation(api.todos.create, { listId, title });
    const page = (cursor: string | null) => ({ listId, paginationOpts: { numItems: 2, cursor } });

    for (const cursor of ["garbage", "[]", '["not json"]', "{}", '[{"a":1}]']) {
      const overWs = await ws.query(api.todos.list, page(cursor)).catch((e: unknown) => e as Error);
      expect(overWs).toBeInstanceOf(Error);
      expect((overWs as Error).message).toMatch(/InvalidCursor: Failed to parse cursor/);
      expect((overWs as Error).message).not.toMatch(/SyntaxError|is not a function|JSON/);
      await expect(httpClient(world.backend.url, await alice()).query(api.todos.list, page(cursor))).rejects.toThrow(/InvalidCursor: Failed to parse cursor/);
    }
    const first = await ws.query(api.todos.list, page(null));
    const second = await ws.query(api.todos.list, page(first.continueCursor));
    expect([...first.page, ...second.page].map((t) => t.title)).toEqual(["one", "two", "three"]);
  });
});
