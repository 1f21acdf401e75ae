import { ClerkAPIResponseError } from "@clerk/backend/errors";
import { ConvexError } from "convex/values";
import { expect, test } from "vitest";
import { callClerk } from "./clerkApi";

const clerkError = (status: number, retryAfter?: number) =>
  new ClerkAPIResponseError("refused", {
    data: [{ code: "x", message: "Refused.", long_message: "That email address is already invited." }],
    status,
    retryAfter,
  });

async function dataOf(promise: Promise<unknown>) {
  const error = await promise.catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ConvexError);
  return (error as ConvexError<Record<string, string | number>>).data;
}

test("Clerk's 4xx becomes INVALID_ARGUMENT in Clerk's words", async () => {
  expect(await dataOf(callClerk(() => Promise.reject(clerkError(422))))).toEqual({
    code: "INVALID_ARGUMENT",
    message: "That email address is already invited.",
  });
});

test("Clerk's 429 becomes RATE_LIMITED with its Retry-After", async () => {
  expect(await dataOf(callClerk(() => Promise.reject(clerkError(429, 30))))).toMatchObject({ code: "RATE_LIMITED", retryAfter: 30_000 });
});

test("anything else fails as it is", async () => {
  const error = clerkError(503);
  await expect(callClerk(() => Promise.reject(error))).rejects.toBe(error);
});
