/**
 * `npm run bench`, web app: what the list page costs a browser, measured on
 * the production builds of the app and of the Clerk+Convex peer
 * (bench/peer/) in one run, against one local stack, taking turns, so
 * every figure is read as a ratio to the peer's. Clocks are the pages' own
 * (`performance.timeOrigin + now`, on the machine's one wall clock) and
 * Chromium's WebSocket frame timestamps mapped onto it; Playwright's own
 * latency is never inside a figure. Asserts nothing about time.
 */
import { loadavg } from "node:os";
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { expect, test, type Browser, type BrowserContext, type CDPSession, type Page } from "@playwright/test";
import { ConvexHttpClient } from "convex/browser";
import { api } from "../convex/_generated/api";
import { clerkApi, orgId, signIn, todo, userId } from "../e2e/helpers";
import { E2E } from "../e2e/stack";
import { PEERS } from "./peer/peers";
import { median, record } from "./results";

const ROUNDS = 30;
/** 1 row against 50 on one screen: spells of each size in turn, `ROW_ROUNDS` toggles apiece (half leaving, half returning). */
const ROW_SPELLS = 4;
const ROW_ROUNDS = 30;
const LOADS = 7;
/** The first todo of the seeded lists (`seed`). */
const FIRST_TITLE = "Bench todo 01";
const SIGN_INS = 7;

type Target = { name: "app" | "peer"; url: (listId: string) => string };
const APP: Target = { name: "app", url: (listId) => `/orgs/acme/lists/${listId}` };
const PEER: Target = { name: "peer", url: (listId) => `${PEERS.clerkConvex.url}/lists/${listId}` };

declare global {
  interface Window {
    __benchDown?: number;
    __benchFirstTodo?: number;
    __benchFirstTodoInDom?: number;
    __benchWatch?: Promise<number>;
  }
}

/**
 * In every page: the wall-clock time of the last pointerdown (kept in
 * sessionStorage too, so it survives the sign-in's navigations), and of the
 * first todo row in the DOM and the first frame that draws it.
 */
function clocks() {
  const now = () => performance.timeOrigin + performance.now();
  addEventListener(
    "pointerdown",
    (event) => {
      window.__benchDown = performance.timeOrigin + event.timeStamp;
      sessionStorage.setItem("benchDown", String(window.__benchDown));
    },
    true,
  );
  const seen = () => document.querySelector('[data-testid="todo-item"]') !== null;
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    window.__benchFirstTodoInDom = now();
    // The frame that draws it: a row in the server's HTML is in the DOM before the page's
    // stylesheet has loaded, and nothing is drawn until it has.
    requestAnimationFrame(() => (window.__benchFirstTodo = now()));
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** First-visit JavaScript of a route, from a build's manifests: the root main files plus every chunk the route's segments enter with. */
function routeJsKb(dir: string, route: string) {
  const build = JSON.parse(readFileSync(`${dir}/.next/build-manifest.json`, "utf8")) as { rootMainFiles: string[] };
  const source = readFileSync(`${dir}/.next/server/app/${route}/page_client-reference-manifest.js`, "utf8");
  const manifest = JSON.parse(source.slice(source.indexOf("= {") + 2).replace(/;\s*$/, "")) as { entryJSFiles: Record<string, string[]> };
  let bytes = 0;
  for (const file of new Set([...build.rootMainFiles, ...Object.values(manifest.entryJSFiles).flat()])) bytes += gzipSync(readFileSync(`${dir}/.next/${file}`)).length;
  return bytes / 1024;
}

/** A Convex client signed in as Ada in Acme, with a fresh session token (they expire within minutes). */
async function asAda() {
  const session = await clerkApi<{ jwt: string }>("/v1/testing/sessions", {
    method: "POST",
    body: { user_id: await userId("ada@acme.test"), org_id: await orgId("acme") },
  });
  const convex = new ConvexHttpClient(E2E.env.NEXT_PUBLIC_CONVEX_URL);
  convex.setAuth(session.jwt);
  return convex;
}

/**
 * Lists of 20 and 50 todos in Acme, and another of 20 for the peer (so the
 * two apps' toggles never reach each other's screens), each with one done
 * todo (so the app shows its Completed section), written through the app's
 * own mutations as Ada.
 */
async function seed() {
  const convex = await asAda();
  const sizes = { 20: 20, 50: 50, peer: 20 };
  const lists: Partial<Record<keyof typeof sizes, string>> = {};
  for (const [key, size] of Object.entries(sizes) as [keyof typeof sizes, number][]) {
    const listId = await convex.mutation(api.lists.create, { name: `Bench ${key} ${Date.now().toString(36)}` });
    for (let i = 0; i < size; i++) await convex.mutation(api.todos.create, { listId, title: `Bench todo ${String(i + 1).padStart(2, "0")}` });
    const done = await convex.mutation(api.todos.create, { listId, title: "Bench done" });
    await convex.mutation(api.todos.setDone, { todoId: done, done: true });
    lists[key] = listId;
  }
  return lists;
}

/** Chromium's WebSocket frames as a page sends and receives them, on the page's wall clock. */
async function frameClock(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const frames: { at: number; transition: boolean; payload: string }[] = [];
  const mutations: number[] = [];
  let offset: number | undefined;
  cdp.on("Network.webSocketWillSendHandshakeRequest", (e) => (offset = e.wallTime * 1000 - e.timestamp * 1000));
  cdp.on("Network.webSocketFrameReceived", (e) => {
    const payload = e.response.payloadData;
    if (offset !== undefined) frames.push({ at: e.timestamp * 1000 + offset, transition: payload.includes('"Transition"'), payload });
  });
  cdp.on("Network.webSocketFrameSent", (e) => {
    if (offset !== undefined && e.response.payloadData.includes('"Mutation"')) mutations.push(e.timestamp * 1000 + offset);
  });
  await cdp.send("Network.enable");
  return {
    /** The first transition the page received after `since`. */
    transitionAfter: (since: number) => frames.find((f) => f.transition && f.at >= since)?.at,
    /** The first mutation the page sent after `since`. */
    mutationAfter: (since: number) => mutations.find((at) => at >= since),
    /** The first transition that carried `text` (a todo's title: the list's live results). */
    firstWith: (text: string) => frames.find((f) => f.transition && f.payload.includes(text))?.at,
  };
}

/**
 * A watcher in B that resolves with the wall-clock time its DOM first shows
 * the todo as `done` (ticked, or gone from an open-only list). It finds the
 * row before the change and afterwards looks only at what each mutation
 * touched, so its own work inside the measured interval does not grow with
 * the rows on screen.
 */
function watch(page: Page, title: string, done: boolean) {
  return page.evaluate(
    ({ title, done }) => {
      const isRow = (node: Element) => node.getAttribute("data-testid") === "todo-item" && (node.textContent ?? "").includes(title);
      const checked = (row: Element) => {
        const box = row.querySelector('[role="checkbox"], input[type="checkbox"]');
        return box instanceof HTMLInputElement ? box.checked : box?.getAttribute("aria-checked") === "true";
      };
      let row = [...document.querySelectorAll('[data-testid="todo-item"]')].find(isRow) ?? null;
      window.__benchWatch = new Promise<number>((resolve) => {
        setTimeout(() => resolve(Number.NaN), 10_000);
        const observer = new MutationObserver((records) => {
          // The time the DOM changed, before this watcher looks at it.
          const at = performance.timeOrigin + performance.now();
          if (row && !row.isConnected) row = null;
          if (!row) {
            for (const record of records) {
              for (const node of record.addedNodes) {
                if (!(node instanceof Element)) continue;
                row = isRow(node) ? node : ([...node.querySelectorAll('[data-testid="todo-item"]')].find(isRow) ?? row);
              }
            }
          }
          if (done ? row === null || checked(row) : row !== null && !checked(row)) {
            resolve(at);
            observer.disconnect();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
      });
    },
    { title, done },
  );
}

/** Resolves, in the page, once a frame has been drawn and the main thread has gone idle after it. */
function settled() {
  return new Promise((resolve) => requestAnimationFrame(() => requestIdleCallback(resolve, { timeout: 500 })));
}

type Frames = Awaited<ReturnType<typeof frameClock>>;

type Pair = {
  a: Page;
  b: Page;
  aFrames: Frames;
  bFrames: Frames;
  title: string;
  toScreen: number[];
  /** The same interval split: A's pointerdown → its mutation on the socket → B's frame. */
  toSocket: number[];
  socketToFrame: number[];
  /** B's frame → DOM, by what B's screen does: the todo leaves its open list (ticked) or comes back (unticked). */
  leaves: number[];
  returns: number[];
};

/** A and B on one list, side by side, ready to toggle `title`. */
async function openPair(ada: BrowserContext, bob: BrowserContext, target: Target, listId: string, title: string): Promise<Pair> {
  const a = await openList(ada, target, listId, title, { clicking: true });
  const b = await openList(bob, target, listId, title, { clicking: false });
  return { a: a.page, b: b.page, aFrames: a.frames, bFrames: b.frames, title, toScreen: [], toSocket: [], socketToFrame: [], leaves: [], returns: [] };
}

/**
 * A ticks or unticks the todo once: A's pointerdown → B's DOM showing it,
 * split at A's mutation leaving on the socket and at B's WebSocket frame.
 */
async function toggleOnce(pair: Pair) {
  const { a, b, title } = pair;
  const box = todo(a, title).getByRole("checkbox");
  const done = !(await box.isChecked());
  // Each user's pages of both pairs are tabs of one browser context, and a tab in the background
  // gets its timers and frames throttled: the two measured come to the front.
  await a.bringToFront();
  await b.bringToFront();
  // The pointer rests on the box before pressing, as a hand's does: what hovering a row costs
  // happens before the pointerdown, not inside the figure.
  await box.hover();
  // A tab coming to the front repaints in full: both pages finish that before the press, or the
  // pair measured second in a round pays for it (the larger page more).
  await Promise.all([a, b].map((page) => page.evaluate(settled)));
  await watch(b, title, done);
  await box.click();
  const shown = await b.evaluate(() => window.__benchWatch!);
  const down = await a.evaluate(() => window.__benchDown!);
  const sent = pair.aFrames.mutationAfter(down);
  const frame = pair.bFrames.transitionAfter(down);
  if (Number.isNaN(shown)) throw new Error(`B never showed “${title}” as ${done ? "done" : "open"}`);
  pair.toScreen.push(shown - down);
  if (sent !== undefined && frame !== undefined && sent <= frame) {
    pair.toSocket.push(sent - down);
    pair.socketToFrame.push(frame - sent);
  }
  if (frame !== undefined && frame <= shown) (done ? pair.leaves : pair.returns).push(shown - frame);
  // Let A's own update land before the next click reads the box.
  await expect(box).toBeChecked({ checked: done });
}

/**
 * `ROUNDS` toggles on each pair, taking turns (the first pair first on even
 * rounds, last on odd ones), so a slow spell of the machine falls on every
 * pair alike. Each pair has its own list: one pair's toggles never reach
 * another's screens.
 */
async function toggles(pairs: Pair[]) {
  for (let i = 0; i < ROUNDS; i++) for (const pair of i % 2 === 0 ? pairs : [...pairs].reverse()) await toggleOnce(pair);
  for (const pair of pairs) {
    await pair.a.close();
    await pair.b.close();
  }
  return pairs.map((pair) => ({
    toScreen: median(pair.toScreen),
    toSocket: median(pair.toSocket),
    socketToFrame: median(pair.socketToFrame),
    render: median([...pair.leaves, ...pair.returns]),
  }));
}

/**
 * B's frame → DOM on one screen (one pair of pages, one list) with 1 open
 * todo and with 50, in spells that take turns: between spells Ada's client
 * ticks the list's 49 other todos done (B's open list shows 1 row) or
 * unticks them (50 rows). The same tabs measure both sizes, so what differs
 * is the rows. A's screen shows every todo (Completed open) in both.
 */
async function rowsOnOneScreen(pair: Pair, listId: string) {
  const others = (await (await asAda()).query(api.todos.list, { listId, filter: "open", paginationOpts: { numItems: 100, cursor: null } })).page.filter(
    (t) => !t.title.includes(pair.title),
  );
  const by = { 1: { leaves: [] as number[], returns: [] as number[] }, 50: { leaves: [] as number[], returns: [] as number[] } };
  for (let spell = 0; spell < ROW_SPELLS; spell++) {
    const size = spell % 2 === 0 ? 1 : 50;
    const convex = await asAda();
    for (const other of others) await convex.mutation(api.todos.setDone, { todoId: other._id, done: size === 1 });
    await expect(pair.b.getByTestId("todo-item")).toHaveCount(size);
    pair.leaves = [];
    pair.returns = [];
    for (let i = 0; i < ROW_ROUNDS; i++) await toggleOnce(pair);
    by[size].leaves.push(...pair.leaves);
    by[size].returns.push(...pair.returns);
  }
  await pair.a.close();
  await pair.b.close();
  const figures = (kinds: { leaves: number[]; returns: number[] }) => ({
    render: median([...kinds.leaves, ...kinds.returns]),
    leaves: median(kinds.leaves),
    returns: median(kinds.returns),
  });
  return { 1: figures(by[1]), 50: figures(by[50]) };
}

async function openList(context: BrowserContext, target: Target, listId: string, title: string, { clicking }: { clicking: boolean }) {
  const page = await context.newPage();
  const frames = await frameClock(page);
  await page.goto(target.url(listId));
  await expect(todo(page, title)).toBeVisible();
  // A row drawn from the server's HTML is not live yet: wait for the list's live results,
  // then for the page to go idle (its first renders done), before anything is measured on it.
  await expect.poll(() => frames.firstWith(title), { timeout: 10_000 }).toBeDefined();
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2_000 })));
  // The app keeps done todos in a collapsed section: A opens it, so it can untick them too;
  // B leaves it closed, so it shows the list's open todos (a done one leaves them).
  if (target === APP && clicking) await page.getByRole("button", { name: /^Completed/ }).click();
  return { page, frames };
}

/**
 * A fresh browser (cold cache), already signed in, loads the list:
 * navigation start → the first frame that draws a todo row, and → the
 * first WebSocket frame carrying the list's live results; the script time of
 * that load. The targets take turns, as the toggles do.
 */
async function firstLoads(browser: Browser, targets: { target: Target; listId: string }[]) {
  const visible = targets.map((): number[] => []);
  const inDom = targets.map((): number[] => []);
  const live = targets.map((): number[] => []);
  const script = targets.map((): number[] => []);
  for (let i = 0; i <= LOADS; i++) {
    const order = targets.map((_, t) => t);
    for (const t of i % 2 === 0 ? order : order.reverse()) {
      const { context, page } = await signIn(browser, "bob@acme.test", "acme");
      await context.addInitScript(clocks);
      const cdp = await context.newCDPSession(page);
      await cdp.send("Performance.enable");
      const frames = await frameClock(page);
      await page.goto(targets[t]!.target.url(targets[t]!.listId));
      await page.waitForFunction(() => window.__benchFirstTodo !== undefined, undefined, { timeout: 30_000 });
      const [at, inDomAt, origin] = await page.evaluate(() => [window.__benchFirstTodo! - performance.timeOrigin, window.__benchFirstTodoInDom! - performance.timeOrigin, performance.timeOrigin]);
      // A page rendered on the server shows its rows before its live query has answered.
      await expect.poll(() => frames.firstWith(FIRST_TITLE), { timeout: 10_000 }).toBeDefined();
      const liveAt = frames.firstWith(FIRST_TITLE)! - origin!;
      const metrics = (await cdp.send("Performance.getMetrics")).metrics;
      // The first load warms the server (route modules, the backend's query cache): not counted.
      if (i > 0) {
        visible[t]!.push(at!);
        inDom[t]!.push(inDomAt!);
        live[t]!.push(liveAt);
        script[t]!.push((metrics.find((m) => m.name === "ScriptDuration")?.value ?? 0) * 1000);
      }
      await context.close();
    }
  }
  return targets.map((_, t) => ({ visible: median(visible[t]!), inDom: median(inDom[t]!), live: median(live[t]!), script: median(script[t]!) }));
}

test("list page: JavaScript, first load, another screen updating, sign-in", async ({ browser }) => {
  test.setTimeout(20 * 60_000);
  const appJs = routeJsKb(".", "(app)/orgs/[slug]/lists/[listId]");
  const peerJs = routeJsKb(PEERS.clerkConvex.dir, "lists/[listId]");
  record("listPageJs", appJs, "kB", peerJs);
  record("listPageJsVsConvexOnly", appJs, "kB", routeJsKb(PEERS.convexOnly.dir, "lists/[listId]"));

  const lists = await seed();

  const [app, peer] = await firstLoads(browser, [
    { target: APP, listId: lists[20]! },
    { target: PEER, listId: lists[20]! },
  ]);
  record("firstTodoVisible", app!.visible, "ms", peer!.visible);
  record("firstTodoInDom", app!.inDom, "ms", peer!.inDom);
  record("firstLoadLive", app!.live, "ms", peer!.live);
  record("firstLoadScript", app!.script, "ms", peer!.script);

  const ada = await signIn(browser, "ada@acme.test", "acme");
  const bob = await signIn(browser, "bob@acme.test", "acme");
  for (const context of [ada.context, bob.context]) await context.addInitScript(clocks);
  const title = FIRST_TITLE;
  const [appRound, peerRound] = await toggles([
    await openPair(ada.context, bob.context, APP, lists[20]!, title),
    await openPair(ada.context, bob.context, PEER, lists.peer!, title),
  ]);
  record("toggleToOtherScreen", appRound!.toScreen, "ms", peerRound!.toScreen);
  // Where the toggle's time goes: before A's mutation leaves, and from there to B's frame (the backend).
  record("toggleToSocket", appRound!.toSocket, "ms", peerRound!.toSocket);
  record("toggleSocketToFrame", appRound!.socketToFrame, "ms", peerRound!.socketToFrame);
  record("otherScreenRender", appRound!.render, "ms", peerRound!.render);
  const rows = await rowsOnOneScreen(await openPair(ada.context, bob.context, APP, lists[50]!, title), lists[50]!);
  record("otherScreenRender1Row", rows[1].render, "ms");
  record("otherScreenRender50Rows", rows[50].render, "ms");
  // A todo leaving B's open list and one coming back are different work (a row removed, a row
  // mounted), half the rounds each: a median across both falls between them, wherever it likes.
  // So each is compared with its own kind, and the figure is the worse of the two.
  const leaves = rows[50].leaves / rows[1].leaves;
  const returns = rows[50].returns / rows[1].returns;
  record("otherScreenRender50vs1Leaves", leaves, "×");
  record("otherScreenRender50vs1Returns", returns, "×");
  record("otherScreenRender50vs1", Math.max(leaves, returns), "×");
  await ada.context.close();
  await bob.context.close();

  // Signed out, the list URL leads to Clerk's <SignIn/> on the app's /sign-in and back: Continue's
  // pointerdown → Clerk's session → the middleware → Convex's first result on screen.
  const signIns: number[] = [];
  const load: number[] = [];
  for (let i = 0; i < SIGN_INS; i++) {
    const context = await browser.newContext();
    await context.addInitScript(clocks);
    const page = await context.newPage();
    await page.goto(APP.url(lists[20]!));
    await page.getByLabel("Email address").fill("ada@acme.test");
    await page.getByLabel("Password", { exact: true }).fill(E2E.demoPassword);
    await page.getByRole("button", { name: "Continue", exact: true }).click();
    await expect(todo(page, FIRST_TITLE)).toBeVisible();
    await page.waitForFunction(() => window.__benchFirstTodo !== undefined, undefined, { timeout: 30_000 });
    signIns.push(await page.evaluate(() => window.__benchFirstTodo! - Number(sessionStorage.getItem("benchDown"))));
    load.push(loadavg()[0]!);
    await context.close();
  }
  record("signInToFirstList", median(signIns), "ms");
  record("loadAverageDuringSignIn", median(load), "1-min load average");
});
