/**
 * The provider's whole state in one JSON file
 * (`${dataDir}/clerk.json`): users, organizations, memberships,
 * invitations, sessions, the signing key and the webhook outbox. Writes go
 * to a temporary file renamed over the old one, so a crash never leaves a
 * half-written file; the outbox lives in the same file as the change that
 * produced it, so a restart loses neither.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { JWK } from "jose";
import { newId } from "./ids";

export type Metadata = Record<string, unknown>;

export type UserRecord = {
  id: string;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  email_addresses: { id: string; email_address: string }[];
  primary_email_address_id: string | null;
  external_id: string | null;
  public_metadata: Metadata;
  private_metadata: Metadata;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
};

export type OrganizationRecord = {
  id: string;
  name: string;
  slug: string;
  max_allowed_memberships: number;
  public_metadata: Metadata;
  private_metadata: Metadata;
  created_by: string | null;
  created_at: number;
  updated_at: number;
};

export type MembershipRecord = {
  id: string;
  organization_id: string;
  user_id: string;
  role: string;
  public_metadata: Metadata;
  created_at: number;
  updated_at: number;
};

export type InvitationStatus = "pending" | "accepted" | "revoked" | "expired";

export type InvitationRecord = {
  id: string;
  organization_id: string;
  email_address: string;
  role: string;
  status: InvitationStatus;
  inviter_user_id: string | null;
  user_id: string | null;
  public_metadata: Metadata;
  created_at: number;
  updated_at: number;
  expires_at: number;
};

export type SessionRecord = {
  id: string;
  user_id: string;
  status: "active" | "ended" | "revoked";
  last_active_organization_id: string | null;
  /** The opaque value of the browser cookie; the session id alone (it is in every JWT) must not be enough. */
  cookie: string;
  created_at: number;
  updated_at: number;
};

/** One webhook message; `body` is signed again at each attempt (svix timestamps must be fresh). */
export type Delivery = {
  svix_id: string;
  type: string;
  body: string;
  attempts: number;
  next_attempt_at: number;
  created_at: number;
  last_error?: string;
  /** A chaos-mode copy (same svix-id); never copied again. */
  duplicate?: boolean;
};

export type KeyMaterial = { kid: string; private_jwk: JWK; public_jwk: JWK };

export type State = {
  version: 1;
  instance_id: string;
  /** Role key → its permissions, as Clerk's default roles define them. */
  roles: Record<string, string[]>;
  users: UserRecord[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  invitations: InvitationRecord[];
  sessions: SessionRecord[];
  keys: KeyMaterial | null;
  /** Used when no CLERK_WEBHOOK_SECRET is configured, so signatures stay stable across restarts. */
  webhook_secret: string | null;
  deliveries: Delivery[];
  /** The last undeliverable messages (attempts exhausted), kept for inspection. */
  failed_deliveries: Delivery[];
  delivered_count: number;
};

/** Clerk's default roles; `org:sys_*` permissions never reach tokens. */
export const DEFAULT_ROLES: Record<string, string[]> = {
  "org:admin": [
    "org:sys_profile:manage",
    "org:sys_profile:delete",
    "org:sys_memberships:read",
    "org:sys_memberships:manage",
    "org:sys_domains:read",
    "org:sys_domains:manage",
  ],
  "org:member": ["org:sys_memberships:read"],
};

function emptyState(): State {
  return {
    version: 1,
    instance_id: newId("ins"),
    roles: structuredClone(DEFAULT_ROLES),
    users: [],
    organizations: [],
    memberships: [],
    invitations: [],
    sessions: [],
    keys: null,
    webhook_secret: null,
    deliveries: [],
    failed_deliveries: [],
    delivered_count: 0,
  };
}

export class Store {
  private lastTime = 0;
  private deferred = false;

  private constructor(
    readonly file: string,
    readonly state: State,
    /** True when the file did not exist: the caller seeds the demo. */
    readonly fresh: boolean,
  ) {
    // Never hand out a timestamp older than one already stored (the clock may have run ahead in a burst).
    const stamps = [state.users, state.organizations, state.memberships, state.invitations, state.sessions].flatMap((list) =>
      list.map((record: { updated_at: number }) => record.updated_at),
    );
    this.lastTime = stamps.reduce((max, t) => Math.max(max, t), 0);
  }

  static open(dataDir: string): Store {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, "clerk.json");
    if (!existsSync(file)) return new Store(file, emptyState(), true);
    const state = JSON.parse(readFileSync(file, "utf8")) as State;
    if (state.version !== 1) throw new Error(`${file}: unknown version ${String(state.version)}`);
    return new Store(file, { ...emptyState(), ...state }, false);
  }

  /**
   * Milliseconds, strictly increasing: two changes in the same millisecond
   * must still order by `updated_at`, which the sync component relies on.
   */
  now(): number {
    this.lastTime = Math.max(Date.now(), this.lastTime + 1);
    return this.lastTime;
  }

  /** Runs `fn` with one save at the end instead of one per change (bulk loads). */
  batch<T>(fn: () => T): T {
    this.deferred = true;
    try {
      return fn();
    } finally {
      this.deferred = false;
      this.save();
    }
  }

  /** Persists the state atomically (write a temporary file, then rename). */
  save(): void {
    if (this.deferred) return;
    const tmp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.state, null, 2));
    renameSync(tmp, this.file);
  }
}
