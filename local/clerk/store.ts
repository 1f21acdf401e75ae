/**
 * The emulator's whole state in one JSON file (`${dataDir}/clerk.json`):
 * the instance settings, users, organizations, memberships, invitations,
 * browser clients with their sign-in/sign-up attempts, sessions, sign-in
 * tokens, the signing key and the webhook outbox. Writes go to a temporary
 * file renamed over the old one, so a crash never leaves a half-written
 * file; the outbox lives in the same file as the change that produced it,
 * so a restart loses neither.
 */
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { JWK } from "jose";
import { newId } from "./ids";
import type { PasswordDigest } from "./passwords";
import { defaultSettings, parseSettings, type InstanceSettings } from "./settings";

export type Metadata = Record<string, unknown>;

export type UserRecord = {
  id: string;
  first_name: string | null;
  last_name: string | null;
  username: string | null;
  /** `verified: false` while an address added from the profile awaits its code (absent means verified). */
  email_addresses: { id: string; email_address: string; verified?: boolean; verification?: CodeVerification | null; created_at?: number }[];
  primary_email_address_id: string | null;
  external_id: string | null;
  password: PasswordDigest | null;
  public_metadata: Metadata;
  private_metadata: Metadata;
  unsafe_metadata: Metadata;
  /** The organization the user's last session worked in: the next sign-in starts there. */
  last_active_organization_id: string | null;
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
  /** Where the invitation link lands after the Frontend API has checked its ticket. */
  redirect_url: string | null;
  /** The secret in the invitation link (`__clerk_ticket`). */
  ticket: string;
  public_metadata: Metadata;
  created_at: number;
  updated_at: number;
  expires_at: number;
};

/** One code verification (email code at sign-in, sign-up or on an added address). */
export type CodeVerification = {
  strategy: "email_code";
  status: "unverified" | "verified" | "failed" | "expired";
  attempts: number;
  expire_at: number;
};

export type SignInAttempt = {
  id: string;
  identifier: string | null;
  user_id: string | null;
  status: "needs_identifier" | "needs_first_factor" | "complete";
  first_factor: (CodeVerification | { strategy: "password" | "ticket"; status: "verified"; attempts: number; expire_at: null }) | null;
  created_session_id: string | null;
  created_at: number;
  abandon_at: number;
};

export type SignUpAttempt = {
  id: string;
  email_address: string | null;
  first_name: string | null;
  last_name: string | null;
  password: PasswordDigest | null;
  email_verification: CodeVerification | null;
  /** Set when the sign-up came with an invitation ticket: the email is verified by it. */
  invitation_id: string | null;
  created_user_id: string | null;
  created_session_id: string | null;
  created_at: number;
  abandon_at: number;
};

/** One browser: what the `__client` cookie names. */
export type ClientRecord = {
  id: string;
  /** The cookie's value: the client id alone (it appears in responses) must not be enough. */
  secret: string;
  sign_in: SignInAttempt | null;
  sign_up: SignUpAttempt | null;
  last_active_session_id: string | null;
  last_authentication_strategy: "password" | "email_code" | "ticket" | null;
  created_at: number;
  updated_at: number;
};

export type SessionRecord = {
  id: string;
  /** The browser that signed in; null for sessions created through the Backend API. */
  client_id: string | null;
  user_id: string;
  status: "active" | "ended" | "removed" | "revoked";
  last_active_organization_id: string | null;
  first_factor_verified_at: number;
  created_at: number;
  updated_at: number;
  last_active_at: number;
};

export type SignInTokenRecord = {
  id: string;
  user_id: string;
  token: string;
  status: "pending" | "accepted" | "revoked";
  expires_at: number;
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
  version: 2;
  instance_id: string;
  /** What a Clerk dashboard would show: sign-up, organizations, roles and permissions. */
  settings: InstanceSettings;
  users: UserRecord[];
  organizations: OrganizationRecord[];
  memberships: MembershipRecord[];
  invitations: InvitationRecord[];
  clients: ClientRecord[];
  sessions: SessionRecord[];
  sign_in_tokens: SignInTokenRecord[];
  keys: KeyMaterial | null;
  /** Used when no CLERK_WEBHOOK_SECRET is configured, so signatures stay stable across restarts. */
  webhook_secret: string | null;
  deliveries: Delivery[];
  /** The last undeliverable messages (attempts exhausted), kept for inspection. */
  failed_deliveries: Delivery[];
  delivered_count: number;
};

function emptyState(): State {
  return {
    version: 2,
    instance_id: newId("ins"),
    settings: defaultSettings(),
    users: [],
    organizations: [],
    memberships: [],
    invitations: [],
    clients: [],
    sessions: [],
    sign_in_tokens: [],
    keys: null,
    webhook_secret: null,
    deliveries: [],
    failed_deliveries: [],
    delivered_count: 0,
  };
}

/**
 * Version 1 files (the local identity provider before the emulator) keep
 * their directory, key and outbox; roles move into the settings, users get
 * no password (email codes and sign-in tokens still work), and the old
 * cookie sessions end.
 */
function migrate(raw: Record<string, unknown>, file: string): State {
  if (raw.version === 2) {
    const state = { ...emptyState(), ...(raw as Partial<State>) } as State;
    state.settings = parseSettings(raw.settings, file);
    return state;
  }
  if (raw.version !== 1) throw new Error(`${file}: unknown version ${String(raw.version)}`);
  const v1 = raw as { roles?: Record<string, string[]> } & Partial<Omit<State, "version" | "settings">>;
  const settings = defaultSettings();
  for (const [key, permissions] of Object.entries(v1.roles ?? {})) {
    settings.roles[key] = { name: settings.roles[key]?.name ?? roleName(key), description: "", permissions };
  }
  const state: State = { ...emptyState(), ...v1, version: 2, settings, clients: [], sessions: [], sign_in_tokens: [] };
  state.users = state.users.map((u) => ({ ...u, password: u.password ?? null, unsafe_metadata: u.unsafe_metadata ?? {}, last_active_organization_id: null }));
  state.invitations = state.invitations.map((i) => ({ ...i, redirect_url: i.redirect_url ?? null, ticket: i.ticket ?? newId("tkt") }));
  return state;
}

const roleName = (key: string) => key.replace(/^org:/, "").replace(/^\w/, (c) => c.toUpperCase());

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
    const stamps = [state.users, state.organizations, state.memberships, state.invitations, state.sessions, state.clients].flatMap((list) =>
      list.map((record: { updated_at: number }) => record.updated_at),
    );
    this.lastTime = stamps.reduce((max, t) => Math.max(max, t), 0);
  }

  static open(dataDir: string): Store {
    mkdirSync(dataDir, { recursive: true });
    const file = join(dataDir, "clerk.json");
    if (!existsSync(file)) return new Store(file, emptyState(), true);
    const raw = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
    return new Store(file, migrate(raw, file), false);
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
