/**
 * Type-level checks, enforced by `tsc --noEmit` in `npm test`: the generated
 * component API is typed, so a wrong argument type does not compile. Each
 * `@ts-expect-error` fails the typecheck if its line ever compiles.
 */
import type { ClerkSyncModule } from "convex-clerk-sync";
import type { GenericDataModel, GenericMutationCtx } from "convex/server";
import { components, internal } from "../convex/_generated/api";

/** convex/sync.ts exports what convex/lib/clerkSync.ts says it does (`module: "sync"`). */
export const syncModule = internal.sync satisfies ClerkSyncModule;

export async function wrongArgumentsDoNotCompile(ctx: GenericMutationCtx<GenericDataModel>) {
  // @ts-expect-error clerkId is a string
  await ctx.runQuery(components.clerkSync.users.getByClerkId, { clerkId: 42 });
  // @ts-expect-error orgId is required
  await ctx.runQuery(components.clerkSync.memberships.get, { userId: "user_1" });
  // @ts-expect-error an unknown change kind is not a change
  await ctx.runMutation(components.clerkSync.ingest.delivery, { svixId: "m", type: "x", occurredAt: 0, change: { kind: "nope" } });
  // The right arguments compile.
  await ctx.runMutation(components.clerkSync.ingest.delivery, { svixId: "m", type: "x", occurredAt: 0, change: { kind: "ignored" } });
  await ctx.runQuery(components.clerkSync.users.getByClerkId, { clerkId: "user_1" });
}
