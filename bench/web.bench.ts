/**
 * `npm run bench`, web app: what the list page costs a browser, measured on
 * the production builds of the app and of the Clerk+Convex peer
 * (bench/peer/) in one run, against one local stack, so every figure is
 * read as a ratio to the peer's. Clocks are the pages' own
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
const LOADS = 7;
const SIGN_INS = 7;

type Target = { name: "app" | "peer"; url: (listId: string) => string };
const APP: Target = { name: "app", url: (listId) => `/orgs/acme/lists/${listId}` };
const PEER: Target = { name: "peer", url: (listId) => `${PEERS.clerkConvex.url}/lists/${listId}` };

declare global {
  interface Window {
    __benchDown?: number;
    __benchFirstTodo?: number;
    __benchWatch?: Promise<number>;
  }
}

/**
 * In every page: the wall-clock time of the last pointerdown (kept in
 * sessionStorage too, so it survives the sign-in's navigations), and of the
 * first todo row on screen.
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
    if (window.__benchFirstTodo === undefined && seen()) {
      window.__benchFirstTodo = now();
      observer.disconnect();
    }
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

/**
 * Lists of 1, 20 and 50 open todos in Acme, each with one done todo (so the
 * app shows its Completed section), written through the app's own
 * mutations as Ada.
 */
async function seed() {
  const session = await clerkApi<{ jwt: string }>("/v1/testing/sessions", {
    method: "POST",
    body: { user_id: await userId("ada@acme.test"), org_id: await orgId("acme") },
  });
  const convex = new ConvexHttpClient(E2E.env.NEXT_PUBLIC_CONVEX_URL);
  convex.setAuth(session.jwt);
  const lists: Record<number, string> = {};
  for (const size of [1, 20, 50]) {
    const listId = await convex.mutation(api.lists.create, { name: `Bench ${size} ${Date.now().toString(36)}` });
    for (let i = 0; i < size; i++) await convex.mutation(api.todos.create, { listId, title: `Bench todo ${String(i + 1).padStart(2, "0")}` });
    const done = await convex.mutation(api.todos.create, { listId, title: "Bench done" });
    await convex.mutation(api.todos.setDone, { todoId: done, done: true });
    lists[size] = listId;
  }
  return lists;
}

/** Chromium's WebSocket frames as B receives them, on the page's wall clock. */
async function frameClock(page: Page) {
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const frames: { at: number; transition: boolean }[] = [];
  let offset: number | undefined;
  cdp.on("Network.webSocketWillSendHandshakeRequest", (e) => (offset = e.wallTime * 1000 - e.timestamp * 1000));
  cdp.on("Network.webSocketFrameReceived", (e) => {
    if (offset !== undefined) frames.push({ at: e.timestamp * 1000 + offset, transition: e.response.payloadData.includes('"Transition"') });
  });
  await cdp.send("Network.enable");
  return {
    /** The first transition B received after `since`. */
    transitionAfter: (since: number) => frames.find((f) => f.transition && f.at >= since)?.at,
  };
}

/** A watcher in B that resolves with the wall-clock time its DOM first shows the todo as `done` (ticked, or gone from an open-only list). */
function watch(page: Page, title: string, done: boolean) {
  return page.evaluate(
    ({ title, done }) => {
      const state = () => {
        const row = [...document.querySelectorAll('[data-testid="todo-item"]')].find((el) => el.textContent?.includes(title));
        if (!row) return "absent";
        const box = row.querySelector('[role="checkbox"], input[type="checkbox"]');
        const checked = box instanceof HTMLInputElement ? box.checked : box?.getAttribute("aria-checked") === "true";
        return checked ? "done" : "open";
      };
      const reached = () => (done ? state() !== "open" : state() === "open");
      window.__benchWatch = new Promise<number>((resolve) => {
        setTimeout(() => resolve(Number.NaN), 10_000);
        const observer = new MutationObserver(() => {
          if (reached()) {
            resolve(performance.timeOrigin + performance.now());
            observer.disconnect();
          }
        });
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
      });
    },
    { title, done },
  );
}

/**
 * A ticks and unticks one todo `ROUNDS` times; per round, A's pointerdown →
 * B's DOM showing it, and B's WebSocket frame → B's DOM.
 */
async function toggles(a: Page, b: Page, frames: Awaited<ReturnType<typeof frameClock>>, title: string) {
  const toScreen: number[] = [];
  const render: number[] = [];
  const box = todo(a, title).getByRole("checkbox");
  for (let i = 0; i < ROUNDS; i++) {
    const done = !(await box.isChecked());
    await watch(b, title, done);
    await box.click();
    const shown = await b.evaluate(() => window.__benchWatch!);
    const down = await a.evaluate(() => window.__benchDown!);
    const frame = frames.transitionAfter(down);
    if (Number.isNaN(shown)) throw new Error(`B never showed “${title}” as ${done ? "done" : "open"}`);
    toScreen.push(shown - down);
    if (frame !== undefined && frame <= shown) render.push(shown - frame);
    // Let A's own update land before the next click reads the box.
    await expect(box).toBeChecked({ checked: done });
  }
  return { toScreen: median(toScreen), render: median(render) };
}

async function openList(context: BrowserContext, target: Target, listId: string, title: string, { clicking }: { clicking: boolean }) {
  const page = await context.newPage();
  const frames = await frameClock(page);
  await page.goto(target.url(listId));
  await expect(todo(page, title)).toBeVisible();
  // The app keeps done todos in a collapsed section: A opens it, so it can untick them too;
  // B leaves it closed, so it shows the list's open todos (a done one leaves them).
  if (target === APP && clicking) await page.getByRole("button", { name: /^Completed/ }).click();
  return { page, frames };
}

/** A fresh browser (cold cache), already signed in, loads the list: navigation start → first todo row in the DOM, and the script time of that load. */
async function firstLoads(browser: Browser, target: Target, listId: string) {
  const visible: number[] = [];
  const script: number[] = [];
  for (let i = 0; i <= LOADS; i++) {
    const { context, page } = await signIn(browser, "bob@acme.test", "acme");
    await context.addInitScript(clocks);
    const cdp = await context.newCDPSession(page);
    await cdp.send("Performance.enable");
    await page.goto(target.url(listId));
    await page.waitForFunction(() => window.__benchFirstTodo !== undefined, undefined, { timeout: 30_000 });
    const at = await page.evaluate(() => window.__benchFirstTodo! - performance.timeOrigin);
    const metrics = (await cdp.send("Performance.getMetrics")).metrics;
    // The first load warms the server (route modules, the backend's query cache): not counted.
    if (i > 0) {
      visible.push(at);
      script.push((metrics.find((m) => m.name === "ScriptDuration")?.value ?? 0) * 1000);
    }
    await context.close();
  }
  return { visible: median(visible), script: median(script) };
}

test("list page: JavaScript, first load, another screen updating, sign-in", async ({ browser }) => {
  test.setTimeout(20 * 60_000);
  const appJs = routeJsKb(".", "(app)/orgs/[slug]/lists/[listId]");
  const peerJs = routeJsKb(PEERS.clerkConvex.dir, "lists/[listId]");
  record("listPageJs", appJs, "kB", peerJs);
  record("listPageJsVsConvexOnly", appJs, "kB", routeJsKb(PEERS.convexOnly.dir, "lists/[listId]"));

  const lists = await seed();

  const app = await firstLoads(browser, APP, lists[20]!);
  const peer = await firstLoads(browser, PEER, lists[20]!);
  record("firstTodoVisible", app.visible, "ms", peer.visible);
  record("firstLoadScript", app.script, "ms", peer.script);

  const ada = await signIn(browser, "ada@acme.test", "acme");
  const bob = await signIn(browser, "bob@acme.test", "acme");
  for (const context of [ada.context, bob.context]) await context.addInitScript(clocks);
  const measure = async (target: Target, size: number) => {
    const title = "Bench todo 01";
    const a = await openList(ada.context, target, lists[size]!, title, { clicking: true });
    const b = await openList(bob.context, target, lists[size]!, title, { clicking: false });
    const result = await toggles(a.page, b.page, b.frames, title);
    await a.page.close();
    await b.page.close();
    return result;
  };
  const appRound = await measure(APP, 20);
  const peerRound = await measure(PEER, 20);
  record("toggleToOtherScreen", appRound.toScreen, "ms", peerRound.toScreen);
  record("otherScreenRender", appRound.render, "ms", peerRound.render);
  const one = await measure(APP, 1);
  const fifty = await measure(APP, 50);
  record("otherScreenRender1Row", one.render, "ms");
  record("otherScreenRender50Rows", fifty.render, "ms");
  record("otherScreenRender50vs1", fifty.render / one.render, "×");
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
    await expect(todo(page, "Bench todo 01")).toBeVisible();
    await page.waitForFunction(() => window.__benchFirstTodo !== undefined, undefined, { timeout: 30_000 });
    signIns.push(await page.evaluate(() => window.__benchFirstTodo! - Number(sessionStorage.getItem("benchDown"))));
    load.push(loadavg()[0]!);
    await context.close();
  }
  record("signInToFirstList", median(signIns), "ms");
  record("loadAverageDuringSignIn", median(load), "1-min load average");
});
