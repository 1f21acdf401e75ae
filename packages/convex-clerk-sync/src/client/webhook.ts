import { httpActionGeneric } from "convex/server";
import { Webhook, WebhookVerificationError } from "svix";
import type { Rejection } from "../component/validators.js";
import { parseClerkEvent, type ParsedEvent } from "./payloads.js";
import type { RunMutationCtx } from "./types.js";

const reply = (status: number, body: Record<string, unknown>) =>
  new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json" } });

/**
 * The largest webhook body accepted, in bytes. Clerk's payloads are a few KB
 * (one user, organization, membership, invitation or session); 1 MiB leaves
 * ample room while refusing to buffer, verify or parse anything abusive.
 */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;

/**
 * Reads the body as UTF-8 text, or returns null as soon as it exceeds
 * `limit` bytes (a declared Content-Length is checked before reading; the
 * stream is then counted as it arrives, since the header may be absent or
 * wrong).
 */
async function readBodyWithin(request: Request, limit: number): Promise<string | null> {
  const declared = request.headers.get("content-length");
  if (declared !== null && Number(declared) > limit) return null;
  if (!request.body) return "";
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => {});
      return null;
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

/**
 * The webhook endpoint: svix verification on the raw body, zod validation,
 * then one ingest mutation. 401 for a bad signature, 400 for an invalid
 * payload (no synced data written; the refusal is counted), 413 for a body over
 * MAX_WEBHOOK_BODY_BYTES (refused before verifying or parsing), 403 for an
 * event of another Clerk instance than `instanceId` (when set), 200 for
 * applied, duplicate or ignored events, 5xx on anything transient so Clerk
 * retries. Logs carry only the svix id, event type, outcome and zod's issue
 * messages and paths (which never include the offending values): no secret,
 * no payload field.
 */
export function webhookHandler(options: {
  secret: () => string | undefined;
  /** The only Clerk instance whose events are accepted; unset: any. */
  instanceId: () => string | undefined;
  ingest: (ctx: RunMutationCtx, svixId: string, event: ParsedEvent) => Promise<{ outcome: string }>;
  /** Counts a refused delivery (sync health); nothing else is written. */
  reject: (ctx: RunMutationCtx, reason: Rejection) => Promise<unknown>;
}) {
  const { ingest, reject } = options;
  // Counting a refusal must never change the answer (a 500 would make Clerk retry a delivery it should drop).
  const refuse = async (ctx: RunMutationCtx, reason: Rejection) => {
    try {
      await reject(ctx, reason);
    } catch (error) {
      console.error(`clerk webhook: could not count a refused delivery (${reason}): ${String(error)}`);
    }
  };
  return httpActionGeneric(async (ctx, request) => {
    const secret = options.secret();
    if (!secret) {
      console.error("clerk webhook: CLERK_WEBHOOK_SECRET is not set on this deployment");
      return reply(500, { error: "webhook secret not configured" });
    }
    const svixId = request.headers.get("svix-id");
    const body = await readBodyWithin(request, MAX_WEBHOOK_BODY_BYTES);
    if (body === null) {
      console.warn(`clerk webhook ${svixId}: rejected, body over ${MAX_WEBHOOK_BODY_BYTES} bytes`);
      await refuse(ctx, "size");
      return reply(413, { error: "payload too large" });
    }
    let json: unknown;
    try {
      json = new Webhook(secret).verify(body, {
        "svix-id": svixId ?? "",
        "svix-timestamp": request.headers.get("svix-timestamp") ?? "",
        "svix-signature": request.headers.get("svix-signature") ?? "",
      });
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        await refuse(ctx, "signature");
        return reply(401, { error: "invalid signature" });
      }
      await refuse(ctx, "payload");
      return reply(400, { error: "body is not valid JSON" });
    }
    const parsed = parseClerkEvent(json, Date.now());
    if (!parsed.ok) {
      console.warn(`clerk webhook ${svixId}: rejected, ${parsed.error}`);
      await refuse(ctx, "payload");
      return reply(400, { error: parsed.error });
    }
    const expected = options.instanceId();
    if (expected && parsed.event.instanceId !== expected) {
      // A development instance's endpoint pointed at production (or the reverse): refuse, so its dashboard shows it failing.
      console.warn(`clerk webhook ${svixId}: rejected, ${parsed.event.type} of another Clerk instance (${parsed.event.instanceId ?? "none"})`);
      await refuse(ctx, "instance");
      return reply(403, { error: "event of another Clerk instance" });
    }
    const { outcome } = await ingest(ctx, svixId!, parsed.event);
    console.log(`clerk webhook ${svixId}: ${parsed.event.type} ${outcome}`);
    return reply(200, { outcome });
  });
}
