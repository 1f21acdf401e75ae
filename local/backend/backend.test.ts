/**
 * The local backend against the real `convex` clients (ConvexClient over
 * WebSocket, ConvexHttpClient over HTTP), running the app's real functions
 * on a copy of convex/. Memberships are seeded by signed Clerk webhooks;
 * tokens come from a local OIDC issuer.
 */
import { makeFunctionReference, type FunctionReference } from "convex/server";
import { ConvexError } from "convex/values";
import { describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { event, membership, organization } from "../../test/clerk";
import { decodeTs } from "./protocol";
import {
  authResult,
  deliver,
  httpClient,
  probeModule,
  rawSession as raw,
  seededBackend,
  subscribe,
  waitFor,
  wsClient,
} from "./testSupport";

const countTodos = makeFunctionReference<"query", { orgId: string }, number>("localProbe:countTodos");

const world = seededBackend({ "localProbe.ts": probeModule });

async function client(token?: string) {
  const c = await wsClient(world.backend.url, token);
  world.clients.push(c);
  return c;
}

const alice = () => world.issuer.token("user_alice", { id: "org_a", role: "admin" });
const bob = () => world.issuer.token("user_bob", { id: "org_a", role: "member" });
const carol = () => world.issuer.token("user_carol", { id: "org_b", role: "admin" });

describe("auth", () => {
  test("a verified token reaches ctx.auth with Convex's identity fields and the org claim", async () => {
    const me = await httpClient(world.backend.url, await alice()).query(api.me.get, {});
    expect(me.userId).toBe("user_alice");
    expect(me.email).toBe("user_alice@example.com");
    expect(me.activeOrg).toMatchObject({ orgId: "org_a", role: "org:admin" });

    const ws = await client(await bob());
    const overWs = await waitFor(ws, api.me.get, {}, () => true);
    expect(overWs.activeOrg).toMatchObject({ orgId: "org_a", role: "org:member" });
  });

  test.each([
    ["a bad signature", { forgeSignature: true }, /Could not verify/],
    ["the wrong audience", { audience: "not-convex" }, /No auth provider found/],
    ["an expired token", { expiresIn: -120 }, /Could not verify.*exp/],
    ["an unknown issuer", { issuer: "https://elsewhere.example" }, /No auth provider found/],
  ])("refuses %s over HTTP and WebSocket", async (_name, options, message) => {
    const token = await world.issuer.token("user_alice", { id: "org_a", role: "admin" }, options);
    await expect(httpClient(world.backend.url, token).query(api.me.get, {})).rejects.toThrow(message);

    const ws = await client();
    expect(await authResult(ws, async () => token)).toBe(false);
    // Still connected, as nobody.
    await expect(ws.query(api.me.get, {})).rejects.toThrow(/Sign in/);
  });
});

describe("subscriptions", () => {
  test("a mutation from another client updates a subscription", async () => {
    const watcher = await client(await alice());
    const writer = await client(await bob());
    const initial = await waitFor(watcher, api.lists.list, {}, () => true);
    const listId = await writer.mutation(api.lists.create, { name: "From Bob" });
    // The writer's mutation resolves after its own view includes the write.
    expect((await writer.query(api.lists.list, {})).map((l) => l._id)).toContain(listId);
    const updated = await waitFor(watcher, api.lists.list, {}, (lists) => lists.some((l) => l._id === listId));
    expect(updated.length).toBe(initial.length + 1);

    // …and so does one over HTTP.
    const httpListId = await httpClient(world.backend.url, await carol()).mutation(api.lists.create, { name: "Other org" });
    const viaHttp = await httpClient(world.backend.url, await bob()).mutation(api.lists.create, { name: "Via HTTP" });
    const lists = await waitFor(watcher, api.lists.list, {}, (ls) => ls.some((l) => l._id === viaHttp));
    expect(lists.map((l) => l._id)).not.toContain(httpListId);
  });

  test("a commit re-runs only the subscriptions that read a table it wrote", async () => {
    const ws = await client(await alice());
    const me = subscribe(ws, api.me.get, {});
    await me.until(() => true);
    const count = subscribe(ws, countTodos, { orgId: "org_a" });
    const before = await count.until(() => true);
    const runs = (path: string) => world.backend.logs.filter((l) => l.path === path && l.source === "subscription").length;
    const meRuns = runs("me:get");
    const countRuns = runs("localProbe:countTodos");

    const listId = await ws.mutation(api.lists.create, { name: "Tracked" });
    await ws.mutation(api.todos.create, { listId, title: "counted" });
    expect(await count.until((n) => n === before + 1)).toBe(before + 1);
    // countTodos reads todos: re-run for the todo, not for the list. me.get reads only the component's tables.
    expect(runs("localProbe:countTodos")).toBe(countRuns + 1);
    expect(runs("me:get")).toBe(meRuns);
    me.close();
    count.close();
  });

  test("a webhook (HTTP action) updates a subscription", async () => {
    const ws = await client(await alice());
    await waitFor(ws, api.me.get, {}, (me) => me.orgs.length === 1);
    const res = await deliver(world.backend.siteUrl, event("organizationMembership.created", membership("orgmem_c_alice", organization("org_c", { name: "Org C" }), "user_alice", { role: "org:member" })));
    expect(res.status).toBe(200);
    const me = await waitFor(ws, api.me.get, {}, (m) => m.orgs.length === 2);
    expect(me.orgs.map((o) => o.name)).toContain("Org C");
  });

  test("a bad webhook signature is refused with 401 and writes nothing", async () => {
    const res = await deliver(world.backend.siteUrl, event("organizationMembership.created", membership("orgmem_x", organization("org_x"), "user_alice")), { secret: "whsec_" + btoa("some-other-secret-0123456789abcdef") });
    expect(res.status).toBe(401);
  });

  test("a scheduled function updates a subscription", async () => {
    const admin = await client(await alice());
    const listId = await admin.mutation(api.lists.create, { name: "To purge" });
    for (const title of ["one", "two", "three"]) await admin.mutation(api.todos.create, { listId, title });
    await waitFor(admin, countTodos, { orgId: "org_a" }, (n) => n >= 3);
    const before = await admin.query(countTodos, { orgId: "org_a" });
    // remove() deletes the list and schedules internal.lists.purgeTodos for its todos.
    await admin.mutation(api.lists.remove, { listId });
    expect(await waitFor(admin, countTodos, { orgId: "org_a" }, (n) => n === before - 3)).toBe(before - 3);
    expect(world.backend.logs).toContainEqual(expect.objectContaining({ msg: "function", path: "lists:purgeTodos", type: "mutation", source: "scheduler", outcome: "ok" }));
  });

  test("a paginated subscription keeps its page boundary when documents are inserted before it", async () => {
    const ws = await client(await alice());
    const listId = await ws.mutation(api.lists.create, { name: "Paged" });
    const ids: Id<"todos">[] = [];
    for (const title of ["a", "b", "c", "d"]) ids.push(await ws.mutation(api.todos.create, { listId, title }));
    // "b" done: the open todos are a, c, d.
    await ws.mutation(api.todos.setDone, { todoId: ids[1]!, done: true });
    const titles = (p: { page: { title: string }[] }) => p.page.map((t) => t.title);
    const pageOne = subscribe(ws, api.todos.list, { listId, filter: "open", paginationOpts: { numItems: 2, cursor: null } });
    const first = await pageOne.until((p) => p.page.length === 2);
    expect(titles(first)).toEqual(["a", "c"]);
    const pageTwo = subscribe(ws, api.todos.list, { listId, filter: "open", paginationOpts: { numItems: 2, cursor: first.continueCursor } });
    expect(titles(await pageTwo.until(() => true))).toEqual(["d"]);

    // "b" re-opened lands inside page one: the page grows instead of pushing "c" out of both pages.
    await ws.mutation(api.todos.setDone, { todoId: ids[1]!, done: false });
    const grown = await pageOne.until((p) => p.page.length === 3);
    expect(titles(grown)).toEqual(["a", "b", "c"]);
    expect(grown.continueCursor).toBe(first.continueCursor);
    expect(titles(await pageTwo.until(() => true))).toEqual(["d"]);

    // A new todo goes to the end: the last page grows, the first keeps its boundary.
    await ws.mutation(api.todos.create, { listId, title: "e" });
    expect(titles(await pageTwo.until((p) => p.page.length === 2))).toEqual(["d", "e"]);
    expect(titles(await pageOne.until(() => true))).toEqual(["a", "b", "c"]);

    // Without the journal (a one-off query) the same page cuts at two items.
    const fresh = await httpClient(world.backend.url, await alice()).query(api.todos.list, { listId, filter: "open", paginationOpts: { numItems: 2, cursor: null } });
    expect(titles(fresh)).toEqual(["a", "b"]);
    pageOne.close();
    pageTwo.close();
  });

  test("usePaginatedQuery's client (onPaginatedUpdate) sees inserts", async () => {
    const ws = await client(await bob());
    const listId = await ws.mutation(api.lists.create, { name: "Paginated client" });
    for (const title of ["1", "2", "3"]) await ws.mutation(api.todos.create, { listId, title });
    const titles = await new Promise<string[]>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("timed out")), 5000);
      let inserted = false;
      // The experimental API's types want paginationOpts in args; at runtime it adds them itself.
      const unsubscribe = ws.onPaginatedUpdate_experimental(api.todos.list, { listId } as never, { initialNumItems: 10 }, (result) => {
        const page = (result as unknown as { results: { title: string }[] }).results.map((t) => t.title);
        if (page.length === 3 && !inserted) {
          inserted = true;
          void ws.mutation(api.todos.create, { listId, title: "4" });
        }
        if (page.length === 4) {
          clearTimeout(timer);
          unsubscribe();
          resolve(page);
        }
      });
    });
    expect(titles).toEqual(["1", "2", "3", "4"]);
  });
});

describe("wire protocol", () => {
  const rawSession = () => raw(world.backend.url);

  test("versions chain, the mutation response precedes the Transition reaching its ts", async () => {
    const { socket, send, next, received } = await rawSession();
    send({ type: "Authenticate", tokenType: "User", value: await bob(), baseVersion: 0 });
    send({ type: "ModifyQuerySet", baseVersion: 0, newVersion: 1, modifications: [{ type: "Add", queryId: 0, udfPath: "lists:list", args: [{}] }] });
    const auth = (await next("Transition")) as { startVersion: { identity: number }; endVersion: { identity: number; querySet: number; ts: string } };
    expect([auth.startVersion.identity, auth.endVersion.identity]).toEqual([0, 1]);
    const added = (await next("Transition")) as { startVersion: unknown; endVersion: { querySet: number; ts: string }; modifications: { type: string }[] };
    expect(added.startVersion).toEqual(auth.endVersion);
    expect(added.endVersion.querySet).toBe(1);
    expect(added.modifications.map((m) => m.type)).toEqual(["QueryUpdated"]);

    send({ type: "Mutation", requestId: 0, udfPath: "lists:create", args: [{ name: "Raw" }] });
    const response = (await next("MutationResponse")) as { success: boolean; ts: string };
    expect(response.success).toBe(true);
    const update = (await next("Transition")) as { startVersion: unknown; endVersion: { ts: string }; modifications: { type: string }[] };
    expect(update.startVersion).toEqual(added.endVersion);
    expect(decodeTs(update.endVersion.ts) >= decodeTs(response.ts)).toBe(true);
    expect(update.modifications.map((m) => m.type)).toEqual(["QueryUpdated"]);
    expect(received.filter((m) => m.type !== "Ping")).toEqual([]);
    socket.close();
  });

  test("a call made with an expired token waits for a fresh one", async () => {
    const { socket, send, next } = await rawSession();
    send({ type: "Authenticate", tokenType: "User", value: await world.issuer.token("user_bob", { id: "org_a" }, { expiresIn: 1 }), baseVersion: 0 });
    await next("Transition");
    await new Promise((resolve) => setTimeout(resolve, 1100));
    send({ type: "Mutation", requestId: 0, udfPath: "lists:create", args: [{ name: "After refresh" }] });
    expect(await next("AuthError")).toMatchObject({ error: "Token expired", baseVersion: 1, authUpdateAttempted: false });
    send({ type: "Authenticate", tokenType: "User", value: await bob(), baseVersion: 1 });
    expect(((await next("Transition")) as { endVersion: { identity: number } }).endVersion.identity).toBe(2);
    expect(await next("MutationResponse")).toMatchObject({ requestId: 0, success: true });
    socket.close();
  });

  test("HTTP API: /api/run and /api/function take the path from the URL or the body", async () => {
    const headers = { "content-type": "application/json", authorization: `Bearer ${await alice()}` };
    const run = await fetch(`${world.backend.url}/api/run/lists/list`, { method: "POST", headers, body: JSON.stringify({ args: {}, format: "json" }) });
    expect(((await run.json()) as { status: string }).status).toBe("success");
    const fn = await fetch(`${world.backend.url}/api/function`, { method: "POST", headers, body: JSON.stringify({ path: "me:get", args: {}, format: "convex_encoded_json" }) });
    expect(((await fn.json()) as { value: { userId: string } }).value.userId).toBe("user_alice");
    const preflight = await fetch(`${world.backend.url}/api/query`, { method: "OPTIONS", headers: { origin: "http://localhost:3000", "access-control-request-headers": "content-type,authorization,convex-client" } });
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBe("http://localhost:3000");
  });
});

describe("errors", () => {
  test("ConvexError data survives the wire: another org's todo is NOT_FOUND", async () => {
    const owner = await client(await alice());
    const listId = await owner.mutation(api.lists.create, { name: "Private" });
    const todoId = await owner.mutation(api.todos.create, { listId, title: "secret" });

    const stranger = await client(await carol());
    const wsError = await stranger.mutation(api.todos.update, { todoId, title: "mine now" }).catch((e: unknown) => e);
    expect(wsError).toBeInstanceOf(ConvexError);
    expect((wsError as ConvexError<{ code: string }>).data).toEqual({ code: "NOT_FOUND", message: "Todo not found" });

    const httpError = await httpClient(world.backend.url, await carol()).query(api.lists.get, { listId }).catch((e: unknown) => e);
    expect(httpError).toBeInstanceOf(ConvexError);
    expect((httpError as ConvexError<{ code: string }>).data).toMatchObject({ code: "NOT_FOUND" });

    const subscribed = await new Promise<unknown>((resolve) => stranger.onUpdate(api.lists.get, { listId }, () => resolve("no error"), resolve));
    expect((subscribed as ConvexError<{ code: string }>).data).toMatchObject({ code: "NOT_FOUND" });
  });

  test("an internal function answers exactly like a missing one", async () => {
    const ws = await client(await alice());
    const purge = internal.lists.purgeTodos as unknown as FunctionReference<"mutation">;
    const missing = makeFunctionReference<"mutation">("lists:doesNotExist");
    const args = { orgId: "org_a", listId: "x" };
    const strip = (e: unknown) => (e as Error).message.replace(/\[Request ID: \w+\] /, "").replace(/lists:\w+/g, "<fn>");

    const internalWs = await ws.mutation(purge, args).catch((e: unknown) => e);
    const missingWs = await ws.mutation(missing, args).catch((e: unknown) => e);
    expect((internalWs as Error).message).toContain("Could not find public function for 'lists:purgeTodos'");
    expect(strip(internalWs)).toBe(strip(missingWs));
    expect(internalWs).not.toBeInstanceOf(ConvexError);

    const http = httpClient(world.backend.url, await alice());
    const internalHttp = await http.mutation(purge, args).catch((e: unknown) => e);
    const missingHttp = await http.mutation(missing, args).catch((e: unknown) => e);
    expect((internalHttp as Error).message).toContain("Could not find public function for 'lists:purgeTodos'");
    expect(strip(internalHttp)).toBe(strip(missingHttp));
  });

  test("console output of functions becomes log entries and the response's logLines", async () => {
    const res = await fetch(`${world.backend.url}/api/query`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ path: "localProbe:shout", args: [{}], format: "convex_encoded_json" }),
    });
    expect(await res.json()).toEqual({ status: "success", value: "done", logLines: ["[LOG] 'hi' { n: 1 }", "[WARN] 'careful'"] });
    expect(world.backend.logs).toContainEqual({ level: "warn", msg: "console", path: "localProbe:shout", text: "'careful'" });
    // The webhook route logs each delivery.
    expect(world.backend.logs).toContainEqual(expect.objectContaining({ msg: "console", path: "http", text: expect.stringContaining("organizationMembership.created applied") }));
    // …and its request's entry carries the status and that output (one line in the readable log).
    expect(world.backend.logs).toContainEqual(
      expect.objectContaining({ msg: "function", type: "httpAction", path: "POST /clerk-webhook", status: 200, console: [expect.stringContaining("organizationMembership.created applied")] }),
    );
  });

  test("every call gets a structured log line; failures carry the message", async () => {
    const http = httpClient(world.backend.url, await alice());
    await http.query(api.lists.list, {});
    await http.mutation(api.lists.create, { name: "" }).catch(() => undefined);
    const ok = world.backend.logs.find((l) => l.path === "lists:list" && l.source === "http");
    expect(ok).toMatchObject({ msg: "function", type: "query", outcome: "ok" });
    expect(typeof ok?.durationMs).toBe("number");
    const failed = world.backend.logs.find((l) => l.path === "lists:create" && l.source === "http" && l.outcome === "error");
    expect(failed).toMatchObject({ type: "mutation", refused: true, error: expect.stringContaining("INVALID_ARGUMENT") });
  });
});
