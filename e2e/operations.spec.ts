import { expect, test } from "@playwright/test";
import { createList, expectAccessible, screenshot, signIn, unique } from "./helpers";

test("an admin re-syncs from Clerk and sees it complete live, then reads who changed what in the activity log", async ({ browser }) => {
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme/settings");
  const sync = ada.page.getByRole("button", { name: /Re-sync/ });
  await expect(ada.page.getByText("Last change from Clerk")).toBeVisible();
  await sync.click();
  // The run is live: its progress bar, then its result, without a reload.
  await expect(ada.page.getByText(/Completed .*, started by an admin/)).toBeVisible({ timeout: 30_000 });
  await expect(ada.page.getByRole("progressbar")).toHaveCount(0);
  await screenshot(ada.page, "settings-sync");
  await expectAccessible(ada.page);

  const list = unique("Audit me");
  await ada.page.goto("/orgs/acme");
  await createList(ada.page, list);
  await ada.page.getByRole("link", { name: "Activity" }).click();
  await expect(ada.page.getByRole("row").filter({ hasText: `Created the list “${list}”` })).toContainText("Ada Admin");
  await screenshot(ada.page, "activity");
  await expectAccessible(ada.page);

  // A member sees neither page's controls nor the link.
  const bob = await signIn(browser, "bob@acme.test", "acme");
  await bob.page.goto("/orgs/acme/activity");
  await expect(bob.page.getByText("Only admins can see the organization's activity.")).toBeVisible();
  await expect(bob.page.getByRole("link", { name: "Activity" })).toHaveCount(0);
});
