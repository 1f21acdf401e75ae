import { components, internal } from "../_generated/api";
import { env } from "../_generated/server";
import { ClerkSync } from "../clerkSyncClient";
import { clerkApi } from "./clerkApi";

/**
 * The app's one instance of the component client. Annotated: its callbacks
 * reference `internal`, whose type is built from every module using it.
 */
export const clerkSync: ClerkSync = new ClerkSync(components.clerkSync, {
  webhookSecret: () => env.CLERK_WEBHOOK_SECRET,
  callbacks: {
    onOrganizationDeleted: internal.sync.onOrganizationDeleted,
    onOrganizationRenamed: internal.sync.onOrganizationRenamed,
    onMembershipChanged: internal.sync.onMembershipChanged,
    onInvitationChanged: internal.sync.onInvitationChanged,
  },
  clerkClient: clerkApi,
});
