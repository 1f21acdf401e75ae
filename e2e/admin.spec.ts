/**
 * Admin completeness and feedback: resend an invitation; delete the
 * organization (typed name) while a member watches it disappear and is told
 * why; expected refusals never log an error (what `next dev` shows as an
 * overlay); a double-click on "Create organization" selects nothing; org
 * slugs and avatars come from the visible name and a stable id.
 */
import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";
import { createOrg, waitForOrg } from "./fixtures";

test("resend a pending invitation: a fresh one for the same email and role", async ({ browser }) => {
  const email = `resend-${Date.now().toString(36)}@example.com`;
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme/members");
  await ada.page.getByRole("button", { name: "Invite" }).click();
  await ada.page.getByLabel("Email address").fill(email);
  await ada.page.getByRole("button", { name: "Send invitation" }).click();
  await ada.page.getByRole("button", { name: `Resend invitation to ${email}` }).click();
  await expect(ada.page.getByText(`Sent the invitation to ${email} again`)).toBeVisible();
  await expect(ada.page.getByRole("button", { name: `Resend invitation to ${email}` })).toHaveCount(1);
  await ada.context.close();
});

test("handled refusals (an existing member invited) are shown, never logged as errors", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  const errors: string[] = [];
  ada.page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  await ada.page.goto("/orgs/acme/members");
  await ada.page.getByRole("button", { name: "Invite" }).click();
  await ada.page.getByLabel("Email address").fill("bob@acme.test");
  await ada.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(ada.page.getByRole("dialog").getByText(/already a member/)).toBeVisible();
  expect(errors.filter((e) => /ConvexError|CONVEX/.test(e))).toEqual([]);
  await ada.context.close();
});

test("deleting the organization: typed name, then a watching member sees it go and who deleted it", async ({ browser }) => {
  const run = Date.now().toString(36);
  const name = `Doomed ${run}`;
  const slug = `doomed-${run}`;
  await createOrg(name, slug, "ada@acme.test", ["bob@acme.test"]);
  const bob = await signIn(browser, "bob@acme.test", slug);
  await waitForOrg(bob.page, slug);
  const ada = await signIn(browser, "ada@acme.test", slug);
  await waitForOrg(ada.page, slug);
  await ada.page.goto(`/orgs/${slug}/settings`);
  await ada.page.getByRole("button", { name: "Delete organization…" }).click();
  const dialog = ada.page.getByRole("dialog");
  const confirm = dialog.getByRole("button", { name: "Delete organization" });
  await dialog.getByLabel(/to confirm/).fill(name.toLowerCase());
  await expect(confirm).toBeDisabled();
  await dialog.getByLabel(/to confirm/).fill(name);
  await confirm.click();
  await expect(ada.page).not.toHaveURL(new RegExp(slug));
  await expect(bob.page.getByRole("heading", { level: 1, name: `${name} was deleted` })).toBeVisible();
  await expect(bob.page.getByText(/Ada Admin deleted it/)).toBeVisible();
  await expect(bob.page.getByTestId("org-switcher")).not.toContainText(name);
  await ada.context.close();
  await bob.context.close();
});

test("a new organization: slug from the visible name, avatar kept on rename, a double-click selects nothing", async ({ browser }) => {
  const run = Date.now().toString(36);
  const sam = await signIn(browser, "sam@both.test", "acme");
  const page = sam.page;
  await page.goto("/orgs/acme");
  await page.getByTestId("org-switcher").click();
  await page.getByRole("menuitem", { name: "Create organization" }).click();
  await page.getByLabel("Organization name").fill(`Café Zoë ${run}`);
  await page.getByRole("button", { name: "Create organization" }).dblclick();
  await expect(page).toHaveURL(new RegExp(`/orgs/cafe-zoe-${run}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Café Zoë ${run}`);
  expect(await page.evaluate(() => window.getSelection()?.toString() ?? "")).toBe("");

  const avatar = page.getByTestId("org-switcher").locator("[data-slot=org-avatar]");
  await expect(avatar).toHaveText("C");
  const colour = await avatar.evaluate((el) => getComputedStyle(el).backgroundColor);
  await page.goto(`/orgs/cafe-zoe-${run}/settings`);
  await page.getByLabel("Name", { exact: true }).fill(`Zoë's Café ${run}`);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("org-switcher")).toContainText(`Zoë's Café ${run}`);
  await expect(avatar).toHaveText("Z");
  expect(await avatar.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(colour);
  await sam.context.close();
});
