/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type * as admin from "../admin.js";
import type * as assigned from "../assigned.js";
import type * as audit from "../audit.js";
import type * as bulk from "../bulk.js";
import type * as crons from "../crons.js";
import type * as departures from "../departures.js";
import type * as http from "../http.js";
import type * as lib_audit from "../lib/audit.js";
import type * as lib_claims from "../lib/claims.js";
import type * as lib_clerkApi from "../lib/clerkApi.js";
import type * as lib_clerkSync from "../lib/clerkSync.js";
import type * as lib_departures from "../lib/departures.js";
import type * as lib_errors from "../lib/errors.js";
import type * as lib_fields from "../lib/fields.js";
import type * as lib_ids from "../lib/ids.js";
import type * as lib_inputs from "../lib/inputs.js";
import type * as lib_order from "../lib/order.js";
import type * as lib_permissions from "../lib/permissions.js";
import type * as lib_purge from "../lib/purge.js";
import type * as lib_slug from "../lib/slug.js";
import type * as lib_tenant from "../lib/tenant.js";
import type * as lib_text from "../lib/text.js";
import type * as lib_todoFields from "../lib/todoFields.js";
import type * as lib_todoStats from "../lib/todoStats.js";
import type * as lib_todoStore from "../lib/todoStore.js";
import type * as lib_todoViews from "../lib/todoViews.js";
import type * as lib_trash from "../lib/trash.js";
import type * as lists from "../lists.js";
import type * as me from "../me.js";
import type * as members from "../members.js";
import type * as rateLimits from "../rateLimits.js";
import type * as search from "../search.js";
import type * as sync from "../sync.js";
import type * as syncHealth from "../syncHealth.js";
import type * as todos from "../todos.js";

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
import { anyApi, componentsGeneric } from "convex/server";

const fullApi: ApiFromModules<{
  admin: typeof admin;
  assigned: typeof assigned;
  audit: typeof audit;
  bulk: typeof bulk;
  crons: typeof crons;
  departures: typeof departures;
  http: typeof http;
  "lib/audit": typeof lib_audit;
  "lib/claims": typeof lib_claims;
  "lib/clerkApi": typeof lib_clerkApi;
  "lib/clerkSync": typeof lib_clerkSync;
  "lib/departures": typeof lib_departures;
  "lib/errors": typeof lib_errors;
  "lib/fields": typeof lib_fields;
  "lib/ids": typeof lib_ids;
  "lib/inputs": typeof lib_inputs;
  "lib/order": typeof lib_order;
  "lib/permissions": typeof lib_permissions;
  "lib/purge": typeof lib_purge;
  "lib/slug": typeof lib_slug;
  "lib/tenant": typeof lib_tenant;
  "lib/text": typeof lib_text;
  "lib/todoFields": typeof lib_todoFields;
  "lib/todoStats": typeof lib_todoStats;
  "lib/todoStore": typeof lib_todoStore;
  "lib/todoViews": typeof lib_todoViews;
  "lib/trash": typeof lib_trash;
  lists: typeof lists;
  me: typeof me;
  members: typeof members;
  rateLimits: typeof rateLimits;
  search: typeof search;
  sync: typeof sync;
  syncHealth: typeof syncHealth;
  todos: typeof todos;
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

export const components = componentsGeneric() as unknown as {
  clerkSync: import("convex-clerk-sync/_generated/component.js").ComponentApi<"clerkSync">;
  rateLimiter: import("@convex-dev/rate-limiter/_generated/component.js").ComponentApi<"rateLimiter">;
  todoStats: import("@convex-dev/aggregate/_generated/component.js").ComponentApi<"todoStats">;
};
