import { expect, test } from "@playwright/test";
import { createList, expectAccessible, screenshot, signIn, unique } from "./helpers";
import { E2E } from "./stack";

test("the landing page is public and accessible", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(page, "landing");
  await expectAccessible(page);
});

test("signing in goes through the local identity provider", async ({ page }) => {
  await page.goto("/orgs");
  await expect(page).toHaveURL(new RegExp(`^${E2E.clerkUrl}/sign-in`));
  await screenshot(page, "sign-in");
});

test("the server route /api/me queries Convex with the caller's token", async ({ browser, request }) => {
  expect((await request.get("/api/me")).status()).toBe(401);
  const ada = await signIn(browser, "ada@acme.test", "acme");
  const me = await ada.page.request.get("/api/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ activeOrg: { slug: "acme", role: "org:admin" } });
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
  await expect(sam.page.getByRole("heading", { level: 1 })).toBeVisible();
  await screenshot(sam.page, "profile");
  await expectAccessible(sam.page);

  await sam.page.getByRole("button", { name: "Account menu" }).click();
  await sam.page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(sam.page).toHaveURL(`${E2E.appUrl}/`);
  await sam.context.close();
});
