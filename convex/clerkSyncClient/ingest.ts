import {
  createFunctionHandle,
  type DefaultFunctionArgs,
  type FunctionReference,
  type GenericActionCtx,
  type GenericDataModel,
} from "convex/server";
import type { ComponentApi } from "../clerkSync/_generated/component";
import type { Callbacks } from "../clerkSync/validators";
import type { ParsedEvent } from "./events";

type Mutation<Args extends DefaultFunctionArgs> = FunctionReference<"mutation", "internal", Args>;

/** Who made the change through the app (an admin action's write-through); absent when it came from Clerk. */
type Acted = { actorId?: string };

/** App mutations called in the ingest transaction when these changes apply. */
export type ClerkSyncCallbacks = {
  onUserDeleted?: Mutation<{ userId: string }>;
  onOrganizationDeleted?: Mutation<{ orgId: string }>;
  onOrganizationRenamed?: Mutation<{ orgId: string; name: string; previousName: string } & Acted>;
  /** role null: removed; previousRole null: added. */
  onMembershipChanged?: Mutation<{ orgId: string; userId: string; role: string | null; previousRole: string | null } & Acted>;
  /** A new invitation (previousStatus null) or a new status: accepted, revoked, expired. */
  onInvitationChanged?: Mutation<
    {
      orgId: string;
      invitationId: string;
      email: string;
      role: string;
      status: "pending" | "accepted" | "revoked" | "expired";
      previousStatus: "pending" | "accepted" | "revoked" | "expired" | null;
      userId?: string;
    } & Acted
  >;
};

export type RunMutationCtx = Pick<GenericActionCtx<GenericDataModel>, "runMutation">;

/** Applies one parsed event through the component, with the app's callbacks. */
export async function ingestEvent(
  ctx: RunMutationCtx,
  component: ComponentApi,
  callbacks: ClerkSyncCallbacks,
  svixId: string,
  { type, occurredAt, change }: ParsedEvent,
  actorId?: string,
) {
  return await ctx.runMutation(component.ingest.ingest, {
    svixId,
    type,
    occurredAt,
    change,
    callbacks: await toHandles(callbacks),
    actorId,
  });
}

export async function toHandles(callbacks: ClerkSyncCallbacks): Promise<Callbacks> {
  const handles: Callbacks = {};
  for (const [name, ref] of Object.entries(callbacks) as [keyof Callbacks, Mutation<never>][]) {
    if (ref) handles[name] = await createFunctionHandle(ref);
  }
  return handles;
}
