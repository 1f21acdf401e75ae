/**
 * The app's event handler, generated: `ClerkSync.events({...})` returns an
 * internal mutation whose arguments are validated with the component's own
 * `clerkSyncEvent` validator, so the app writes only handlers.
 *
 *   export const { clerkSyncEvent } = clerkSync.events({
 *     "organization.deleted": async (ctx, { orgId }) => { … },
 *     "membership.changed": async (ctx, change) => { … },
 *   });
 */
import { internalMutationGeneric, type GenericDataModel, type GenericMutationCtx } from "convex/server";
import { v } from "convex/values";
import { clerkSyncEvent, type ClerkSyncEvent } from "../component/validators.js";

export type { ClerkSyncEvent };
export type ClerkSyncEventKind = ClerkSyncEvent["kind"];

/** One handler per event kind the app cares about; each runs in the transaction of the change. */
export type ClerkSyncEventHandlers<DataModel extends GenericDataModel> = {
  [K in ClerkSyncEventKind]?: (ctx: GenericMutationCtx<DataModel>, event: Extract<ClerkSyncEvent, { kind: K }>) => Promise<void>;
};

/** The name the app must export the generated mutation under (see `ClerkSync` option `module`). */
export const EVENT_FUNCTION = "clerkSyncEvent";

export function eventsMutation<DataModel extends GenericDataModel>(handlers: ClerkSyncEventHandlers<DataModel>) {
  return internalMutationGeneric({
    args: { event: clerkSyncEvent },
    returns: v.null(),
    handler: async (ctx, { event }) => {
      const handler = handlers[event.kind] as
        | ((ctx: GenericMutationCtx<DataModel>, event: ClerkSyncEvent) => Promise<void>)
        | undefined;
      if (handler) await handler(ctx as GenericMutationCtx<DataModel>, event);
      return null;
    },
  });
}
