/**
 * The app's rate limits on the local stack, as `npm run dev` runs them: the
 * real admin action, the rate limiter component from npm inside the local
 * backend, the provider's Backend API, and the refusal reaching the real
 * client as a typed ConvexError.
 */
import { ConvexHttpClient } from "convex/browser";
import { ConvexError } from "convex/values";
import { afterAll, beforeAll, expect, test } from "vitest";
import { api } from "../convex/_generated/api";
import type { AppErrorData } from "../convex/lib/errors";
import { LIMITS } from "../convex/rateLimits";
import { startLocalStack } from "./stack";

let stack: Awaited<ReturnType<typeof startLocalStack>>;

beforeAll(async () => {
  stack = await startLocalStack();
}, 60_000);

afterAll(async () => {
  await stack?.close();
});

test("creating organizations past the limit is refused over the wire with RATE_LIMITED, and nothing is created", async () => {
  const user = await stack.clerk.users.createUser({ firstName: "Rate", lastName: "Limited", emailAddress: ["rate@limits.test"] });
  await stack.drained();
  const { jwt } = await stack.testing<{ jwt: string }>("sessions", { user_id: user.id });
  const client = new ConvexHttpClient(stack.backend.url);
  client.setAuth(jwt);

  for (let i = 0; i < LIMITS.createOrgByUser.capacity; i++) {
    await client.action(api.admin.createOrganization, { name: `Limited ${i}` });
  }
  const orgs = async () => (await stack.clerk.users.getOrganizationMembershipList({ userId: user.id })).totalCount;
  expect(await orgs()).toBe(LIMITS.createOrgByUser.capacity);

  const refused = await client.action(api.admin.createOrganization, { name: "One too many" }).then(
    () => null,
    (error: unknown) => error,
  );
  expect(refused).toBeInstanceOf(ConvexError);
  const data = (refused as ConvexError<AppErrorData>).data;
  expect(data).toMatchObject({ code: "RATE_LIMITED", message: expect.stringMatching(/^You have created too many organizations\. Try again in /) });
  expect(data.retryAfter).toBeGreaterThan(0);
  expect(await orgs()).toBe(LIMITS.createOrgByUser.capacity);
}, 60_000);
