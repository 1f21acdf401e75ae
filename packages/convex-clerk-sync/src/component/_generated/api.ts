/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type * as cascade from "../cascade.js";
import type * as health from "../health.js";
import type * as ingest from "../ingest.js";
import type * as invitations from "../invitations.js";
import type * as lib_apply from "../lib/apply.js";
import type * as lib_cascade from "../lib/cascade.js";
import type * as lib_display from "../lib/display.js";
import type * as lib_invitations from "../lib/invitations.js";
import type * as lib_memberships from "../lib/memberships.js";
import type * as lib_organizations from "../lib/organizations.js";
import type * as lib_reconcileApply from "../lib/reconcileApply.js";
import type * as lib_reconcileState from "../lib/reconcileState.js";
import type * as lib_roles from "../lib/roles.js";
import type * as lib_sessions from "../lib/sessions.js";
import type * as lib_tombstones from "../lib/tombstones.js";
import type * as lib_users from "../lib/users.js";
import type * as maintenance from "../maintenance.js";
import type * as memberships from "../memberships.js";
import type * as organizations from "../organizations.js";
import type * as reconcile from "../reconcile.js";
import type * as roles from "../roles.js";
import type * as sessions from "../sessions.js";
import type * as users from "../users.js";
import type * as validators from "../validators.js";

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
import { anyApi, componentsGeneric } from "convex/server";

const fullApi: ApiFromModules<{
  cascade: typeof cascade;
  health: typeof health;
  ingest: typeof ingest;
  invitations: typeof invitations;
  "lib/apply": typeof lib_apply;
  "lib/cascade": typeof lib_cascade;
  "lib/display": typeof lib_display;
  "lib/invitations": typeof lib_invitations;
  "lib/memberships": typeof lib_memberships;
  "lib/organizations": typeof lib_organizations;
  "lib/reconcileApply": typeof lib_reconcileApply;
  "lib/reconcileState": typeof lib_reconcileState;
  "lib/roles": typeof lib_roles;
  "lib/sessions": typeof lib_sessions;
  "lib/tombstones": typeof lib_tombstones;
  "lib/users": typeof lib_users;
  maintenance: typeof maintenance;
  memberships: typeof memberships;
  organizations: typeof organizations;
  reconcile: typeof reconcile;
  roles: typeof roles;
  sessions: typeof sessions;
  users: typeof users;
  validators: typeof validators;
}> = anyApi as any;

/**
 * A utility for referencing Convex functions in your app's public API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
export const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
> = anyApi as any;

/**
 * A utility for referencing Convex functions in your app's internal API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = internal.myModule.myFunction;
 * ```
 */
export const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
> = anyApi as any;

export const components = componentsGeneric() as unknown as {};
