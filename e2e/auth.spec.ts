/**
 * Sign-in, sign-up and sessions through Clerk's own SDK (clerk-js,
 * `<SignIn/>`, `<SignUp/>`, `clerkMiddleware`, ConvexProviderWithClerk)
 * against the Clerk emulator, on the production build.
 */
import { expect, test, type Page } from "@playwright/test";
import { addTodo, clerkApi, createList, expectAccessible, orgId, screenshot, signIn, signInWithForm, todo, unique, userId } from "./helpers";
import { E2E } from "./stack";

const html = { accept: "text/html", "sec-fetch-dest": "document" };
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString()) as Record<string, unknown>;

async function newUser(name: string) {
  const email = `${name.toLowerCase()}-${Date.now().toString(36)}@example.com`;
  await clerkApi("/v1/users", { method: "POST", body: { email_address: [email], password: E2E.demoPassword, first_name: name, last_name: "Tester" } });
  return email;
}

/** The middleware's view of the caller, through the app's own server route. */
async function serverSession(page: Page) {
  const res = await page.request.get("/api/me");
  return { status: res.status(), me: res.ok() ? ((await res.json()) as { activeOrg: { slug: string; name: string; role: string } | null }) : null };
}

test("a signed-out visitor goes to the app's /sign-in, signs in with a password in Clerk's <SignIn/>, and returns to the page asked for", async ({ page }) => {
  await page.goto("/orgs/acme/members");
  const signInUrl = new URL(page.url());
  expect(`${signInUrl.origin}${signInUrl.pathname}`).toBe(`${E2E.appUrl}/sign-in`);
  expect(signInUrl.searchParams.get("redirect_url")).toBe(`${E2E.appUrl}/orgs/acme/members`);
  await expect(page.getByLabel("Email address")).toBeVisible();
  await screenshot(page, "sign-in");
  await expectAccessible(page);

  // A wrong password: Clerk's form moves on to the password step and says so there.
  await page.getByLabel("Email address").fill("ada@acme.test");
  await page.getByLabel("Password", { exact: true }).fill("not-the-password");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Enter your password" })).toBeVisible();
  await page.getByLabel("Password", { exact: true }).fill("still-not-the-password");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByText("Password is incorrect. Try again, or use another method.").first()).toBeVisible();

  await page.getByLabel("Password", { exact: true }).fill(E2E.demoPassword);
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/orgs/acme/members`);
  await expect(page.getByTestId("member-row").first()).toBeVisible();
  expect((await serverSession(page)).me?.activeOrg?.slug).toBe("acme");
});

test("from the landing page's Sign in link, Clerk's form signs a member in and opens their organization", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Sign in" }).first().click();
  await expect(page).toHaveURL(`${E2E.appUrl}/sign-in`);
  await signInWithForm(page, "sam@both.test");
  // One of Sam's organizations (other tests give Sam new ones, and the last active one opens).
  const { data } = await clerkApi<{ data: { organization: { slug: string; name: string } }[] }>(
    `/v1/users/${await userId("sam@both.test")}/organization_memberships?limit=100`,
  );
  await expect(page).toHaveURL(/\/orgs\/[^/]+$/);
  const slug = new URL(page.url()).pathname.split("/").pop();
  const org = data.find((m) => m.organization.slug === slug)?.organization;
  expect(org, `${slug} is one of Sam's organizations`).toBeDefined();
  await expect(page.getByTestId("org-switcher")).toContainText(org!.name);
});

test("signs in with an email code (the emulator's fixed code)", async ({ page }) => {
  await page.goto("/sign-in");
  await page.getByLabel("Email address").fill("bob@acme.test");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await page.getByRole("link", { name: "Use another method" }).click();
  await page.getByRole("button", { name: "Email code to bob@acme.test" }).click();
  await expect(page.getByText("Check your email")).toBeVisible();
  await page.keyboard.type("000000");
  await expect(page.getByText("The code you entered is incorrect.").first()).toBeVisible();
  await page.getByLabel("Enter verification code").fill("424242");
  await expect(page).toHaveURL(/\/orgs\/acme$/);
  await expect(page.getByTestId("org-switcher")).toContainText("Acme");
});

test("Continue as a demo account: one click on the sign-in page, with a Clerk sign-in token", async ({ page }) => {
  await page.goto("/sign-in?redirect_url=%2Forgs%2Fglobex");
  await expect(page.getByText(`the password ${E2E.demoPassword}`)).toBeVisible();
  await page.getByRole("button", { name: /Continue as Grace/ }).click();
  await expect(page).toHaveURL(`${E2E.appUrl}/orgs/globex`);
  await expect(page.getByTestId("org-switcher")).toContainText("Globex");
  // Only the configured demo accounts get a token.
  const refused = await page.request.post("/api/demo-sign-in", { form: { email: "someone@else.test" } });
  expect(refused.status()).toBe(403);
});

test("a new user signs up with <SignUp/> and an email code, is taken to /onboarding by the session task, and ends in the org they created", async ({ page }) => {
  const email = `newcomer-${Date.now().toString(36)}@example.com`;
  await page.goto("/sign-up");
  await page.getByLabel("First name").fill("Nia");
  await page.getByLabel("Last name").fill("Newcomer");
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill("a-long-enough-password");
  await page.getByRole("button", { name: "Continue", exact: true }).click();
  await expect(page.getByText("Verify your email")).toBeVisible();
  await page.keyboard.type("424242");

  // No organization and no personal accounts: the session is pending, with Clerk's choose-organization task.
  await expect(page).toHaveURL(`${E2E.appUrl}/onboarding`);
  await expect(page.getByRole("heading", { name: "Welcome, Nia" })).toBeVisible();
  // The task keeps the app closed: the middleware sends a pending session back here.
  const pending = await page.request.get("/orgs", { headers: html, maxRedirects: 0 });
  expect(pending.status()).toBe(307);
  expect(new URL(pending.headers().location!, E2E.appUrl).href).toBe(`${E2E.appUrl}/onboarding`);

  const name = unique("Nia Co");
  await page.getByLabel("Organization name").fill(name);
  await page.getByRole("button", { name: "Create organization" }).click();
  await expect(page).toHaveURL(/\/orgs\/nia-co-/);
  await expect(page.getByTestId("org-switcher")).toContainText(name);
  await createList(page, "First list");
  expect((await serverSession(page)).me?.activeOrg).toMatchObject({ name, role: "org:admin" });
  await userId(email); // the user exists at Clerk, with the sign-up's email
});

test("organizationSyncOptions: a document request for /orgs/<slug> activates that org through the handshake", async ({ browser }) => {
  const sam = await signIn(browser, "sam@both.test", "globex");
  // No page is open: clerk-js would otherwise keep writing its own (Globex) token into the cookie.
  expect((await serverSession(sam.page)).me?.activeOrg?.slug).toBe("globex");

  // No JavaScript runs here: only the middleware and the Frontend API's handshake can switch the org.
  const res = await sam.page.request.get("/orgs/acme", { headers: html });
  expect(res.status()).toBe(200);
  expect((await serverSession(sam.page)).me?.activeOrg?.slug).toBe("acme");
  const token = (await sam.context.cookies()).find((c) => c.name === "__session")!.value;
  expect(claims(token).o).toMatchObject({ id: await orgId("acme"), slg: "acme", rol: "member" });
  await sam.context.close();
});

test("an expired session token is refreshed through the handshake on the next page load", async ({ browser }) => {
  const bob = await signIn(browser, "bob@acme.test", "acme");
  await bob.page.goto("/orgs/acme");
  await expect(bob.page.getByTestId("org-switcher")).toContainText("Acme");
  await bob.page.goto("about:blank"); // clerk-js would refresh the cookie itself
  const { jwt: expired } = await clerkApi<{ jwt: string }>(`/v1/testing/sessions/${bob.sessionId}/tokens`, {
    method: "POST",
    body: { age_seconds: 600, expires_in_seconds: 60 },
  });
  const sessionCookies = (await bob.context.cookies()).filter((c) => c.name.startsWith("__session"));
  await bob.context.addCookies(sessionCookies.map((c) => ({ ...c, value: expired })));
  expect((await serverSession(bob.page)).status).toBe(401); // an API request is never redirected: the expired token is refused

  const res = await bob.page.request.get("/orgs/acme", { headers: html });
  expect(res.status()).toBe(200);
  const fresh = (await bob.context.cookies()).find((c) => c.name === "__session")!.value;
  expect(fresh).not.toBe(expired);
  expect(claims(fresh).exp as number).toBeGreaterThan(Date.now() / 1000);
  expect((await serverSession(bob.page)).me?.activeOrg?.slug).toBe("acme");
  await bob.context.close();
});

test("a signed-in invitee sees the invitation, accepts it in place and sees the org's lists live", async ({ browser }) => {
  const email = await newUser("Ivy");
  const ada = await signIn(browser, "ada@acme.test", "acme");
  await ada.page.goto("/orgs/acme/members");
  await ada.page.getByRole("button", { name: "Invite" }).click();
  await ada.page.getByLabel("Email address").fill(email);
  await ada.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(ada.page.getByRole("button", { name: `Revoke invitation for ${email}` })).toBeVisible();

  // Ivy has no organization yet: her session is pending and the app opens on onboarding, invitation included.
  const ivy = await signIn(browser, email);
  await ivy.page.goto("/orgs");
  await expect(ivy.page).toHaveURL(`${E2E.appUrl}/onboarding`);
  await ivy.page.getByRole("button", { name: "Join Acme" }).click();
  await expect(ivy.page).toHaveURL(`${E2E.appUrl}/orgs/acme`);
  await expect(ivy.page.getByTestId("org-switcher")).toContainText("Acme");

  const listName = unique("Welcome Ivy");
  await ada.page.goto("/orgs/acme");
  await createList(ada.page, listName);
  await addTodo(ada.page, "Say hello");
  const sidebar = ivy.page.getByRole("navigation", { name: "Organization" });
  await expect(sidebar.getByRole("link", { name: listName })).toBeVisible();
  await sidebar.getByRole("link", { name: listName }).click();
  await expect(todo(ivy.page, "Say hello")).toBeVisible();
  await expect(ada.page.getByRole("button", { name: `Revoke invitation for ${email}` })).toHaveCount(0);
  await ada.context.close();
  await ivy.context.close();
});

test("an invitation also shows in the org switcher of a member of another org, and joining switches to it", async ({ browser }) => {
  const grace = await signIn(browser, "grace@globex.test", "globex");
  const inviter = await signIn(browser, "ada@acme.test", "acme");
  await inviter.page.goto("/orgs/acme/members");
  await inviter.page.getByRole("button", { name: "Invite" }).click();
  await inviter.page.getByLabel("Email address").fill("grace@globex.test");
  await inviter.page.getByRole("button", { name: "Send invitation" }).click();
  await expect(inviter.page.getByRole("button", { name: "Revoke invitation for grace@globex.test" })).toBeVisible();

  await grace.page.goto("/orgs/globex");
  await grace.page.getByTestId("org-switcher").click();
  await grace.page.getByRole("menuitem", { name: /Join Acme/ }).click();
  await expect(grace.page).toHaveURL(`${E2E.appUrl}/orgs/acme`);
  await expect(grace.page.getByTestId("org-switcher")).toContainText("Acme");
  // Grace leaves again, so the other tests keep Acme's seeded membership.
  await clerkApi(`/v1/organizations/${await orgId("acme")}/memberships/${await userId("grace@globex.test")}`, { method: "DELETE" });
  await grace.context.close();
  await inviter.context.close();
});

test("signing out of another device from Clerk's <UserProfile/> ends that device's session", async ({ browser }) => {
  const email = await newUser("Dev");
  await clerkApi(`/v1/organizations/${await orgId("globex")}/memberships`, { method: "POST", body: { user_id: await userId(email), role: "org:member" } });
  const laptop = await signIn(browser, email);
  const phone = await signIn(browser, email);
  await phone.page.goto("/profile");
  await expect(phone.page.getByRole("heading", { name: /Dev Tester/ })).toBeVisible();

  await laptop.page.goto("/profile");
  await laptop.page.getByRole("button", { name: "Security" }).click();
  const devices = laptop.page.getByText("Active devices").locator("..").locator("..");
  await expect(devices).toBeVisible();
  await laptop.page.getByRole("button", { name: "Open menu" }).last().click();
  await laptop.page.getByRole("menuitem", { name: "Sign out of device" }).click();

  // The phone's session is gone: its next page load ends at sign-in.
  await phone.page.goto("/profile");
  await expect(phone.page).toHaveURL(/\/sign-in/);
  // The laptop signs out itself from the account menu.
  await laptop.page.goto("/profile");
  await laptop.page.getByRole("button", { name: "Account menu" }).click();
  await laptop.page.getByRole("menuitem", { name: "Sign out" }).click();
  await expect(laptop.page).toHaveURL(`${E2E.appUrl}/`);
  await laptop.page.goto("/orgs");
  await expect(laptop.page).toHaveURL(/\/sign-in/);
  await laptop.context.close();
  await phone.context.close();
});

test("a name edited in Clerk's <UserProfile/> reaches the app's synced record by webhook", async ({ browser }) => {
  const email = await newUser("Pat");
  await clerkApi(`/v1/organizations/${await orgId("globex")}/memberships`, { method: "POST", body: { user_id: await userId(email), role: "org:member" } });
  const pat = await signIn(browser, email);
  await pat.page.goto("/profile");
  await expect(pat.page.getByRole("heading", { name: "Pat Tester", level: 1 })).toBeVisible();
  await pat.page.getByRole("button", { name: "Update profile" }).click();
  await pat.page.getByLabel("First name").fill("Patricia");
  await pat.page.getByRole("button", { name: "Save" }).click();
  await expect(pat.page.getByRole("heading", { name: "Patricia Tester", level: 1 })).toBeVisible();
  await pat.context.close();
});
