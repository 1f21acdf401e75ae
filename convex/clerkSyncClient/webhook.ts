import { httpActionGeneric } from "convex/server";
import { Webhook, WebhookVerificationError } from "svix";
import { parseClerkEvent, type ParsedEvent } from "./events";
import type { RunMutationCtx } from "./ingest";

const reply = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * The webhook endpoint: svix verification on the raw body, zod validation,
 * then one ingest mutation. 401 for a bad signature, 400 for an invalid
 * payload (nothing written in either case), 200 for applied, duplicate or
 * ignored events, 5xx on anything transient so Clerk retries.
 */
export function webhookHandler(
  getSecret: () => string | undefined,
  ingest: (ctx: RunMutationCtx, svixId: string, event: ParsedEvent) => Promise<{ outcome: string }>,
) {
  return httpActionGeneric(async (ctx, request) => {
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
    const { outcome } = await ingest(ctx, svixId!, parsed.event);
    console.log(`clerk webhook ${svixId}: ${parsed.event.type} ${outcome}`);
    return reply(200, { outcome });
  });
}
