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

/** App mutations called in the ingest transaction when these changes apply. */
export type ClerkSyncCallbacks = {
  onUserDeleted?: Mutation<{ userId: string }>;
  onOrganizationDeleted?: Mutation<{ orgId: string }>;
  onMembershipChanged?: Mutation<{
    orgId: string;
    userId: string;
    role: string | null;
    previousRole: string | null;
  }>;
};

export type RunMutationCtx = Pick<GenericActionCtx<GenericDataModel>, "runMutation">;

/** Applies one parsed event through the component, with the app's callbacks. */
export async function ingestEvent(
  ctx: RunMutationCtx,
  component: ComponentApi,
  callbacks: ClerkSyncCallbacks,
  svixId: string,
  { type, occurredAt, change }: ParsedEvent,
) {
  return await ctx.runMutation(component.ingest.ingest, {
    svixId,
    type,
    occurredAt,
    change,
    callbacks: await toHandles(callbacks),
  });
}

export async function toHandles(callbacks: ClerkSyncCallbacks): Promise<Callbacks> {
  const handles: Callbacks = {};
  for (const [name, ref] of Object.entries(callbacks) as [keyof Callbacks, Mutation<never>][]) {
    if (ref) handles[name] = await createFunctionHandle(ref);
  }
  return handles;
}
