/**
 * Clerk webhook deliveries for the app's tests: payload builders (complete
 * Clerk payloads, from convex-clerk-sync's test kit) and svix-signed
 * delivery through the app's POST /clerk-webhook.
 */
import type { GenericMutationCtx } from "convex/server";
import { signWebhook, type ClerkEvent } from "convex-clerk-sync/test";
import { WEBHOOK_SECRET, type TestApp } from "./convex";

export { deleted, event, invitation, membership, organization, session, tick, user, type ClerkEvent } from "convex-clerk-sync/test";

/** Headers and body exactly as svix signs them (with the test deployment's secret unless told). */
export const signed = (body: string, o: { secret?: string; id?: string; at?: Date } = {}) =>
  signWebhook(body, { secret: o.secret ?? WEBHOOK_SECRET, id: o.id, at: o.at });

/** Delivers one event through POST /clerk-webhook, signed. */
export async function deliver(t: TestApp, e: ClerkEvent, o: { id?: string } = {}) {
  const body = JSON.stringify(e);
  return await t.fetch("/clerk-webhook", { method: "POST", headers: signed(body, o).headers, body });
}

/** Delivers and asserts a 200, returning the outcome the route reported. */
export async function apply(t: TestApp, e: ClerkEvent, o: { id?: string } = {}) {
  const res = await deliver(t, e, o);
  if (res.status !== 200) throw new Error(`${e.type} answered ${res.status}: ${await res.text()}`);
  return ((await res.json()) as { outcome: string }).outcome;
}

type ComponentCtx = GenericMutationCtx<import("convex/server").GenericDataModel>;
type RunInComponent = <Output>(path: string, fn: (ctx: ComponentCtx) => Promise<Output>) => Promise<Output>;

/**
 * Runs `fn` against the component's own database (its tables are the
 * package's business: tests look, they do not build on its shapes).
 * convex-test implements `runInComponent` (what `t.run` uses for the root)
 * without typing it.
 */
export async function inComponent<Output>(t: TestApp, fn: (ctx: ComponentCtx) => Promise<Output>, name = "clerkSync") {
  const run = (t as unknown as { runInComponent?: RunInComponent }).runInComponent;
  if (!run) throw new Error("this convex-test has no runInComponent: read the component through its public queries instead");
  return await run(name, fn);
}

/** The component's delivery records, users and memberships, as stored. */
export async function snapshot(t: TestApp) {
  return await inComponent(t, async (ctx) => ({
    users: await ctx.db.query("users").collect(),
    memberships: await ctx.db.query("memberships").collect(),
    webhookEvents: await ctx.db.query("webhookEvents").collect(),
  }));
}
