/**
 * Compile-time (`tsc --noEmit` of the package): the test kit's payloads have
 * the shapes of `@clerk/backend`'s JSON types, so fixtures cannot drift from
 * what Clerk's SDK says it sends. Where Clerk's types are narrower than its
 * payloads (a verification's `object` is "verification_otp" in Clerk's
 * OpenAPI examples, not one of the SDK's resource names; a session's
 * `last_active_organization_id` is null when no organization is active),
 * the check leaves that field out.
 */
import type {
  EmailAddressJSON,
  OrganizationInvitationJSON,
  OrganizationJSON,
  OrganizationMembershipJSON,
  PermissionWebhookEvent,
  PhoneNumberJSON,
  RoleWebhookEvent,
  SessionWebhookEvent,
  UserJSON,
  WebhookEvent,
} from "@clerk/backend";
import { event, invitation, membership, organization, permission, role, session, user } from "../src/test";

type WithoutVerification<T> = Omit<T, "verification">;
type UserShape = Omit<UserJSON, "email_addresses" | "phone_numbers"> & {
  email_addresses: WithoutVerification<EmailAddressJSON>[];
  phone_numbers: WithoutVerification<PhoneNumberJSON>[];
};
type SessionShape = Omit<SessionWebhookEvent["data"], "last_active_organization_id" | "latest_activity" | "user">;

const u = user("user_1", { phone: "+15555550100" });
const org = organization("org_1");

export const shapes = [
  u satisfies UserShape,
  org satisfies OrganizationJSON,
  membership("orgmem_1", org, "user_1") satisfies OrganizationMembershipJSON,
  { ...invitation("orginv_1", "org_1", "a@example.com"), status: "pending" as const } satisfies OrganizationInvitationJSON,
  session("sess_1", "user_1") satisfies SessionShape,
  permission("perm_1", "org:posts:read") satisfies PermissionWebhookEvent["data"],
  role("role_1", "org:editor", [permission("perm_1", "org:posts:read")]) satisfies RoleWebhookEvent["data"],
  event("user.created", u) satisfies Omit<WebhookEvent, "type" | "data">,
];
