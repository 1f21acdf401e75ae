import {
  createFunctionHandle,
  httpActionGeneric,
  type DefaultFunctionArgs,
  type FunctionReference,
  type GenericActionCtx,
  type GenericDataModel,
} from "convex/server";
import { Webhook, WebhookVerificationError } from "svix";
import type { ComponentApi } from "../clerkSync/_generated/component";
import type { Callbacks } from "../clerkSync/validators";
import { parseClerkEvent } from "./events";

type Mutation<Args extends DefaultFunctionArgs> = FunctionReference<"mutation", "internal", Args>;

/** App mutations called in the ingest transaction when these changes apply. */
export type ClerkSyncCallbacks = {
  onUserDeleted?: Mutation<{ userId: string }>;
  onOrganizationDeleted?: Mutation<{ orgId: string }>;
  onMembershipChanged?: Mutation<{
    orgId: string;
    userId: string;
    role: string | null;
    previousRole: string | null;
  }>;
};

const reply = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * The webhook endpoint: svix verification on the raw body, zod validation,
 * then one ingest mutation. 401 for a bad signature, 400 for an invalid
 * payload (nothing written in either case), 200 for applied, duplicate or
 * ignored events, 5xx on anything transient so Clerk retries.
 */
export function webhookHandler(
  component: ComponentApi,
  getSecret: () => string | undefined,
  callbacks: ClerkSyncCallbacks,
) {
  return httpActionGeneric(async (ctx: GenericActionCtx<GenericDataModel>, request) => {
    const secret = getSecret();
    if (!secret) {
      console.error("clerk webhook: CLERK_WEBHOOK_SECRET is not set on this deployment");
      return reply(500, { error: "webhook secret not configured" });
    }
    const body = await request.text();
    const svixId = request.headers.get("svix-id");
    let json: unknown;
    try {
      json = new Webhook(secret).verify(body, {
        "svix-id": svixId ?? "",
        "svix-timestamp": request.headers.get("svix-timestamp") ?? "",
        "svix-signature": request.headers.get("svix-signature") ?? "",
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        return reply(401, { error: "invalid signature" });
      }
      return reply(400, { error: "body is not valid JSON" });
    }
    const parsed = parseClerkEvent(json, Date.now());
    if (!parsed.ok) {
      console.warn(`clerk webhook ${svixId}: rejected, ${parsed.error}`);
      return reply(400, { error: parsed.error });
    }
    const { type, occurredAt, change } = parsed.event;
    const { outcome } = await ctx.runMutation(component.ingest.ingest, {
      svixId: svixId!,
      type,
      occurredAt,
      change,
      callbacks: await toHandles(callbacks),
    });
    console.log(`clerk webhook ${svixId}: ${type} ${outcome}`);
    return reply(200, { outcome });
  });
}

async function toHandles(callbacks: ClerkSyncCallbacks): Promise<Callbacks> {
  const handles: Callbacks = {};
  for (const [name, ref] of Object.entries(callbacks) as [keyof Callbacks, Mutation<never>][]) {
    if (ref) handles[name] = await createFunctionHandle(ref);
  }
  return handles;
}
