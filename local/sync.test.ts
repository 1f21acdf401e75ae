/**
 * The whole local stack under the delivery conditions Clerk really produces:
 * the Clerk emulator in chaos mode (every webhook delivered twice, out of
 * order, late) feeding the local Convex backend. After a burst of changes,
 * what the app reads through the component equals the provider's state.
 */
import { ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import { startLocalStack } from "./stack";

let stack: Awaited<ReturnType<typeof startLocalStack>>;

beforeAll(async () => {
  stack = await startLocalStack({ chaos: { duplicates: 1, reorder: true, delayMs: 40 }, retry: { baseMs: 20, maxMs: 200 } });
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

/** What the app shows `userId` through the component: their orgs and roles. */
async function seenBy(userId: string) {
  const { jwt } = await stack.testing<{ jwt: string }>("sessions", { user_id: userId });
  const client = new ConvexHttpClient(stack.backend.url);
  client.setAuth(jwt);
  const me = await client.query(api.me.get, {});
  return me.orgs.map((o) => ({ orgId: o.orgId, name: o.name, role: o.role })).sort((a, b) => a.orgId.localeCompare(b.orgId));
}

test("after duplicated, reordered, delayed delivery, every user's orgs and roles equal the provider's", async () => {
  const { clerk } = stack;
  const users = [];
  for (const name of ["Ann", "Ben", "Cat", "Dan"]) {
    users.push(await clerk.users.createUser({ firstName: name, lastName: "Test", emailAddress: [`${name.toLowerCase()}@sync.test`] }));
  }
  const [ann, ben, cat, dan] = users.map((u) => u.id) as [string, string, string, string];
  const north = await clerk.organizations.createOrganization({ name: "North", createdBy: ann });
  const south = await clerk.organizations.createOrganization({ name: "South", createdBy: ben });
  const doomed = await clerk.organizations.createOrganization({ name: "Doomed", createdBy: cat });
  await clerk.organizations.createOrganizationMembership({ organizationId: north.id, userId: ben, role: "org:member" });
  await clerk.organizations.createOrganizationMembership({ organizationId: north.id, userId: cat, role: "org:member" });
  await clerk.organizations.createOrganizationMembership({ organizationId: south.id, userId: dan, role: "org:member" });
  await clerk.organizations.createOrganizationMembership({ organizationId: doomed.id, userId: dan, role: "org:member" });
  await clerk.organizations.updateOrganizationMembership({ organizationId: north.id, userId: ben, role: "org:admin" });
  await clerk.organizations.deleteOrganizationMembership({ organizationId: north.id, userId: cat });
  await clerk.organizations.createOrganizationMembership({ organizationId: north.id, userId: cat, role: "org:admin" });
  await clerk.organizations.updateOrganization(south.id, { name: "South Pole" });
  await clerk.organizations.deleteOrganization(doomed.id);
  await clerk.users.updateUser(dan, { firstName: "Daniel" });

  await stack.drained();
  const delivered = await stack.testing<{ delivered_count: number }>("webhooks");
  expect(delivered.delivered_count).toBeGreaterThan(20); // duplicates included

  for (const userId of [ann, ben, cat, dan]) {
    const { data } = await clerk.users.getOrganizationMembershipList({ userId });
    const truth = data
      .map((m) => ({ orgId: m.organization.id, name: m.organization.name, role: m.role }))
      .sort((a, b) => a.orgId.localeCompare(b.orgId));
    expect(await seenBy(userId), userId).toEqual(truth);
  }
  expect(await seenBy(dan)).toEqual([{ orgId: south.id, name: "South Pole", role: "org:member" }]);
}, 60_000);
