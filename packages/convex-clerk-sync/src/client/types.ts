import type { GenericActionCtx, GenericDataModel, GenericMutationCtx } from "convex/server";

/** Queries, mutations and actions all have `runQuery`: any of their contexts will do. */
export type RunQueryCtx = Pick<GenericActionCtx<GenericDataModel>, "runQuery">;
/** Mutations and actions (and HTTP actions). */
export type RunMutationCtx = Pick<GenericActionCtx<GenericDataModel>, "runQuery" | "runMutation">;
/** Mutations and actions, when they also schedule. */
export type SchedulerCtx = RunMutationCtx & Pick<GenericMutationCtx<GenericDataModel>, "scheduler">;
