/* eslint-disable */
/**
 * Generated `ComponentApi` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type { FunctionReference } from "convex/server";

/**
 * A utility for referencing a Convex component's exposed API.
 *
 * Useful when expecting a parameter like `components.myComponent`.
 * Usage:
 * ```ts
 * async function myFunction(ctx: QueryCtx, component: ComponentApi) {
 *   return ctx.runQuery(component.someFile.someQuery, { ...args });
 * }
 * ```
 */
export type ComponentApi<Name extends string | undefined = string | undefined> =
  {
    health: {
      recordRejection: FunctionReference<
        "mutation",
        "internal",
        { reason: "signature" | "payload" | "size" | "instance" },
        null,
        Name
      >;
      webhooks: FunctionReference<
        "query",
        "internal",
        { hours: number },
        {
          last: {
            outcome: "applied" | "stale" | "duplicate" | "ignored";
            receivedAt: number;
            type: string;
          } | null;
          rejected: {
            instance: number;
            payload: number;
            signature: number;
            size: number;
          };
        },
        Name
      >;
    };
    ingest: {
      delivery: FunctionReference<
        "mutation",
        "internal",
        {
          change:
            | {
                kind: "user.upsert";
                user: {
                  banned: boolean;
                  clerkId: string;
                  createdAt: number;
                  emailAddresses: Array<{
                    email: string;
                    id: string;
                    verified: boolean;
                  }>;
                  externalId?: string;
                  firstName?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  lastName?: string;
                  lastSignInAt?: number;
                  locked: boolean;
                  phoneNumbers: Array<{
                    id: string;
                    phoneNumber: string;
                    verified: boolean;
                  }>;
                  primaryEmail?: string;
                  primaryPhoneNumber?: string;
                  publicMetadata: any;
                  updatedAt: number;
                  username?: string;
                };
              }
            | { kind: "user.delete"; userId: string }
            | {
                kind: "organization.upsert";
                organization: {
                  clerkId: string;
                  createdAt: number;
                  createdBy?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  maxAllowedMemberships?: number;
                  membersCount?: number;
                  name: string;
                  publicMetadata: any;
                  slug?: string;
                  updatedAt: number;
                };
              }
            | { kind: "organization.delete"; orgId: string }
            | {
                kind: "membership.upsert";
                membership: {
                  clerkId: string;
                  createdAt: number;
                  organization: {
                    clerkId: string;
                    createdAt: number;
                    createdBy?: string;
                    hasImage: boolean;
                    imageUrl?: string;
                    maxAllowedMemberships?: number;
                    membersCount?: number;
                    name: string;
                    publicMetadata: any;
                    slug?: string;
                    updatedAt: number;
                  };
                  permissions: Array<string>;
                  role: string;
                  roleName?: string;
                  updatedAt: number;
                  user?: {
                    clerkId: string;
                    firstName?: string;
                    hasImage?: boolean;
                    identifier?: string;
                    imageUrl?: string;
                    lastName?: string;
                  };
                };
              }
            | {
                kind: "membership.delete";
                membership: {
                  clerkId: string;
                  createdAt: number;
                  organization: {
                    clerkId: string;
                    createdAt: number;
                    createdBy?: string;
                    hasImage: boolean;
                    imageUrl?: string;
                    maxAllowedMemberships?: number;
                    membersCount?: number;
                    name: string;
                    publicMetadata: any;
                    slug?: string;
                    updatedAt: number;
                  };
                  permissions: Array<string>;
                  role: string;
                  roleName?: string;
                  updatedAt: number;
                  user?: {
                    clerkId: string;
                    firstName?: string;
                    hasImage?: boolean;
                    identifier?: string;
                    imageUrl?: string;
                    lastName?: string;
                  };
                };
              }
            | {
                invitation: {
                  clerkId: string;
                  createdAt: number;
                  email: string;
                  expiresAt?: number;
                  orgId?: string;
                  role: string;
                  roleName?: string;
                  status: "pending" | "accepted" | "revoked" | "expired";
                  updatedAt: number;
                  userId?: string;
                };
                kind: "invitation.upsert";
              }
            | {
                kind: "session.created";
                session: {
                  actor?: any;
                  clerkId: string;
                  createdAt: number;
                  lastActiveOrgId?: string;
                  status: string;
                  updatedAt: number;
                  userId: string;
                };
                user?: {
                  banned: boolean;
                  clerkId: string;
                  createdAt: number;
                  emailAddresses: Array<{
                    email: string;
                    id: string;
                    verified: boolean;
                  }>;
                  externalId?: string;
                  firstName?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  lastName?: string;
                  lastSignInAt?: number;
                  locked: boolean;
                  phoneNumbers: Array<{
                    id: string;
                    phoneNumber: string;
                    verified: boolean;
                  }>;
                  primaryEmail?: string;
                  primaryPhoneNumber?: string;
                  publicMetadata: any;
                  updatedAt: number;
                  username?: string;
                };
              }
            | {
                kind: "session.upsert";
                session: {
                  actor?: any;
                  clerkId: string;
                  createdAt: number;
                  lastActiveOrgId?: string;
                  status: string;
                  updatedAt: number;
                  userId: string;
                };
              }
            | {
                kind: "role.upsert";
                role: {
                  clerkId: string;
                  createdAt: number;
                  description?: string;
                  isCreatorEligible?: boolean;
                  key: string;
                  name: string;
                  permissions: Array<{
                    clerkId: string;
                    createdAt: number;
                    description?: string;
                    key: string;
                    name: string;
                    type?: string;
                    updatedAt: number;
                  }>;
                  updatedAt: number;
                };
              }
            | { kind: "role.delete"; roleId: string }
            | {
                kind: "permission.upsert";
                permission: {
                  clerkId: string;
                  createdAt: number;
                  description?: string;
                  key: string;
                  name: string;
                  type?: string;
                  updatedAt: number;
                };
              }
            | { kind: "permission.delete"; permissionId: string }
            | { kind: "ignored" };
          instanceId?: string;
          occurredAt: number;
          onEvent?: string;
          svixId: string;
          type: string;
        },
        { outcome: "applied" | "stale" | "duplicate" | "ignored" },
        Name
      >;
      writeThrough: FunctionReference<
        "mutation",
        "internal",
        {
          actor: { impersonatorId?: string; userId: string };
          change:
            | {
                kind: "user.upsert";
                user: {
                  banned: boolean;
                  clerkId: string;
                  createdAt: number;
                  emailAddresses: Array<{
                    email: string;
                    id: string;
                    verified: boolean;
                  }>;
                  externalId?: string;
                  firstName?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  lastName?: string;
                  lastSignInAt?: number;
                  locked: boolean;
                  phoneNumbers: Array<{
                    id: string;
                    phoneNumber: string;
                    verified: boolean;
                  }>;
                  primaryEmail?: string;
                  primaryPhoneNumber?: string;
                  publicMetadata: any;
                  updatedAt: number;
                  username?: string;
                };
              }
            | { kind: "user.delete"; userId: string }
            | {
                kind: "organization.upsert";
                organization: {
                  clerkId: string;
                  createdAt: number;
                  createdBy?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  maxAllowedMemberships?: number;
                  membersCount?: number;
                  name: string;
                  publicMetadata: any;
                  slug?: string;
                  updatedAt: number;
                };
              }
            | { kind: "organization.delete"; orgId: string }
            | {
                kind: "membership.upsert";
                membership: {
                  clerkId: string;
                  createdAt: number;
                  organization: {
                    clerkId: string;
                    createdAt: number;
                    createdBy?: string;
                    hasImage: boolean;
                    imageUrl?: string;
                    maxAllowedMemberships?: number;
                    membersCount?: number;
                    name: string;
                    publicMetadata: any;
                    slug?: string;
                    updatedAt: number;
                  };
                  permissions: Array<string>;
                  role: string;
                  roleName?: string;
                  updatedAt: number;
                  user?: {
                    clerkId: string;
                    firstName?: string;
                    hasImage?: boolean;
                    identifier?: string;
                    imageUrl?: string;
                    lastName?: string;
                  };
                };
              }
            | {
                kind: "membership.delete";
                membership: {
                  clerkId: string;
                  createdAt: number;
                  organization: {
                    clerkId: string;
                    createdAt: number;
                    createdBy?: string;
                    hasImage: boolean;
                    imageUrl?: string;
                    maxAllowedMemberships?: number;
                    membersCount?: number;
                    name: string;
                    publicMetadata: any;
                    slug?: string;
                    updatedAt: number;
                  };
                  permissions: Array<string>;
                  role: string;
                  roleName?: string;
                  updatedAt: number;
                  user?: {
                    clerkId: string;
                    firstName?: string;
                    hasImage?: boolean;
                    identifier?: string;
                    imageUrl?: string;
                    lastName?: string;
                  };
                };
              }
            | {
                invitation: {
                  clerkId: string;
                  createdAt: number;
                  email: string;
                  expiresAt?: number;
                  orgId?: string;
                  role: string;
                  roleName?: string;
                  status: "pending" | "accepted" | "revoked" | "expired";
                  updatedAt: number;
                  userId?: string;
                };
                kind: "invitation.upsert";
              }
            | {
                kind: "session.created";
                session: {
                  actor?: any;
                  clerkId: string;
                  createdAt: number;
                  lastActiveOrgId?: string;
                  status: string;
                  updatedAt: number;
                  userId: string;
                };
                user?: {
                  banned: boolean;
                  clerkId: string;
                  createdAt: number;
                  emailAddresses: Array<{
                    email: string;
                    id: string;
                    verified: boolean;
                  }>;
                  externalId?: string;
                  firstName?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  lastName?: string;
                  lastSignInAt?: number;
                  locked: boolean;
                  phoneNumbers: Array<{
                    id: string;
                    phoneNumber: string;
                    verified: boolean;
                  }>;
                  primaryEmail?: string;
                  primaryPhoneNumber?: string;
                  publicMetadata: any;
                  updatedAt: number;
                  username?: string;
                };
              }
            | {
                kind: "session.upsert";
                session: {
                  actor?: any;
                  clerkId: string;
                  createdAt: number;
                  lastActiveOrgId?: string;
                  status: string;
                  updatedAt: number;
                  userId: string;
                };
              }
            | {
                kind: "role.upsert";
                role: {
                  clerkId: string;
                  createdAt: number;
                  description?: string;
                  isCreatorEligible?: boolean;
                  key: string;
                  name: string;
                  permissions: Array<{
                    clerkId: string;
                    createdAt: number;
                    description?: string;
                    key: string;
                    name: string;
                    type?: string;
                    updatedAt: number;
                  }>;
                  updatedAt: number;
                };
              }
            | { kind: "role.delete"; roleId: string }
            | {
                kind: "permission.upsert";
                permission: {
                  clerkId: string;
                  createdAt: number;
                  description?: string;
                  key: string;
                  name: string;
                  type?: string;
                  updatedAt: number;
                };
              }
            | { kind: "permission.delete"; permissionId: string }
            | { kind: "ignored" };
          occurredAt: number;
          onEvent?: string;
        },
        { outcome: "applied" | "stale" | "duplicate" | "ignored" },
        Name
      >;
    };
    invitations: {
      get: FunctionReference<
        "query",
        "internal",
        { invitationId: string },
        {
          _creationTime: number;
          _id: string;
          clerkId: string;
          createdAt: number;
          email: string;
          expiresAt?: number;
          membershipId?: string;
          orgId?: string;
          role: string;
          roleName?: string;
          status: "pending" | "accepted" | "revoked" | "expired";
          updatedAt: number;
          userId?: string;
        } | null,
        Name
      >;
      listPending: FunctionReference<
        "query",
        "internal",
        { orgId: string },
        Array<{
          _creationTime: number;
          _id: string;
          clerkId: string;
          createdAt: number;
          email: string;
          expiresAt?: number;
          membershipId?: string;
          orgId?: string;
          role: string;
          roleName?: string;
          status: "pending" | "accepted" | "revoked" | "expired";
          updatedAt: number;
          userId?: string;
        }>,
        Name
      >;
    };
    maintenance: {
      prune: FunctionReference<
        "mutation",
        "internal",
        { before: number; limit: number },
        { deleted: number; more: boolean },
        Name
      >;
    };
    memberships: {
      get: FunctionReference<
        "query",
        "internal",
        { orgId: string; userId: string },
        {
          _creationTime: number;
          _id: string;
          clerkId: string;
          createdAt: number;
          email?: string;
          firstName?: string;
          imageUrl?: string;
          invitationId?: string;
          lastName?: string;
          orgId: string;
          permissions: Array<string>;
          role: string;
          roleName?: string;
          searchText: string;
          updatedAt: number;
          userId: string;
        } | null,
        Name
      >;
      list: FunctionReference<
        "query",
        "internal",
        {
          orgId: string;
          paginationOpts: {
            cursor: string | null;
            endCursor?: string | null;
            id?: number;
            maximumBytesRead?: number;
            maximumRowsRead?: number;
            numItems: number;
          };
          search?: string;
        },
        {
          continueCursor: string;
          isDone: boolean;
          page: Array<{
            _creationTime: number;
            _id: string;
            clerkId: string;
            createdAt: number;
            email?: string;
            firstName?: string;
            imageUrl?: string;
            invitationId?: string;
            lastName?: string;
            orgId: string;
            permissions: Array<string>;
            role: string;
            roleName?: string;
            searchText: string;
            updatedAt: number;
            userId: string;
          }>;
          pageStatus?: "SplitRecommended" | "SplitRequired" | null;
          splitCursor?: string | null;
        },
        Name
      >;
      listByRole: FunctionReference<
        "query",
        "internal",
        { limit: number; orgId: string; role: string },
        Array<{
          _creationTime: number;
          _id: string;
          clerkId: string;
          createdAt: number;
          email?: string;
          firstName?: string;
          imageUrl?: string;
          invitationId?: string;
          lastName?: string;
          orgId: string;
          permissions: Array<string>;
          role: string;
          roleName?: string;
          searchText: string;
          updatedAt: number;
          userId: string;
        }>,
        Name
      >;
    };
    organizations: {
      getById: FunctionReference<
        "query",
        "internal",
        { orgId: string },
        {
          _creationTime: number;
          _id: string;
          clerkId: string;
          createdAt: number;
          createdBy?: string;
          hasImage: boolean;
          imageUrl?: string;
          maxAllowedMemberships?: number;
          membersCount?: number;
          name: string;
          publicMetadata: any;
          slug?: string;
          updatedAt: number;
        } | null,
        Name
      >;
      getBySlug: FunctionReference<
        "query",
        "internal",
        { slug: string },
        {
          _creationTime: number;
          _id: string;
          clerkId: string;
          createdAt: number;
          createdBy?: string;
          hasImage: boolean;
          imageUrl?: string;
          maxAllowedMemberships?: number;
          membersCount?: number;
          name: string;
          publicMetadata: any;
          slug?: string;
          updatedAt: number;
        } | null,
        Name
      >;
      listForUser: FunctionReference<
        "query",
        "internal",
        { userId: string },
        Array<{
          organization: {
            _creationTime: number;
            _id: string;
            clerkId: string;
            createdAt: number;
            createdBy?: string;
            hasImage: boolean;
            imageUrl?: string;
            maxAllowedMemberships?: number;
            membersCount?: number;
            name: string;
            publicMetadata: any;
            slug?: string;
            updatedAt: number;
          };
          permissions: Array<string>;
          role: string;
          roleName?: string;
        }>,
        Name
      >;
    };
    reconcile: {
      applyBatch: FunctionReference<
        "mutation",
        "internal",
        {
          clerkTotals?: {
            invitations: number;
            memberships: number;
            organizations: number;
            users: number;
          };
          finished: boolean;
          next: {
            cursor?: string;
            done: number;
            offset: number;
            phase:
              | "users"
              | "organizations"
              | "memberships"
              | "invitations"
              | "sweepOrganizations"
              | "sweepUsers"
              | "sweepMemberships"
              | "sweepInvitations";
            total: number;
          };
          onEvent?: string;
          reads: Array<
            | {
                kind: "user.upsert";
                user: {
                  banned: boolean;
                  clerkId: string;
                  createdAt: number;
                  emailAddresses: Array<{
                    email: string;
                    id: string;
                    verified: boolean;
                  }>;
                  externalId?: string;
                  firstName?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  lastName?: string;
                  lastSignInAt?: number;
                  locked: boolean;
                  phoneNumbers: Array<{
                    id: string;
                    phoneNumber: string;
                    verified: boolean;
                  }>;
                  primaryEmail?: string;
                  primaryPhoneNumber?: string;
                  publicMetadata: any;
                  updatedAt: number;
                  username?: string;
                };
              }
            | { kind: "user.delete"; userId: string }
            | {
                kind: "organization.upsert";
                organization: {
                  clerkId: string;
                  createdAt: number;
                  createdBy?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  maxAllowedMemberships?: number;
                  membersCount?: number;
                  name: string;
                  publicMetadata: any;
                  slug?: string;
                  updatedAt: number;
                };
              }
            | { kind: "organization.delete"; orgId: string }
            | {
                kind: "membership.upsert";
                membership: {
                  clerkId: string;
                  createdAt: number;
                  organization: {
                    clerkId: string;
                    createdAt: number;
                    createdBy?: string;
                    hasImage: boolean;
                    imageUrl?: string;
                    maxAllowedMemberships?: number;
                    membersCount?: number;
                    name: string;
                    publicMetadata: any;
                    slug?: string;
                    updatedAt: number;
                  };
                  permissions: Array<string>;
                  role: string;
                  roleName?: string;
                  updatedAt: number;
                  user?: {
                    clerkId: string;
                    firstName?: string;
                    hasImage?: boolean;
                    identifier?: string;
                    imageUrl?: string;
                    lastName?: string;
                  };
                };
              }
            | {
                kind: "membership.delete";
                membership: {
                  clerkId: string;
                  createdAt: number;
                  organization: {
                    clerkId: string;
                    createdAt: number;
                    createdBy?: string;
                    hasImage: boolean;
                    imageUrl?: string;
                    maxAllowedMemberships?: number;
                    membersCount?: number;
                    name: string;
                    publicMetadata: any;
                    slug?: string;
                    updatedAt: number;
                  };
                  permissions: Array<string>;
                  role: string;
                  roleName?: string;
                  updatedAt: number;
                  user?: {
                    clerkId: string;
                    firstName?: string;
                    hasImage?: boolean;
                    identifier?: string;
                    imageUrl?: string;
                    lastName?: string;
                  };
                };
              }
            | {
                invitation: {
                  clerkId: string;
                  createdAt: number;
                  email: string;
                  expiresAt?: number;
                  orgId?: string;
                  role: string;
                  roleName?: string;
                  status: "pending" | "accepted" | "revoked" | "expired";
                  updatedAt: number;
                  userId?: string;
                };
                kind: "invitation.upsert";
              }
            | {
                kind: "session.created";
                session: {
                  actor?: any;
                  clerkId: string;
                  createdAt: number;
                  lastActiveOrgId?: string;
                  status: string;
                  updatedAt: number;
                  userId: string;
                };
                user?: {
                  banned: boolean;
                  clerkId: string;
                  createdAt: number;
                  emailAddresses: Array<{
                    email: string;
                    id: string;
                    verified: boolean;
                  }>;
                  externalId?: string;
                  firstName?: string;
                  hasImage: boolean;
                  imageUrl?: string;
                  lastName?: string;
                  lastSignInAt?: number;
                  locked: boolean;
                  phoneNumbers: Array<{
                    id: string;
                    phoneNumber: string;
                    verified: boolean;
                  }>;
                  primaryEmail?: string;
                  primaryPhoneNumber?: string;
                  publicMetadata: any;
                  updatedAt: number;
                  username?: string;
                };
              }
            | {
                kind: "session.upsert";
                session: {
                  actor?: any;
                  clerkId: string;
                  createdAt: number;
                  lastActiveOrgId?: string;
                  status: string;
                  updatedAt: number;
                  userId: string;
                };
              }
            | {
                kind: "role.upsert";
                role: {
                  clerkId: string;
                  createdAt: number;
                  description?: string;
                  isCreatorEligible?: boolean;
                  key: string;
                  name: string;
                  permissions: Array<{
                    clerkId: string;
                    createdAt: number;
                    description?: string;
                    key: string;
                    name: string;
                    type?: string;
                    updatedAt: number;
                  }>;
                  updatedAt: number;
                };
              }
            | { kind: "role.delete"; roleId: string }
            | {
                kind: "permission.upsert";
                permission: {
                  clerkId: string;
                  createdAt: number;
                  description?: string;
                  key: string;
                  name: string;
                  type?: string;
                  updatedAt: number;
                };
              }
            | { kind: "permission.delete"; permissionId: string }
            | { kind: "ignored" }
          >;
          removals: Array<{
            clerkId: string;
            entity: "user" | "organization" | "membership" | "invitation";
            updatedAt: number;
          }>;
          runId: string;
          step: number;
        },
        boolean,
        Name
      >;
      get: FunctionReference<
        "query",
        "internal",
        { runId: string },
        {
          _creationTime: number;
          _id: string;
          attempts: number;
          clerkTotals: {
            invitations: number;
            memberships: number;
            organizations: number;
            users: number;
          };
          counts: {
            added: number;
            removed: number;
            unchanged: number;
            updated: number;
          };
          cursor?: string;
          done: number;
          error?: string;
          finishedAt?: number;
          heartbeatAt: number;
          offset: number;
          phase:
            | "users"
            | "organizations"
            | "memberships"
            | "invitations"
            | "sweepOrganizations"
            | "sweepUsers"
            | "sweepMemberships"
            | "sweepInvitations";
          requestedBy?: string;
          startedAt: number;
          status: "running" | "succeeded" | "failed";
          step: number;
          total: number;
          trigger: string;
        } | null,
        Name
      >;
      organizationsAfter: FunctionReference<
        "query",
        "internal",
        { after?: string; limit: number },
        Array<string>,
        Name
      >;
      recordFailure: FunctionReference<
        "mutation",
        "internal",
        {
          error: string;
          final: boolean;
          retryAfterMs?: number;
          runId: string;
          step: number;
        },
        number | null,
        Name
      >;
      start: FunctionReference<
        "mutation",
        "internal",
        { requestedBy?: string; trigger: string },
        | { runId: string; started: true }
        | {
            active: {
              counts: {
                added: number;
                removed: number;
                unchanged: number;
                updated: number;
              };
              done: number;
              durationMs?: number;
              error?: string;
              finishedAt?: number;
              phase:
                | "users"
                | "organizations"
                | "memberships"
                | "invitations"
                | "sweepOrganizations"
                | "sweepUsers"
                | "sweepMemberships"
                | "sweepInvitations";
              progress: number;
              requestedBy?: string;
              runId: string;
              startedAt: number;
              status: "running" | "succeeded" | "failed";
              total: number;
              trigger: string;
            };
            started: false;
          },
        Name
      >;
      status: FunctionReference<
        "query",
        "internal",
        {},
        {
          active: {
            counts: {
              added: number;
              removed: number;
              unchanged: number;
              updated: number;
            };
            done: number;
            durationMs?: number;
            error?: string;
            finishedAt?: number;
            phase:
              | "users"
              | "organizations"
              | "memberships"
              | "invitations"
              | "sweepOrganizations"
              | "sweepUsers"
              | "sweepMemberships"
              | "sweepInvitations";
            progress: number;
            requestedBy?: string;
            runId: string;
            startedAt: number;
            status: "running" | "succeeded" | "failed";
            total: number;
            trigger: string;
          } | null;
          last: {
            counts: {
              added: number;
              removed: number;
              unchanged: number;
              updated: number;
            };
            done: number;
            durationMs?: number;
            error?: string;
            finishedAt?: number;
            phase:
              | "users"
              | "organizations"
              | "memberships"
              | "invitations"
              | "sweepOrganizations"
              | "sweepUsers"
              | "sweepMemberships"
              | "sweepInvitations";
            progress: number;
            requestedBy?: string;
            runId: string;
            startedAt: number;
            status: "running" | "succeeded" | "failed";
            total: number;
            trigger: string;
          } | null;
        },
        Name
      >;
      sweepCandidates: FunctionReference<
        "query",
        "internal",
        {
          after?: string;
          entity: "user" | "organization" | "membership" | "invitation";
          limit: number;
          runId: string;
        },
        {
          candidates: Array<{
            clerkId: string;
            orgId?: string;
            updatedAt: number;
            userId?: string;
          }>;
          last: string | null;
          scanned: number;
        },
        Name
      >;
    };
    roles: {
      get: FunctionReference<
        "query",
        "internal",
        { key: string },
        {
          _creationTime: number;
          _id: string;
          clerkId: string;
          createdAt: number;
          description?: string;
          isCreatorEligible?: boolean;
          key: string;
          name: string;
          permissions: Array<{
            clerkId: string;
            createdAt: number;
            description?: string;
            key: string;
            name: string;
            type?: string;
            updatedAt: number;
          }>;
          permissionsAt: number;
          updatedAt: number;
        } | null,
        Name
      >;
      list: FunctionReference<
        "query",
        "internal",
        {},
        Array<{
          _creationTime: number;
          _id: string;
          clerkId: string;
          createdAt: number;
          description?: string;
          isCreatorEligible?: boolean;
          key: string;
          name: string;
          permissions: Array<{
            clerkId: string;
            createdAt: number;
            description?: string;
            key: string;
            name: string;
            type?: string;
            updatedAt: number;
          }>;
          permissionsAt: number;
          updatedAt: number;
        }>,
        Name
      >;
    };
    sessions: {
      get: FunctionReference<
        "query",
        "internal",
        { sessionId: string },
        {
          _creationTime: number;
          _id: string;
          actor?: any;
          actorId?: string;
          clerkId: string;
          createdAt: number;
          lastActiveOrgId?: string;
          status: string;
          updatedAt: number;
          userId: string;
        } | null,
        Name
      >;
    };
    users: {
      getByClerkId: FunctionReference<
        "query",
        "internal",
        { clerkId: string },
        {
          _creationTime: number;
          _id: string;
          banned: boolean;
          clerkId: string;
          createdAt: number;
          emailAddresses: Array<{
            email: string;
            id: string;
            verified: boolean;
          }>;
          externalId?: string;
          firstName?: string;
          hasImage: boolean;
          imageUrl?: string;
          lastActiveOrgId?: string;
          lastName?: string;
          lastSignInAt?: number;
          locked: boolean;
          phoneNumbers: Array<{
            id: string;
            phoneNumber: string;
            verified: boolean;
          }>;
          primaryEmail?: string;
          primaryPhoneNumber?: string;
          publicMetadata: any;
          stub: boolean;
          updatedAt: number;
          username?: string;
        } | null,
        Name
      >;
      getByEmail: FunctionReference<
        "query",
        "internal",
        { email: string },
        {
          _creationTime: number;
          _id: string;
          banned: boolean;
          clerkId: string;
          createdAt: number;
          emailAddresses: Array<{
            email: string;
            id: string;
            verified: boolean;
          }>;
          externalId?: string;
          firstName?: string;
          hasImage: boolean;
          imageUrl?: string;
          lastActiveOrgId?: string;
          lastName?: string;
          lastSignInAt?: number;
          locked: boolean;
          phoneNumbers: Array<{
            id: string;
            phoneNumber: string;
            verified: boolean;
          }>;
          primaryEmail?: string;
          primaryPhoneNumber?: string;
          publicMetadata: any;
          stub: boolean;
          updatedAt: number;
          username?: string;
        } | null,
        Name
      >;
    };
  };
