/**
 * Clerk-shaped webhook events and their delivery: an outbox persisted in the
 * data file, svix-signed POSTs (signed afresh at each attempt, as svix does),
 * retries with exponential backoff on a non-2xx answer or a network error,
 * and a chaos switch that injects what Clerk really does now and then:
 * duplicate deliveries (same svix-id), reordering and delay.
 */
import { Webhook } from "svix";
import { newId } from "./ids";
import type { Delivery, Store } from "./store";

export type RetryPolicy = {
  /** Attempts before giving up on a message (it then moves to `failed_deliveries`). */
  attempts: number;
  /** Delay after the first failure; doubles with each further failure, capped at `maxMs`. */
  baseMs: number;
  maxMs: number;
  /** Per-attempt request timeout. */
  timeoutMs: number;
};

export type Chaos = {
  /** Probability (0–1) that a delivered message is delivered again later, with the same svix-id. */
  duplicates: number;
  /** Send due messages in random order. */
  reorder: boolean;
  /** Each message (and duplicate) waits a random 0–delayMs before its first attempt. */
  delayMs: number;
};

export type Logger = Pick<Console, "info" | "warn" | "error">;

export const DEFAULT_RETRY: RetryPolicy = { attempts: 10, baseMs: 500, maxMs: 60_000, timeoutMs: 10_000 };
export const DEFAULT_CHAOS: Chaos = { duplicates: 0.3, reorder: true, delayMs: 2_000 };

/** Every event type this provider emits (the ones the sync component subscribes to). */
export type EventType =
  | "user.created"
  | "user.updated"
  | "user.deleted"
  | "organization.created"
  | "organization.updated"
  | "organization.deleted"
  | "organizationMembership.created"
  | "organizationMembership.updated"
  | "organizationMembership.deleted"
  | "organizationInvitation.created"
  | "organizationInvitation.accepted"
  | "organizationInvitation.revoked"
  | "session.created";

/** Clerk's event envelope. */
export function clerkEvent(instanceId: string, type: EventType, data: object, timestamp: number) {
  return {
    data,
    event_attributes: { http_request: { client_ip: "127.0.0.1", user_agent: "clerk-emulator" } },
    instance_id: instanceId,
    object: "event",
    timestamp,
    type,
  };
}

export type WebhooksOptions = {
  /** Where to POST; without it messages wait in the outbox until a later start has one. */
  url?: string;
  secret: string;
  retry: RetryPolicy;
  chaos?: Chaos;
  logger: Logger;
};

export class Webhooks {
  private readonly signer: Webhook;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private closed = false;
  private readonly inFlight = new AbortController();
  private muted = false;

  constructor(
    private readonly store: Store,
    private readonly options: WebhooksOptions,
  ) {
    this.signer = new Webhook(options.secret);
  }

  /** Runs `fn` emitting no events at all: what it changes reaches receivers only by reconciliation. */
  muffled<T>(fn: () => T): T {
    this.muted = true;
    try {
      return fn();
    } finally {
      this.muted = false;
    }
  }

  /** Adds an event to the outbox. The caller's `store.save()` persists it with the change, then `kick()` sends it. */
  enqueue(type: EventType, data: object): void {
    if (this.muted) return;
    const now = this.store.now();
    const body = JSON.stringify(clerkEvent(this.store.state.instance_id, type, data, now));
    this.store.state.deliveries.push({
      svix_id: newId("msg"),
      type,
      body,
      attempts: 0,
      next_attempt_at: Date.now() + this.chaosDelay(),
      created_at: now,
    });
  }

  /** Sends what is due now and schedules the rest. */
  kick(): void {
    if (this.closed) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain().finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.kick();
      } else this.scheduleNext();
    });
  }

  /** Stops sending; undelivered messages stay in the data file for the next start. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.inFlight.abort();
    await this.running;
  }

  private async drain(): Promise<void> {
    if (!this.options.url) return;
    for (;;) {
      const now = Date.now();
      const due = this.store.state.deliveries.filter((d) => d.next_attempt_at <= now);
      if (due.length === 0 || this.closed) return;
      if (this.options.chaos?.reorder) shuffle(due);
      for (const delivery of due) {
        if (this.closed) return;
        await this.attempt(delivery, this.options.url);
      }
    }
  }

  private scheduleNext(): void {
    if (this.closed || !this.options.url) return;
    const pending = this.store.state.deliveries;
    if (pending.length === 0) return;
    const next = Math.min(...pending.map((d) => d.next_attempt_at));
    this.timer = setTimeout(() => this.kick(), Math.max(0, next - Date.now()));
  }

  private async attempt(delivery: Delivery, url: string): Promise<void> {
    const error = await this.post(delivery, url);
    if (this.closed && error) return; // aborted by close(): not a real failure
    const state = this.store.state;
    delivery.attempts++;
    if (!error) {
      remove(state.deliveries, delivery);
      state.delivered_count++;
      const chaos = this.options.chaos;
      if (chaos && !delivery.duplicate && Math.random() < chaos.duplicates) {
        state.deliveries.push({ ...delivery, attempts: 0, duplicate: true, next_attempt_at: Date.now() + this.chaosDelay() });
      }
    } else if (delivery.attempts >= this.options.retry.attempts) {
      remove(state.deliveries, delivery);
      state.failed_deliveries = [...state.failed_deliveries, { ...delivery, last_error: error }].slice(-100);
      this.options.logger.error(`clerk emulator: gave up on ${delivery.type} ${delivery.svix_id} after ${delivery.attempts} attempts: ${error}`);
    } else {
      const { baseMs, maxMs } = this.options.retry;
      delivery.next_attempt_at = Date.now() + Math.min(maxMs, baseMs * 2 ** (delivery.attempts - 1));
      delivery.last_error = error;
      this.options.logger.warn(`clerk emulator: ${delivery.type} ${delivery.svix_id} attempt ${delivery.attempts} failed (${error}), retrying`);
    }
    this.store.save();
  }

  /** One signed POST; returns an error message, or undefined on a 2xx. */
  private async post(delivery: Delivery, url: string): Promise<string | undefined> {
    const at = new Date();
    try {
      const res = await fetch(url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "user-agent": "Svix-Webhooks/clerk-emulator",
          "svix-id": delivery.svix_id,
          "svix-timestamp": String(Math.floor(at.getTime() / 1000)),
          "svix-signature": this.signer.sign(delivery.svix_id, at, delivery.body),
        },
        body: delivery.body,
        signal: AbortSignal.any([this.inFlight.signal, AbortSignal.timeout(this.options.retry.timeoutMs)]),
      });
      const text = await res.text();
      return res.ok ? undefined : `HTTP ${res.status} ${text.slice(0, 200)}`;
    } catch (error) {
      return error instanceof Error ? (error.cause instanceof Error ? error.cause.message : error.message) : String(error);
    }
  }

  private chaosDelay(): number {
    const chaos = this.options.chaos;
    return chaos ? Math.floor(Math.random() * chaos.delayMs) : 0;
  }
}

function remove<T>(list: T[], item: T): void {
  const index = list.indexOf(item);
  if (index >= 0) list.splice(index, 1);
}

function shuffle<T>(list: T[]): void {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
}
