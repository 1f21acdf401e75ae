/**
 * The WebSocket sync protocol (`/api/<version>/sync`): one Session per
 * connection with its query set, identity and state version
 * `{ querySet, identity, ts }`, and the SyncHub that re-runs subscriptions
 * after commits.
 *
 * Versions: every Transition starts at exactly the version the client holds
 * (the last one sent) — a query-set change raises `querySet`, an accepted
 * Authenticate raises `identity` (the client only confirms auth on that), a
 * commit raises `ts`. A mutation's response carries the ts of the commit
 * round that will include its writes; the client resolves the mutation when
 * a Transition reaches that ts, so the round sends one to that session even
 * when none of its queries changed.
 *
 * Commit rounds: a commit adds the documents it wrote (each with its old
 * and new version) to the next round, and asks for one. A round (from the
 * root async context, see rootContext.ts) hands its writes to every session
 * and waits for none: each session re-runs, on its own queue, only the
 * queries whose last run read a range, document or table a write falls in
 * (readSet.ts), so a slow session delays nobody else. Rounds that reach a
 * session while it is busy are taken together, in order, once it is free.
 * The session whose mutation wrote goes last (for up to AUTHOR_YIELD_MS):
 * its client already shows the change optimistically, while the others
 * wait to see it, and one process runs every session's queries in turn.
 * A query re-run waits behind any running mutation (convex-test's
 * transaction lock), so it sees committed data only.
 *
 * Each session handles its messages in order on one queue (so a mutation
 * runs with the identity of every Authenticate sent before it); mutations
 * then execute in order on their own chain, actions concurrently.
 *
 * Expiry, as Convex does it: once the session's token has expired nothing
 * runs as it — no query result, no subscription update, no mutation or
 * action — and the client gets one `AuthError` (authUpdateAttempted: false),
 * on which the real client fetches a fresh token and authenticates again
 * (or, when it cannot — a revoked session — drops to signed out). Work that
 * arrived meanwhile waits and runs, in order, as the new identity.
 *
 * Re-sent mutations (a client reconnecting re-sends the ones it has no
 * answer for) are answered from memory, keyed by the caller's identity and
 * the client's session and request ids: another identity reusing the ids
 * gets its own run, never someone else's result.
 */
import { AsyncLocalStorage } from "node:async_hooks";
import type { IncomingMessage } from "node:http";
import { clearInterval, setInterval } from "node:timers";
import { setTimeout as delay } from "node:timers/promises";
import { convexToJson, type JSONValue, type Value } from "convex/values";
import type { WebSocket } from "ws";
import { AuthError as TokenError, type VerifiedToken } from "./auth";
import type { Deployment } from "./deployment";
import { wireError } from "./errors";
import { errorMessage, type Logger } from "./log";
import {
  encodeServerMessage,
  parseClientMessage,
  singleArg,
  type ClientMessage,
  type ServerMessage,
  type StateModification,
  type StateVersion,
} from "./protocol";
import { inRoot, rootImmediate } from "./rootContext";
import type { Caller } from "./runtime";
import { CommitWrites, ReadSet, type DocumentWrite } from "./readSet";
import { parseJournal, QueryTracker, type Journal } from "./tracking";

const PING_INTERVAL_MS = 15_000;
/** Completed mutations remembered per client session, for clients that re-send them after reconnecting. */
const REMEMBERED_MUTATIONS = 200;
const REMEMBERED_SESSIONS = 500;
/** How long a mutation's own session lets the others re-run their queries first. */
const AUTHOR_YIELD_MS = 50;
/** The session whose mutation is running (its commit names it the round's author). */
const authoring = new AsyncLocalStorage<Session>();

type Message<T extends ClientMessage["type"]> = Extract<ClientMessage, { type: T }>;
type MutationSuccess = Extract<ServerMessage, { type: "MutationResponse"; success: true }>;

/**
 * What a commit round asks of a session: re-run what the writes touched (or
 * everything, after new code), reach `ts`. `authors`: the sessions whose
 * mutations wrote.
 */
type Round = { ts: bigint; writes: CommitWrites; everything: boolean; authors: Set<Session> };

export class SyncHub {
  private readonly sessions = new Set<Session>();
  private lastTs = 0n;
  /** The round being gathered: its ts is promised to mutations before it starts. */
  private next: Round | null = null;
  /** Mutation responses by identity + client session id (dedupeKey), then request id. */
  readonly completed = new Map<string, Map<number, Extract<ServerMessage, { type: "MutationResponse" }>>>();

  constructor(
    readonly deployment: Deployment,
    readonly logger: Logger,
  ) {}

  get currentTs(): bigint {
    return this.lastTs;
  }

  /** Nanoseconds since the epoch, strictly increasing (so they also grow across restarts). */
  private allocateTs(): bigint {
    const now = BigInt(Date.now()) * 1_000_000n;
    this.lastTs = now > this.lastTs ? now : this.lastTs + 1n;
    return this.lastTs;
  }

  /** A commit's written documents go to the next round (with the session whose mutation wrote them). */
  commit(writes: DocumentWrite[]): void {
    const round = this.round();
    round.writes.add(writes);
    const author = authoring.getStore();
    if (author) round.authors.add(author);
  }

  /** New code: every query of every session runs again. */
  invalidateAll(): void {
    this.round().everything = true;
  }

  /** The ts of the next commit round, which starts after every commit made so far. */
  requestRound(): bigint {
    return this.round().ts;
  }

  private round(): Round {
    if (!this.next) {
      const round: Round = (this.next = { ts: this.allocateTs(), writes: new CommitWrites(), everything: false, authors: new Set() });
      rootImmediate(() => {
        this.next = null;
        const others = [...this.sessions].filter((session) => !round.authors.has(session));
        const othersDone = Promise.allSettled(others.map((session) => session.refresh(round)));
        const yieldTo = Promise.race([othersDone, delay(AUTHOR_YIELD_MS)]);
        for (const author of round.authors) if (this.sessions.has(author)) author.refresh(round, yieldTo);
      });
    }
    return this.next;
  }

  accept(socket: WebSocket, request: IncomingMessage): void {
    const session = inRoot(() => new Session(this, socket, request));
    this.sessions.add(session);
    socket.on("close", () => {
      this.sessions.delete(session);
      session.close();
    });
  }

  remember(key: string, response: Extract<ServerMessage, { type: "MutationResponse" }>): void {
    let byRequest = this.completed.get(key);
    if (!byRequest) {
      if (this.completed.size >= REMEMBERED_SESSIONS) this.completed.delete(this.completed.keys().next().value!);
      this.completed.set(key, (byRequest = new Map()));
    }
    byRequest.set(response.requestId, response);
    if (byRequest.size > REMEMBERED_MUTATIONS) byRequest.delete(byRequest.keys().next().value!);
  }

  close(): void {
    for (const session of this.sessions) session.terminate();
  }
}

type Query = {
  id: number;
  udfPath: string;
  args: JSONValue;
  journal: Journal | null;
  reads: ReadSet;
  /** Comparable form of the last result sent, to skip unchanged re-runs. */
  last: string | null;
};

type Auth = VerifiedToken & { token: string };

/** Whose re-sent mutations these are: the identity (Convex's tokenIdentifier) and the client's session id. */
const dedupeKey = (caller: Caller, clientSessionId: string) => `${caller.identity?.tokenIdentifier ?? "(anonymous)"}\n${clientSessionId}`;

class Session {
  private version: StateVersion = { querySet: 0, identity: 0, ts: 0n };
  private auth: Auth | null = null;
  private readonly queries = new Map<number, Query>();
  /** Commit rounds waiting for this session's queue. */
  private readonly rounds: Round[] = [];
  private queue: Promise<void> = Promise.resolve();
  private mutations: Promise<void> = Promise.resolve();
  /** Highest ts promised in a MutationResponse: a Transition must reach it. */
  private awaitedTs = 0n;
  private clientSessionId: string | null = null;
  private clockSkew: number | undefined;
  /** Work that arrived after the token expired, run in order once the client re-authenticates. */
  private deferred: (() => Promise<void> | void)[] = [];
  private expiryReportedFor = -1;
  private closed = false;
  private readonly ping: NodeJS.Timeout;
  private readonly ip: string | null;
  private readonly userAgent: string | null;

  constructor(
    private readonly hub: SyncHub,
    private readonly socket: WebSocket,
    request: IncomingMessage,
  ) {
    this.ip = request.socket.remoteAddress ?? null;
    this.userAgent = request.headers["user-agent"] ?? null;
    this.ping = setInterval(() => this.send({ type: "Ping" }), PING_INTERVAL_MS);
    socket.on("message", (data: Buffer | ArrayBuffer | Buffer[]) => this.onMessage(frameText(data)));
  }

  close() {
    this.closed = true;
    this.deferred = [];
    clearInterval(this.ping);
  }

  terminate() {
    this.socket.terminate();
  }

  private send(message: ServerMessage) {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    this.socket.send(encodeServerMessage(message));
  }

  private fatal(error: string) {
    this.hub.logger({ level: "warn", msg: "sync protocol error", error });
    this.send({ type: "FatalError", error });
    this.socket.close(1011, error.slice(0, 120));
  }

  private enqueue(task: () => Promise<void> | void): Promise<void> {
    this.queue = this.queue.then(task).catch((error: unknown) => {
      this.hub.logger({ level: "error", msg: "sync session task failed", error: errorMessage(error) });
    });
    return this.queue;
  }

  private caller(): Caller {
    return { identity: this.auth?.identity ?? null, token: this.auth?.token ?? null, ip: this.ip, userAgent: this.userAgent };
  }

  private onMessage(raw: string) {
    let message: ClientMessage;
    try {
      message = parseClientMessage(raw);
    } catch (error) {
      this.fatal(`Invalid message: ${errorMessage(error)}`);
      return;
    }
    switch (message.type) {
      case "Connect":
        this.clientSessionId = message.sessionId;
        if (typeof message.clientTs === "number") this.clockSkew = message.clientTs - Date.now();
        return;
      case "ModifyQuerySet":
        void this.enqueue(() => this.modifyQuerySet(message));
        return;
      case "Authenticate":
        void this.enqueue(() => this.authenticate(message));
        return;
      case "Mutation":
        void this.enqueue(() => this.startMutation(message));
        return;
      case "Action":
        void this.enqueue(() => this.startAction(message));
        return;
      case "Event":
        return;
    }
  }

  private transition(modifications: StateModification[], endVersion: StateVersion) {
    this.send({
      type: "Transition",
      startVersion: this.version,
      endVersion,
      modifications,
      ...(this.clockSkew === undefined ? {} : { clientClockSkew: this.clockSkew }),
      serverTs: Number(this.hub.currentTs),
    });
    this.version = endVersion;
  }

  private async modifyQuerySet(message: Message<"ModifyQuerySet">) {
    if (this.holdIfExpired(() => this.modifyQuerySet(message))) return;
    if (message.baseVersion !== this.version.querySet) {
      this.fatal(`Base version ${message.baseVersion} passed up doesn't match the current version ${this.version.querySet}`);
      return;
    }
    const modifications: StateModification[] = [];
    for (const change of message.modifications) {
      if (change.type === "Remove") {
        this.queries.delete(change.queryId);
        modifications.push({ type: "QueryRemoved", queryId: change.queryId });
        continue;
      }
      let args: JSONValue;
      try {
        args = singleArg(change.args);
      } catch (error) {
        modifications.push({ type: "QueryFailed", queryId: change.queryId, errorMessage: errorMessage(error), logLines: [], journal: null });
        continue;
      }
      const query: Query = { id: change.queryId, udfPath: change.udfPath, args, journal: parseJournal(change.journal), reads: new ReadSet(), last: null };
      // Components' functions are not callable by clients: answer like a missing function.
      if (change.componentPath) query.udfPath = `${change.componentPath}/${change.udfPath}`;
      this.queries.set(query.id, query);
      modifications.push((await this.runQuery(query))!);
    }
    this.transition(modifications, { ...this.version, querySet: message.newVersion });
  }

  /** Runs a subscribed query; the modification to send, or null when its result did not change. */
  private async runQuery(query: Query): Promise<StateModification | null> {
    const tracker = new QueryTracker(query.journal);
    const logLines: string[] = [];
    let modification: StateModification;
    let comparable: string;
    try {
      const { value } = await this.hub.deployment.call("query", query.udfPath, query.args, this.caller(), "subscription", { tracker, logLines });
      const json = convexToJson(value as Value);
      modification = { type: "QueryUpdated", queryId: query.id, value: json, logLines, journal: tracker.journal() };
      comparable = JSON.stringify(["ok", json, modification.journal]);
    } catch (error) {
      const wire = wireError(error);
      modification = {
        type: "QueryFailed",
        queryId: query.id,
        errorMessage: wire.message,
        logLines,
        journal: tracker.journal() ?? (query.journal ? JSON.stringify(query.journal) : null),
        ...(wire.data === undefined ? {} : { errorData: wire.data }),
      };
      // Without the request id, which differs on every run.
      comparable = JSON.stringify(["error", wire.message.replace(/^\[Request ID: \w+\] /, ""), wire.data ?? null]);
    }
    query.reads = tracker.reads;
    if (Object.keys(tracker.journalOut).length > 0) query.journal = tracker.journalOut;
    if (comparable === query.last) return null;
    query.last = comparable;
    return modification;
  }

  /**
   * A commit round for this session, queued behind what it is doing, and
   * after `yieldTo` settles; rounds that arrive before it gets to them are
   * handled as one (the latest ts). Settles once the session has handled it.
   */
  refresh(round: Round, yieldTo?: Promise<unknown>): Promise<void> {
    const queued = this.rounds.length > 0;
    this.rounds.push(round);
    if (!queued) {
      void this.enqueue(async () => {
        await yieldTo;
        await this.applyRounds();
      });
    }
    return this.queue;
  }

  private async applyRounds() {
    const rounds = this.rounds.splice(0);
    if (this.closed) return;
    // Expired: no update until the client authenticates again (which re-runs every query).
    if (this.expired()) {
      this.reportExpiry();
      return;
    }
    const everything = rounds.some((round) => round.everything);
    const ts = rounds[rounds.length - 1]!.ts;
    const modifications: StateModification[] = [];
    for (const query of this.queries.values()) {
      if (!everything && !rounds.some((round) => query.reads.touchedBy(round.writes))) continue;
      const modification = await this.runQuery(query);
      if (modification) modifications.push(modification);
    }
    const owesTs = this.awaitedTs > this.version.ts && ts >= this.awaitedTs;
    if (modifications.length === 0 && !owesTs) return;
    this.transition(modifications, { ...this.version, ts: ts > this.version.ts ? ts : this.version.ts });
  }

  private async authenticate(message: Message<"Authenticate">) {
    if (message.tokenType === "Admin") {
      this.send({ type: "AuthError", error: "The local backend does not accept admin keys.", baseVersion: message.baseVersion, authUpdateAttempted: true });
      return;
    }
    if (message.tokenType === "None") {
      this.auth = null;
    } else {
      try {
        this.auth = { ...(await this.hub.deployment.verify(message.value)), token: message.value };
      } catch (error) {
        const reason = error instanceof TokenError ? error.message : `Could not verify the token: ${errorMessage(error)}`;
        this.hub.logger({ level: "warn", msg: "authentication refused", error: reason });
        this.send({ type: "AuthError", error: reason, baseVersion: message.baseVersion, authUpdateAttempted: true });
        return;
      }
    }
    // Every query depends on who asks: run them all as the new identity, at
    // the latest ts (commit rounds withheld while the token was expired
    // included: the queries see their writes).
    const ts = this.hub.currentTs;
    const modifications: StateModification[] = [];
    for (const query of this.queries.values()) {
      const modification = await this.runQuery(query);
      if (modification) modifications.push(modification);
    }
    this.transition(modifications, { ...this.version, identity: message.baseVersion + 1, ts: ts > this.version.ts ? ts : this.version.ts });
    for (const resume of this.deferred.splice(0)) await resume();
  }

  private expired(): boolean {
    const expiresAt = this.auth?.expiresAt;
    return expiresAt !== undefined && expiresAt <= Date.now();
  }

  /** Tells the client, once per identity, that its token expired (the real client then fetches a fresh one). */
  private reportExpiry() {
    if (this.expiryReportedFor === this.version.identity) return;
    this.expiryReportedFor = this.version.identity;
    this.send({ type: "AuthError", error: "Token expired", baseVersion: this.version.identity, authUpdateAttempted: false });
  }

  /** True when the token has expired: `later` then runs once the client has authenticated again. */
  private holdIfExpired(later: () => Promise<void> | void): boolean {
    if (!this.expired()) return false;
    this.deferred.push(later);
    this.reportExpiry();
    return true;
  }

  private startMutation(message: Message<"Mutation">) {
    if (this.holdIfExpired(() => this.startMutation(message))) return;
    const caller = this.caller();
    this.mutations = this.mutations.then(() => this.runMutation(message, caller));
  }

  private async runMutation(message: Message<"Mutation">, caller: Caller) {
    const { requestId } = message;
    const key = this.clientSessionId ? dedupeKey(caller, this.clientSessionId) : null;
    const previous = key ? this.hub.completed.get(key)?.get(requestId) : undefined;
    if (previous?.success) {
      // A re-sent mutation that already ran: answer again, without running it twice.
      this.respondToMutation({ ...previous, ts: this.hub.requestRound() });
      return;
    }
    const logLines: string[] = [];
    try {
      const udfPath = message.componentPath ? `${message.componentPath}/${message.udfPath}` : message.udfPath;
      const { value } = await authoring.run(this, () => this.hub.deployment.call("mutation", udfPath, singleArg(message.args), caller, "ws", { logLines }));
      const response: MutationSuccess = { type: "MutationResponse", requestId, success: true, result: convexToJson(value), ts: this.hub.requestRound(), logLines };
      if (key) this.hub.remember(key, { ...response, logLines: [] });
      this.respondToMutation(response);
    } catch (error) {
      const wire = wireError(error);
      this.send({ type: "MutationResponse", requestId, success: false, result: wire.message, logLines, ...(wire.data === undefined ? {} : { errorData: wire.data }) });
    }
  }

  private respondToMutation(response: MutationSuccess) {
    if (response.ts > this.awaitedTs) this.awaitedTs = response.ts;
    this.send(response);
  }

  private startAction(message: Message<"Action">) {
    if (this.holdIfExpired(() => this.startAction(message))) return;
    const caller = this.caller();
    void (async () => {
      const { requestId } = message;
      const logLines: string[] = [];
      try {
        const udfPath = message.componentPath ? `${message.componentPath}/${message.udfPath}` : message.udfPath;
        const { value } = await this.hub.deployment.call("action", udfPath, singleArg(message.args), caller, "ws", { logLines });
        this.send({ type: "ActionResponse", requestId, success: true, result: convexToJson(value), logLines });
      } catch (error) {
        const wire = wireError(error);
        this.send({ type: "ActionResponse", requestId, success: false, result: wire.message, logLines, ...(wire.data === undefined ? {} : { errorData: wire.data }) });
      }
    })();
  }
}

function frameText(data: Buffer | ArrayBuffer | Buffer[]): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString("utf8");
  return Buffer.from(data as ArrayBuffer).toString("utf8");
}
