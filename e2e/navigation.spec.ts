import { expect, test, type Browser } from "@playwright/test";
import { TIME_ZONE_COOKIE } from "../lib/time-zone";
import { addTodo, createList, expectAccessible, screenshot, signIn, todo, unique } from "./helpers";
import { E2E } from "./stack";

test("the landing page is public and accessible, and a signed-out visit logs no error and fails no request", async ({ page }) => {
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(`console: ${m.text()}`);
  });
  page.on("response", (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  // Clerk has loaded and answered "signed out".
  await expect(page.getByRole("link", { name: "Get started" })).toBeVisible();
  await page.waitForLoadState("networkidle");
  expect(problems).toEqual([]);
  await screenshot(page, "landing");
  await expectAccessible(page);
});

test("the Content-Security-Policy of the build allows Convex, the Frontend API and every host Clerk documents, and nothing broader", async ({ request }) => {
  const csp = (await request.get("/")).headers()["content-security-policy"]!;
  const directive = (name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `))?.split(" ").slice(1) ?? [];
  const fapi = new URL(E2E.env.NEXT_PUBLIC_CLERK_PROXY_URL).origin;
  expect(directive("connect-src")).toEqual(
    expect.arrayContaining([E2E.env.NEXT_PUBLIC_CONVEX_URL, E2E.env.NEXT_PUBLIC_CONVEX_URL.replace("http", "ws"), fapi, "https://*.protect.clerk.com:*", "https://img.clerk.com", "https://clerk-telemetry.com", "https://*.clerk-telemetry.com"]),
  );
  expect(directive("script-src")).toEqual(expect.arrayContaining([fapi, "https://challenges.cloudflare.com", "https://*.protect.clerk.com"]));
  expect(directive("frame-src")).toEqual(expect.arrayContaining(["https://challenges.cloudflare.com", "https://*.protect.clerk.com"]));
  expect(directive("img-src")).toContain("https://img.clerk.com");
  expect(directive("worker-src")).toEqual(["'self'", "blob:"]);
  expect(directive("style-src")).toContain("'unsafe-inline'");
  expect(directive("script-src")).not.toContain("https:");
  expect(directive("script-src")).not.toContain("'unsafe-eval'");
});

test("the server route /api/me queries Convex with the caller's token", async ({ browser, request }) => {
  expect((await request.get("/api/me")).status()).toBe(401);
  const ada = await signIn(browser, "ada@acme.test", "acme");
  const me = await ada.page.request.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ activeOrg: { slug: "acme", role: "org:admin" } });
});

test("a list page arrives rendered: its todos are in the first HTML, it hydrates without an error, and without the time-zone cookie the browser renders it", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme");
  await createList(ada.page, unique("Rendered"));
  await addTodo(ada.page, "Rendered first");
  await addTodo(ada.page, "Rendered second");
  const path = new URL(ada.page.url()).pathname;
  const html = async () => (await ada.page.request.get(path)).text();
  expect(await html()).toMatch(/data-testid="todo-item"[^]*Rendered first/);

  const page = await ada.context.newPage();
  const problems: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error") problems.push(m.text());
  });
  page.on("pageerror", (error) => problems.push(error.message));
  await page.goto(path);
  await expect(todo(page, "Rendered first")).toBeVisible();
  // A tick moves the todo into the collapsed "Completed" section (once the page is live; the row
  // leaves at once, so `check()`, which waits to see the box ticked, does not fit).
  await todo(page, "Rendered first").getByRole("checkbox").click();
  await expect(todo(page, "Rendered first")).toHaveCount(0);
  await expect(page.getByRole("button", { name: /^Completed/ })).toContainText("1");
  expect(problems).toEqual([]);

  // A browser whose zone the server does not know gets skeletons, then the list; the page sets the cookie again.
  await ada.context.clearCookies({ name: TIME_ZONE_COOKIE });
  expect(await html()).not.toContain("Rendered second");
  await page.goto(path);
  await expect(todo(page, "Rendered second")).toBeVisible();
  await expect.poll(html).toContain("Rendered second");
  await ada.context.close();
});

/**
 * Ada's new list holding `title`, opened in a new tab whose scripts arrive
 * 2 s late: the server's HTML is on screen, React is not.
 */
async function openBeforeScripts(browser: Browser, title: string) {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme");
  await createList(ada.page, unique("Early"));
  await addTodo(ada.page, title);
  const path = new URL(ada.page.url()).pathname;
  const page = await ada.context.newPage();
  await page.route(/\/_next\/static\/chunks\/.*\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 2_000));
    await route.continue();
  });
  await page.goto(path, { waitUntil: "commit" });
  return { ada, path, page };
}

test("before the page's script has run, a checkbox drawn from the server's HTML takes no click it would lose", async ({ browser }) => {
  const { ada, page } = await openBeforeScripts(browser, "Ticked early");
  const box = todo(page, "Ticked early").getByRole("checkbox");
  await expect(box).toBeVisible();
  const at = (await box.boundingBox())!;
  await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
  // The platform would tick it, and hydration untick it with nothing saved: it stays as it is
  // (read once, at once: a retrying assertion would pass once hydration had unticked it).
  expect(await box.isChecked()).toBe(false);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  await expect(box).not.toBeChecked();
  await box.click();
  await expect(todo(page, "Ticked early")).toHaveCount(0);
  await ada.context.close();
});

test("text typed into the add box before the page's script has run stays, and Enter then does not reload the page", async ({ browser }) => {
  const { ada, path, page } = await openBeforeScripts(browser, "Already here");
  const box = page.getByLabel("Add a todo");
  await box.fill("Typed early");
  await box.press("Enter");
  // Still the server's HTML (read at once), as the test means.
  expect(await page.locator("html[data-hydrated]").count()).toBe(0);
  await expect(page.locator("html[data-hydrated]")).toHaveCount(1);
  expect(page.url().endsWith(path)).toBe(true);
  await expect(box).toHaveValue("Typed early");
  await box.press("Enter");
  await expect(todo(page, "Typed early")).toBeVisible();
  await expect(box).toHaveValue("");
  await ada.context.close();
});

test("switching organization changes every visible list; signing out returns to the landing page", async ({ browser }) => {
  const sam = await signIn(browser, "sam@both.test", "acme");
  await sam.page.goto("/orgs/acme");
  const acmeList = unique("Acme roadmap");
  await createList(sam.page, acmeList);
  await sam.page.goto("/orgs/globex");
  const globexList = unique("Globex roadmap");
  await createList(sam.page, globexList);
  const sidebar = sam.page.getByRole("navigation", { name: "Organization" });
  await expect(sidebar.getByRole("link", { name: acmeList })).toHaveCount(0);

  await sam.page.getByTestId("org-switcher").click();
  await sam.page.getByRole("menuitemradio", { name: /Acme/ }).click();
  await expect(sam.page).toHaveURL(/\/orgs\/acme/);
  await expect(sidebar.getByRole("link", { name: acmeList })).toBeVisible();
  await expect(sidebar.getByRole("link", { name: globexList })).toHaveCount(0);

  await sam.page.goto("/profile");
  await expect(sam.page.getByRole("heading", { name: "Sam Both", level: 1 })).toBeVisible();
  // Clerk's <UserProfile/> beside the synced record.
  await expect(sam.page.getByRole("heading", { name: "Profile details" })).toBeVisible();
  await screenshot(sam.page, "profile");
  await expectAccessible(sam.page);

  await sam.page.getByRole("button", { name: "Account menu" }).click();
  await sam.page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(sam.page).toHaveURL(`${E2E.appUrl}/`);
  await sam.context.close();
});
