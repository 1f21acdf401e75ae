/**
 * Every screen at 1280×800 and 390×844 (a touch phone), light and dark,
 * filled with names at the 80-character maximum: a screenshot of each
 * (test-results/screens/), axe with no serious violation, and the layout
 * checked by measured boxes (no sideways scroll, nothing off-screen, covered
 * or overlapping, cut text with its full version, 44 px touch targets).
 */
import { expect, test, type Page } from "@playwright/test";
import { addTodo, clerkApi, createList, expectAccessible, screenshot, signIn, todo } from "./helpers";
import { createOrg, createUser, expectLayoutHolds, long, signInSized, waitForOrg } from "./fixtures";

const run = Date.now().toString(36);
const email = `long-${run}@example.com`;
const slug = `long-${run}`;
const goneSlug = `gone-${run}`;
const names = {
  first: "Maximilian-Alexander Konstantin",
  last: `Wolfeschlegelsteinhausenbergerdorff von Habsburg-Lothr ${run}`.slice(0, 80 - 32).padEnd(48, "e"),
  org: long(`Org ${run}`),
  list: long(`List ${run}`),
  todo: long(`Todo ${run}`),
};

let listPath = "";
let todoId = "";
let userIdOf = "";

test.beforeAll(async ({ browser }) => {
  test.setTimeout(180_000);
  userIdOf = await createUser(email, names.first, names.last);
  const orgId = await createOrg(names.org, slug, email, ["bob@acme.test"]);
  const gone = await createOrg(long(`Gone ${run}`), goneSlug, "ada@acme.test", [email]);
  const { page, context } = await signIn(browser, email, slug);
  await waitForOrg(page, slug);
  await createList(page, names.list);
  listPath = new URL(page.url()).pathname;
  for (const title of [names.todo, "Call the venue", "Book flights", "Done already"]) await addTodo(page, title);
  // Due today with priority 1, overdue, assigned, done.
  const row = todo(page, names.todo);
  await row.getByRole("checkbox").focus();
  await page.keyboard.press("t");
  await expect(row.getByText("Today")).toBeVisible();
  await page.keyboard.press("p");
  await page.keyboard.press("1");
  await expect(row.getByText("P1")).toBeVisible();
  await todo(page, "Call the venue").getByRole("button", { name: /^Assign/ }).click();
  await page.getByRole("option", { name: /Maximilian/ }).click();
  await todo(page, "Done already").getByRole("checkbox").click();
  todoId = (await row.getAttribute("data-todo-id")) ?? "";
  await context.close();
  // Removed from an org by someone in Clerk: its page says so.
  await clerkApi(`/v1/organizations/${gone}/memberships/${userIdOf}`, { method: "DELETE" });
  expect(orgId).toBeTruthy();
});

type Screen = { name: string; open: (page: Page) => Promise<void>; within?: string; phoneOnly?: boolean };

/** Dialogs and menus fade in: measure and check contrast once they have. */
const settled = (page: Page) => page.evaluate(() => Promise.all(document.getAnimations().map((a) => a.finished.catch(() => undefined))));

const heading = (page: Page, name?: string | RegExp) => expect(page.getByRole("heading", { level: 1, ...(name ? { name } : {}) })).toBeVisible();

const SCREENS: Screen[] = [
  { name: "overview", open: async (p) => (await p.goto(`/orgs/${slug}`), await expect(p.getByTestId("list-counts").first()).toBeVisible()) },
  { name: "list", open: async (p) => (await p.goto(listPath), await expect(todo(p, names.todo)).toBeVisible(), await p.getByRole("button", { name: /^Completed/ }).click()) },
  { name: "todo-details", within: "[role=dialog]", open: async (p) => (await p.goto(`${listPath}?todo=${todoId}`), await expect(p.getByRole("dialog").getByText(/^In /)).toBeVisible()) },
  { name: "my-todos", open: async (p) => (await p.goto(`/orgs/${slug}/my`), await expect(p.getByTestId("assigned-todo").first()).toBeVisible()) },
  { name: "members", open: async (p) => (await p.goto(`/orgs/${slug}/members`), await expect(p.getByTestId("member-row").first()).toBeVisible()) },
  { name: "member", open: async (p) => (await p.goto(`/orgs/${slug}/members/${userIdOf}`), await heading(p, /Maximilian/)) },
  { name: "activity", open: async (p) => (await p.goto(`/orgs/${slug}/activity`), await expect(p.getByTestId("audit-entry").filter({ visible: true }).first()).toBeVisible()) },
  { name: "settings", open: async (p) => (await p.goto(`/orgs/${slug}/settings`), await expect(p.getByText("Last change from Clerk")).toBeVisible()) },
  {
    name: "profile",
    // Clerk's <UserProfile/> renders an h1 of its own once clerk-js loads: wait for both, by name.
    open: async (p) => (await p.goto("/profile"), await heading(p, /Maximilian/), await heading(p, "Profile details")),
  },
  { name: "removed", open: async (p) => (await p.goto(`/orgs/${goneSlug}`), await heading(p, /You were removed from/)) },
  {
    name: "palette",
    within: "[role=dialog]",
    open: async (p) => {
      await p.goto(listPath);
      await expect(todo(p, names.todo)).toBeVisible();
      await p.keyboard.press("Control+k");
      await p.getByRole("dialog").getByRole("combobox").fill("venue");
      await expect(p.getByRole("option", { name: /Call the venue/ })).toBeVisible();
    },
  },
  {
    name: "drawer",
    within: "[role=dialog]",
    phoneOnly: true,
    open: async (p) => {
      await p.goto(listPath);
      await p.getByRole("button", { name: "Menu", exact: true }).click();
      await expect(p.getByRole("dialog").getByRole("link", { name: "Overview" })).toBeVisible();
    },
  },
];

for (const size of ["desktop", "phone"] as const) {
  for (const scheme of ["light", "dark"] as const) {
    test(`every screen at ${size === "phone" ? "390×844 (touch)" : "1280×800"}, ${scheme}: screenshot, axe, layout`, async ({ browser }) => {
      test.setTimeout(240_000);
      const { context, page } = await signInSized(signIn, browser, email, slug, size, scheme);
      const failures: string[] = [];
      for (const screen of SCREENS) {
        if (screen.phoneOnly && size !== "phone") continue;
        await test.step(screen.name, async () => {
          await screen.open(page);
          await settled(page);
          await screenshot(page, `${screen.name}-${size}-${scheme}`);
          try {
            await expectAccessible(page);
            await expectLayoutHolds(page, { touch: size === "phone", within: screen.within });
          } catch (error) {
            failures.push(`${screen.name}: ${error instanceof Error ? error.message : String(error)}`);
          }
          await page.keyboard.press("Escape");
        });
      }
      // Signed out: the landing page.
      const visitor = await browser.newContext({ ...(size === "phone" ? { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true } : { viewport: { width: 1280, height: 800 } }), colorScheme: scheme });
      const landing = await visitor.newPage();
      await landing.goto("/");
      await heading(landing);
      await settled(landing);
      await screenshot(landing, `landing-${size}-${scheme}`);
      try {
        await expectAccessible(landing);
        await expectLayoutHolds(landing, { touch: size === "phone" });
      } catch (error) {
        failures.push(`landing: ${error instanceof Error ? error.message : String(error)}`);
      }
      expect(failures).toEqual([]);
      await visitor.close();
      await context.close();
    });
  }
}
