import { expect, test } from "@playwright/test";
import { clerkApi, expectAccessible, orgId, screenshot, signIn } from "./helpers";

test("invite, accept, promote, demote and remove a member, each seen live by the member", async ({ browser }) => {
  const email = `newcomer-${Date.now().toString(36)}@example.com`;
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme/members");

  await ada.page.getByRole("button", { name: "Invite" }).click();
  await ada.page.getByLabel("Email address").fill(email);
  await ada.page.getByRole("button", { name: "Send invitation" }).click();
  const pending = ada.page.getByRole("button", { name: `Revoke invitation for ${email}` });
  await expect(pending).toBeVisible();
  await screenshot(ada.page, "members");
  await expectAccessible(ada.page);

  // The invitee accepts (the emulator's testing route; e2e/auth.spec.ts accepts through Clerk's client API).
  const acme = await orgId("acme");
  const { data } = await clerkApi<{ data: { id: string; email_address: string }[] }>(
    `/v1/organizations/${acme}/invitations?status=pending&limit=100`,
  );
  const invitation = data.find((i) => i.email_address === email)!;
  await clerkApi(`/v1/testing/invitations/${invitation.id}/accept`, { method: "POST", body: {} });
  await expect(pending).toHaveCount(0);
  const row = ada.page.getByTestId("member-row").filter({ hasText: email });
  await expect(row).toBeVisible();

  // The newcomer, a member: no admin controls.
  const newcomer = await signIn(browser, email, "acme");
  await newcomer.page.goto("/orgs/acme/members");
  await expect(newcomer.page.getByTestId("member-row").first()).toBeVisible();
  await expect(newcomer.page.getByRole("button", { name: "Invite" })).toHaveCount(0);

  // Promoted: the admin controls appear on the open page; demoted: they go.
  await row.getByRole("combobox").click();
  await ada.page.getByRole("option", { name: "Admin" }).click();
  await expect(newcomer.page.getByRole("button", { name: "Invite" })).toBeVisible();
  await row.getByRole("combobox").click();
  await ada.page.getByRole("option", { name: "Member" }).click();
  await expect(newcomer.page.getByRole("button", { name: "Invite" })).toHaveCount(0);

  // Removed: the open page loses access without a reload, and says who removed them.
  await row.getByRole("button", { name: /^Remove / }).click();
  await ada.page.getByRole("alertdialog").getByRole("button", { name: /Remove/ }).click();
  await expect(row).toHaveCount(0);
  await expect(newcomer.page.getByRole("heading", { name: "You were removed from Acme" })).toBeVisible();
  await expect(newcomer.page.getByText("Ada Admin removed you")).toBeVisible();

  await ada.context.close();
  await newcomer.context.close();
});
