import { v, type Infer } from "convex/values";
import type { DatabaseWriter } from "../_generated/server";

export const AUDIT_KINDS = [
  "member.added",
  "member.removed",
  "member.roleChanged",
  "invitation.created",
  "invitation.revoked",
  "invitation.accepted",
  "list.created",
  "list.deleted",
  "org.renamed",
] as const;
export type AuditKind = (typeof AUDIT_KINDS)[number];
export const auditKind = v.union(...AUDIT_KINDS.map((kind) => v.literal(kind)));

/**
 * One entry: what happened in which org, who did it, and whether it came
 * through the app (an admin action, a list change) or from Clerk (its
 * dashboard, a user accepting an invitation, a reconciliation catching up).
 */
export const auditFields = {
  orgId: v.string(),
  kind: auditKind,
  source: v.union(v.literal("app"), v.literal("clerk")),
  /** The Clerk user who acted; unknown for changes made in Clerk itself. */
  actorId: v.optional(v.string()),
  /** Who was signed in as `actorId`: an impersonation session (the token's `act` claim). */
  impersonatorId: v.optional(v.string()),
  /** The member or invitee concerned. */
  userId: v.optional(v.string()),
  email: v.optional(v.string()),
  role: v.optional(v.string()),
  previousRole: v.optional(v.string()),
  /** The list's name, or the organization's new name. */
  name: v.optional(v.string()),
  previousName: v.optional(v.string()),
};
export type AuditEntry = Infer<ReturnType<typeof v.object<typeof auditFields>>>;

/** Called in the transaction of the change it records. */
export async function recordAudit(db: DatabaseWriter, event: AuditEntry) {
  await db.insert("auditEvents", event);
}

export const sourceOf = (actorId: string | undefined) => (actorId ? ("app" as const) : ("clerk" as const));

/** The audit fields of whoever acts through the app (see Tenant: `impersonatorId` comes from the token). */
export const actorOf = (tenant: { userId: string; impersonatorId?: string }) => ({
  actorId: tenant.userId,
  ...(tenant.impersonatorId ? { impersonatorId: tenant.impersonatorId } : {}),
});
