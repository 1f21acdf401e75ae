/**
 * `/v1/client/sign_ins`: Clerk's sign-in attempt, one per client.
 *
 *   create { identifier, password?, strategy? }   password in one step, or needs_first_factor
 *                                                 (strategy email_code: with the code already sent)
 *   create { strategy: "ticket", ticket }         a sign-in token (Backend API) or an invitation link
 *   prepare_first_factor { strategy: "email_code", email_address_id }
 *   attempt_first_factor { strategy: "password", password } | { strategy: "email_code", code }
 *
 * No email is sent: every email code is the instance's `verification_code`
 * (424242 unless the settings say otherwise), as in Clerk's test mode.
 */
import type { Directory } from "../directory";
import { ClerkError, invalid } from "../errors";
import { newId } from "../ids";
import { verifyPassword } from "../passwords";
import type { ClientRecord, SignInAttempt, UserRecord } from "../store";
import type { Frontend } from "./frontend";

const ATTEMPT_LIFETIME_MS = 86_400_000;
const CODE_LIFETIME_MS = 10 * 60_000;
const MAX_CODE_ATTEMPTS = 5;

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

export class SignIns {
  constructor(
    private readonly fapi: Frontend,
    private readonly logger: Pick<Console, "info">,
  ) {}

  private get dir(): Directory {
    return this.fapi.dir;
  }

  create(client: ClientRecord, body: Record<string, unknown>): SignInAttempt {
    this.refuseWhenSignedIn(client);
    const now = this.dir.store.now();
    const attempt: SignInAttempt = {
      id: newId("sia"),
      identifier: null,
      user_id: null,
      status: "needs_identifier",
      first_factor: null,
      created_session_id: null,
      created_at: now,
      abandon_at: now + ATTEMPT_LIFETIME_MS,
    };
    client.sign_in = attempt;
    const strategy = str(body.strategy);
    const ticket = str(body.ticket);
    if (strategy === "ticket" || ticket) {
      if (!ticket) throw invalid("Enter the ticket.", "form_param_missing", "ticket");
      this.completeWithTicket(client, attempt, ticket);
      return attempt;
    }
    const identifier = str(body.identifier)?.trim();
    if (identifier) {
      const user = this.findUser(identifier);
      attempt.identifier = identifier;
      attempt.user_id = user.id;
      attempt.status = "needs_first_factor";
      const password = str(body.password);
      if (strategy === "password" || password !== undefined) this.checkPassword(user, password ?? "");
      if (password !== undefined) this.complete(client, attempt, user, "password");
      // `create({ identifier, strategy: "email_code" })` also sends the code, as Clerk's does.
      else if (strategy === "email_code") {
        this.dir.commit();
        return this.prepareFirstFactor(client, attempt.id, { strategy: "email_code" });
      }
    }
    this.dir.commit();
    return attempt;
  }

  current(client: ClientRecord, id: string): SignInAttempt {
    const attempt = client.sign_in;
    if (!attempt || attempt.id !== id) throw new ClerkError(404, "resource_not_found", "Sign in not found.", `No sign-in ${id} on this client.`);
    if (attempt.status === "complete") throw new ClerkError(400, "sign_in_complete", "This sign-in is already complete.");
    if (attempt.abandon_at < Date.now()) throw new ClerkError(400, "sign_in_expired", "This sign-in has expired. Please start again.");
    return attempt;
  }

  prepareFirstFactor(client: ClientRecord, id: string, body: Record<string, unknown>): SignInAttempt {
    const attempt = this.current(client, id);
    const user = this.dir.user(attempt.user_id!);
    if (str(body.strategy) !== "email_code" || !this.dir.settings.sign_in.email_code) {
      throw invalid("This sign-in supports password and email_code only.", "strategy_for_user_invalid", "strategy");
    }
    const emailId = str(body.email_address_id) ?? user.primary_email_address_id;
    const email = user.email_addresses.find((e) => e.id === emailId);
    if (!email) throw invalid("email_address_id does not belong to this user.", "form_param_value_invalid", "email_address_id");
    attempt.first_factor = { strategy: "email_code", status: "unverified", attempts: 0, expire_at: Date.now() + CODE_LIFETIME_MS };
    this.logger.info(`clerk emulator: sign-in code for ${email.email_address} is ${this.dir.settings.verification_code}`);
    this.dir.commit();
    return attempt;
  }

  attemptFirstFactor(client: ClientRecord, id: string, body: Record<string, unknown>): SignInAttempt {
    const attempt = this.current(client, id);
    const user = this.dir.user(attempt.user_id!);
    const strategy = str(body.strategy);
    if (strategy === "password") {
      this.checkPassword(user, str(body.password) ?? "");
      this.complete(client, attempt, user, "password");
    } else if (strategy === "email_code") {
      const factor = attempt.first_factor;
      if (!factor || factor.strategy !== "email_code") throw new ClerkError(400, "verification_not_prepared", "Ask for a code first.");
      checkCode(factor, str(body.code), this.dir.settings.verification_code, () => this.dir.commit());
      factor.status = "verified";
      this.complete(client, attempt, user, "email_code");
    } else {
      throw invalid("strategy must be password or email_code.", "form_param_value_invalid", "strategy");
    }
    this.dir.commit();
    return attempt;
  }

  private findUser(identifier: string): UserRecord {
    const user = this.dir.userByEmail(identifier);
    if (!user || !this.dir.verifiedEmails(user).includes(identifier.toLowerCase())) {
      throw new ClerkError(422, "form_identifier_not_found", "Couldn't find your account.", "Couldn't find your account.", "identifier");
    }
    return user;
  }

  private checkPassword(user: UserRecord, password: string): void {
    if (!this.dir.settings.sign_in.password || !user.password) {
      throw new ClerkError(422, "strategy_for_user_invalid", "This account has no password.", "Sign in with an email code instead.", "password");
    }
    if (!verifyPassword(user.password, password)) {
      throw new ClerkError(422, "form_password_incorrect", "Password is incorrect. Try again, or use another method.", undefined, "password");
    }
  }

  /** A sign-in token (single use, unexpired) or an invitation's ticket, which also accepts the invitation. */
  private completeWithTicket(client: ClientRecord, attempt: SignInAttempt, ticket: string): void {
    const token = this.dir.state.sign_in_tokens.find((t) => t.token === ticket);
    if (token) {
      if (token.status !== "pending" || token.expires_at < Date.now()) {
        throw new ClerkError(400, "ticket_invalid", "This sign-in link is no longer valid.", "The sign-in token was used, revoked or has expired.", "ticket");
      }
      token.status = "accepted";
      token.updated_at = this.dir.store.now();
      this.complete(client, attempt, this.dir.user(token.user_id), "ticket");
      return;
    }
    const invitation = this.dir.invitationByTicket(ticket);
    if (!invitation || invitation.status !== "pending") {
      throw new ClerkError(400, "ticket_invalid", "This invitation link is no longer valid.", undefined, "ticket");
    }
    const user = this.dir.userByEmail(invitation.email_address);
    if (!user) throw new ClerkError(422, "invitation_account_not_exists", "Create your account to accept the invitation.", undefined, "ticket");
    const { membership } = this.dir.acceptInvitation(invitation.id, user.id);
    this.complete(client, attempt, user, "ticket", membership.organization_id);
  }

  private complete(client: ClientRecord, attempt: SignInAttempt, user: UserRecord, strategy: "password" | "email_code" | "ticket", orgId?: string): void {
    const session = this.dir.createSession(user.id, { clientId: client.id, ...(orgId ? { orgId } : {}) });
    attempt.identifier ??= this.dir.verifiedEmails(user)[0] ?? null;
    attempt.user_id = user.id;
    attempt.status = "complete";
    if (strategy !== "email_code") attempt.first_factor = { strategy: strategy === "ticket" ? "ticket" : "password", status: "verified", attempts: 1, expire_at: null };
    attempt.created_session_id = session.id;
    client.sign_in = null;
    client.last_active_session_id = session.id;
    client.last_authentication_strategy = strategy;
    this.fapi.markChanged(client);
  }

  /** Single-session mode: a client signs in once. */
  private refuseWhenSignedIn(client: ClientRecord): void {
    if (this.fapi.sessions(client).length > 0) {
      throw new ClerkError(400, "session_exists", "You're already signed in.", "You're already signed in. Sign out first to sign in as someone else.");
    }
  }
}

/** The fixed code, within its lifetime and attempt limit; a wrong code counts an attempt (saved by `save`). */
export function checkCode(
  factor: { status: string; attempts: number; expire_at: number },
  code: string | undefined,
  expected: string,
  save: () => void,
): void {
  if (factor.expire_at < Date.now()) {
    factor.status = "expired";
    save();
    throw new ClerkError(422, "verification_expired", "This verification code has expired.", "Ask for a new code.", "code");
  }
  if (factor.attempts >= MAX_CODE_ATTEMPTS) {
    factor.status = "failed";
    save();
    throw new ClerkError(422, "verification_failed", "Too many failed attempts.", "Ask for a new code.", "code");
  }
  if (code?.trim() !== expected) {
    factor.attempts++;
    save();
    throw new ClerkError(422, "form_code_incorrect", "Incorrect code", "The code you entered is incorrect.", "code");
  }
  factor.attempts++;
}
