/**
 * Sign-in and inspection helpers for the end-to-end tests. `signIn` starts a
 * browser already signed in, as Clerk leaves one after its sign-in: the Clerk
 * emulator's testing route creates the client and session and hands back the
 * client cookies; the app's middleware then gets the session token through
 * Clerk's handshake on the first page load. `signInWithForm` goes through
 * Clerk's real `<SignIn/>`.
 */
import AxeBuilder from "@axe-core/playwright";
import { expect, type Browser, type Page } from "@playwright/test";
import { TIME_ZONE_COOKIE } from "../lib/time-zone";
import { E2E } from "./stack";

export async function clerkApi<T = unknown>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  const res = await fetch(`${E2E.clerkUrl}${path}`, {
    method: init.method ?? "GET",
    headers: { authorization: `Bearer ${E2E.secretKey}`, "content-type": "application/json" },
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
  if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

export async function userId(email: string) {
  const [user] = await clerkApi<{ id: string }[]>(`/v1/users?email_address=${encodeURIComponent(email)}`);
  if (!user) throw new Error(`no user ${email}`);
  return user.id;
}

export async function orgId(slug: string) {
  const { data } = await clerkApi<{ data: { id: string; slug: string }[] }>("/v1/organizations?limit=100");
  const org = data.find((o) => o.slug === slug);
  if (!org) throw new Error(`no org ${slug}`);
  return org.id;
}

/** A browser context signed in as `email`, with `slug` as the active org (else the user's default one). */
export async function signIn(browser: Browser, email: string, slug?: string) {
  const session = await clerkApi<{ session_id: string; cookies: { name: string; value: string }[] }>("/v1/testing/sessions", {
    method: "POST",
    body: { user_id: await userId(email), ...(slug ? { org_id: await orgId(slug) } : {}) },
  });
  const context = await browser.newContext();
  await context.addCookies([
    ...session.cookies.map((c) => ({ ...c, domain: "localhost", path: "/" })),
    // As any earlier page of the app would have left it: the server renders list pages only for a known time zone.
    { name: TIME_ZONE_COOKIE, value: encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone), domain: "localhost", path: "/" },
  ]);
  const page = await context.newPage();
  return { context, page, sessionId: session.session_id };
}

/** Signs in on the current /sign-in page with Clerk's `<SignIn/>`: email and password in one step. */
export async function signInWithForm(page: Page, email: string, password = E2E.demoPassword) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
}

/** A name no earlier test run used (the stack's data lives for the whole run). */
export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36)}`;

/** Saved under test-results/screens/ as a CI artifact. */
export async function screenshot(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
}

/**
 * axe-core on the current page: no serious or critical violation, read at
 * rest. axe reads colours as painted, and a toast caught mid-fade has a
 * contrast it never rests at: transitions are held off while it runs and
 * running animations finished. (A style with `animation: none` would replay
 * every animation when removed.)
 */
export async function expectAccessible(page: Page) {
  const still = await page.addStyleTag({ content: "*, *::before, *::after { transition: none !important; }" });
  await page.evaluate(() => {
    for (const animation of document.getAnimations()) if (animation.effect?.getComputedTiming().endTime !== Infinity) animation.finish();
  });
  const { violations } = await new AxeBuilder({ page }).analyze().finally(() => still.evaluate((s) => (s as Element).remove()));
  const serious = violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(serious).toEqual([]);
}

/** Creates a list from the sidebar and waits for its page. */
export async function createList(page: Page, name: string) {
  await page.getByRole("navigation", { name: "Organization" }).getByRole("button", { name: "New list" }).click();
  await page.getByLabel("List name").fill(name);
  await page.getByRole("button", { name: "Create list" }).click();
  await expect(page.getByRole("heading", { name })).toBeVisible();
}

export async function addTodo(page: Page, title: string) {
  const input = page.getByLabel("Add a todo");
  await input.fill(title);
  await input.press("Enter");
  await expect(todo(page, title)).toBeVisible();
}

export const todo = (page: Page, title: string) => page.getByTestId("todo-item").filter({ hasText: title });
