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
    ingest: {
      ingest: FunctionReference<
        "mutation",
        "internal",
        {
          callbacks?: {
            onMembershipChanged?: string;
            onOrganizationDeleted?: string;
            onUserDeleted?: string;
          };
          change:
            | {
                kind: "user.upsert";
                user: {
                  clerkId: string;
                  createdAt: number;
                  emails: Array<string>;
                  externalId?: string;
                  firstName?: string;
                  imageUrl?: string;
                  lastName?: string;
                  lastSignInAt?: number;
                  primaryEmail?: string;
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
                  updatedAt: number;
                  user: {
                    clerkId: string;
                    firstName?: string;
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
                  updatedAt: number;
                  user: {
                    clerkId: string;
                    firstName?: string;
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
                  orgId: string;
                  role: string;
                  status: "pending" | "accepted" | "revoked" | "expired";
                  updatedAt: number;
                  userId?: string;
                };
                kind: "invitation.upsert";
              }
            | {
                kind: "session.created";
                session: {
                  clerkId: string;
                  createdAt: number;
                  lastActiveOrgId?: string;
                  userId: string;
                };
              }
            | { kind: "ignored" };
          occurredAt: number;
          svixId: string;
          type: string;
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
          orgId: string;
          role: string;
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
          orgId: string;
          role: string;
          status: "pending" | "accepted" | "revoked" | "expired";
          updatedAt: number;
          userId?: string;
        }>,
        Name
      >;
    };
    maintenance: {
      pruneWebhookEvents: FunctionReference<
        "mutation",
        "internal",
        { before: number; limit: number },
        number,
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
          lastName?: string;
          orgId: string;
          permissions: Array<string>;
          role: string;
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
            lastName?: string;
            orgId: string;
            permissions: Array<string>;
            role: string;
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
          lastName?: string;
          orgId: string;
          permissions: Array<string>;
          role: string;
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
        }>,
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
          clerkId: string;
          createdAt: number;
          emails: Array<string>;
          externalId?: string;
          firstName?: string;
          imageUrl?: string;
          lastActiveOrgId?: string;
          lastName?: string;
          lastSignInAt?: number;
          primaryEmail?: string;
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
          clerkId: string;
          createdAt: number;
          emails: Array<string>;
          externalId?: string;
          firstName?: string;
          imageUrl?: string;
          lastActiveOrgId?: string;
          lastName?: string;
          lastSignInAt?: number;
          primaryEmail?: string;
          publicMetadata: any;
          stub: boolean;
          updatedAt: number;
          username?: string;
        } | null,
        Name
      >;
    };
  };
