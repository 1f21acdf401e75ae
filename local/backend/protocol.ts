/**
 * The Convex sync protocol as the `convex` client (1.48) speaks it over the
 * WebSocket (browser/sync/protocol.ts in the client's sources): message
 * shapes, and the u64 timestamps, which travel as base64 of 8 little-endian
 * bytes.
 */
import type { JSONValue } from "convex/values";

export type QueryJournal = string | null;

/** Client → server. */
export type AddQuery = {
  type: "Add";
  queryId: number;
  udfPath: string;
  args: JSONValue[];
  journal?: QueryJournal;
  componentPath?: string;
};
export type RemoveQuery = { type: "Remove"; queryId: number };

export type ClientMessage =
  | { type: "Connect"; sessionId: string; connectionCount: number; lastCloseReason: string | null; maxObservedTimestamp?: string; clientTs?: number }
  | { type: "ModifyQuerySet"; baseVersion: number; newVersion: number; modifications: (AddQuery | RemoveQuery)[] }
  | { type: "Mutation"; requestId: number; udfPath: string; args: JSONValue[]; componentPath?: string }
  | { type: "Action"; requestId: number; udfPath: string; args: JSONValue[]; componentPath?: string }
  | { type: "Authenticate"; tokenType: "User" | "Admin"; value: string; baseVersion: number }
  | { type: "Authenticate"; tokenType: "None"; baseVersion: number }
  | { type: "Event"; eventType: string; event: unknown };

/** Server → client. `ts` fields are bigints here and encoded on send. */
export type StateVersion = { querySet: number; identity: number; ts: bigint };

export type StateModification =
  | { type: "QueryUpdated"; queryId: number; value: JSONValue; logLines: string[]; journal: QueryJournal }
  | { type: "QueryFailed"; queryId: number; errorMessage: string; logLines: string[]; errorData?: JSONValue; journal: QueryJournal }
  | { type: "QueryRemoved"; queryId: number };

export type ServerMessage =
  | { type: "Transition"; startVersion: StateVersion; endVersion: StateVersion; modifications: StateModification[]; clientClockSkew?: number; serverTs?: number }
  | { type: "MutationResponse"; requestId: number; success: true; result: JSONValue; ts: bigint; logLines: string[] }
  | { type: "MutationResponse"; requestId: number; success: false; result: string; logLines: string[]; errorData?: JSONValue }
  | { type: "ActionResponse"; requestId: number; success: true; result: JSONValue; logLines: string[] }
  | { type: "ActionResponse"; requestId: number; success: false; result: string; logLines: string[]; errorData?: JSONValue }
  | { type: "AuthError"; error: string; baseVersion: number; authUpdateAttempted: boolean }
  | { type: "FatalError"; error: string }
  | { type: "Ping" };

export function encodeTs(ts: bigint): string {
  const bytes = Buffer.alloc(8);
  bytes.writeBigUInt64LE(BigInt.asUintN(64, ts));
  return bytes.toString("base64");
}

export function decodeTs(encoded: string): bigint {
  const bytes = Buffer.from(encoded, "base64");
  if (bytes.length !== 8) throw new Error(`Invalid u64 timestamp: ${encoded}`);
  return bytes.readBigUInt64LE();
}

const encodeVersion = (v: StateVersion) => ({ querySet: v.querySet, identity: v.identity, ts: encodeTs(v.ts) });

export function encodeServerMessage(message: ServerMessage): string {
  switch (message.type) {
    case "Transition":
      return JSON.stringify({ ...message, startVersion: encodeVersion(message.startVersion), endVersion: encodeVersion(message.endVersion) });
    case "MutationResponse":
      return JSON.stringify(message.success ? { ...message, ts: encodeTs(message.ts) } : message);
    default:
      return JSON.stringify(message);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

/** Parses a frame; throws with a readable reason on anything the protocol does not allow. */
export function parseClientMessage(raw: string): ClientMessage {
  const message: unknown = JSON.parse(raw);
  if (!isObject(message) || typeof message.type !== "string") throw new Error("Message is not an object with a type");
  const need = (field: string, type: "string" | "number" | "object") => {
    const value = message[field];
    if (type === "object" ? !Array.isArray(value) : typeof value !== type) {
      throw new Error(`${message.type}: \`${field}\` must be ${type === "object" ? "an array" : `a ${type}`}`);
    }
  };
  switch (message.type) {
    case "Connect":
      need("sessionId", "string");
      break;
    case "ModifyQuerySet":
      need("baseVersion", "number");
      need("newVersion", "number");
      need("modifications", "object");
      break;
    case "Mutation":
    case "Action":
      need("requestId", "number");
      need("udfPath", "string");
      need("args", "object");
      break;
    case "Authenticate":
      need("baseVersion", "number");
      if (message.tokenType !== "None") need("value", "string");
      break;
    case "Event":
      break;
    default:
      throw new Error(`Unknown message type ${message.type}`);
  }
  return message as ClientMessage;
}

/** Function arguments arrive as a one-element array (older clients: the object itself). */
export function singleArg(args: unknown): JSONValue {
  if (Array.isArray(args)) {
    if (args.length > 1) throw new Error("Expected a single argument object");
    return (args[0] ?? {}) as JSONValue;
  }
  return (args ?? {}) as JSONValue;
}
