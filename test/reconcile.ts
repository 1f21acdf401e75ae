/**
 * Helpers for reconciliation tests: run one to the end (scheduled steps run
 * on real timers), and compare the component's state with the provider's.
 */
import type { ClerkClient } from "@clerk/backend";
import { components, internal } from "../convex/_generated/api";
import type { TestApp } from "./convex";
import { inComponent } from "./clerk";

export async function reconciliationStatus(t: TestApp) {
  return await t.run((ctx) => ctx.runQuery(components.clerkSync.reconcile.status, {}));
}

/** Starts a run (as `npx convex run sync:reconcile` would) and waits until it is over. */
export async function reconcile(t: TestApp, timeoutMs = 60_000) {
  const { started } = await t.mutation(internal.sync.reconcile, { trigger: "test" });
  if (!started) throw new Error("a reconciliation is already running");
  return await untilFinished(t, timeoutMs);
}

export async function untilFinished(t: TestApp, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { active, last } = await reconciliationStatus(t);
    if (!active && last) return last;
    if (Date.now() > deadline) throw new Error(`reconciliation still running: ${JSON.stringify(active)}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Everything a Clerk list returns, page by page (limit/offset). */
async function all<T>(list: (page: { limit: number; offset: number }) => Promise<{ data: T[]; totalCount: number }>) {
  const items: T[] = [];
  for (let offset = 0; ; offset += 500) {
    const { data } = await list({ limit: 500, offset });
    items.push(...data);
    if (data.length < 500) return items;
  }
}

/** The provider's directory, reduced to what the component mirrors. */
export async function providerState(clerk: ClerkClient) {
  const users = await all((p) => clerk.users.getUserList(p));
  const orgs = await all((p) => clerk.organizations.getOrganizationList(p));
  const memberships = await all((p) => clerk.organizations.getInstanceOrganizationMembershipList(p));
  const invitations = [];
  for (const org of orgs) {
    invitations.push(
      ...(await all((p) => clerk.organizations.getOrganizationInvitationList({ organizationId: org.id, status: ["pending"], ...p }))),
    );
  }
  return canonical({
    users: users.map((u) => [u.id, u.firstName ?? null, u.lastName ?? null, u.primaryEmailAddress?.emailAddress.toLowerCase() ?? null]),
    organizations: orgs.map((o) => [o.id, o.name, o.slug]),
    memberships: memberships.map((m) => [m.organization.id, m.publicUserData!.userId, m.role]),
    invitations: invitations.map((i) => [i.id, i.organizationId, i.emailAddress.toLowerCase(), i.role]),
  });
}

/** The component's tables, reduced the same way (read in pages: a test may run with tight transaction limits). */
export async function componentState(t: TestApp) {
  const rows = async <Row>(table: "users" | "organizations" | "memberships" | "invitations", map: (row: Row) => (string | null)[] | null) => {
    const out: (string | null)[][] = [];
    for (let cursor: string | null = null; ; ) {
      const page = await inComponent(t, (ctx) => ctx.db.query(table).paginate({ numItems: 1000, cursor }));
      for (const row of page.page as Row[]) {
        const mapped = map(row);
        if (mapped) out.push(mapped);
      }
      if (page.isDone) return out;
      cursor = page.continueCursor;
    }
  };
  type Row = Record<string, string | undefined>;
  return canonical({
    users: await rows<Row>("users", (u) => [u.clerkId!, u.firstName ?? null, u.lastName ?? null, u.primaryEmail ?? null]),
    organizations: await rows<Row>("organizations", (o) => [o.clerkId!, o.name!, o.slug ?? null]),
    memberships: await rows<Row>("memberships", (m) => [m.orgId!, m.userId!, m.role!]),
    invitations: await rows<Row>("invitations", (i) =>
      i.status === "pending" ? [i.clerkId!, i.orgId ?? null, i.email!, i.role!] : null,
    ),
  });
}

type Kind = "users" | "organizations" | "memberships" | "invitations";
/** Each row as one "a|b|c" line, sorted: equal states compare equal whatever the order. */
const canonical = (s: Record<Kind, (string | null)[][]>) =>
  Object.fromEntries(Object.entries(s).map(([k, rows]) => [k, rows.map((r) => r.join("|")).sort()])) as Record<Kind, string[]>;
