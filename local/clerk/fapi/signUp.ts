/**
 * `/v1/client/sign_ups`: Clerk's sign-up attempt, one per client.
 *
 *   create | update { email_address, password, first_name?, last_name? }
 *   create { strategy: "ticket", ticket }    an invitation link: its email counts as verified
 *   prepare_verification { strategy: "email_code" }
 *   attempt_verification { strategy: "email_code", code }
 *
 * Once every required field is there and the email is verified, the user is
 * created (`user.created`) and signed in on this client. With sign-up off in
 * the settings only invitations can sign up.
 */
import type { Directory } from "../directory";
import { ClerkError, invalid } from "../errors";
import { newId } from "../ids";
import { hashPassword } from "../passwords";
import type { ClientRecord, SignUpAttempt } from "../store";
import type { Frontend } from "./frontend";
import { signUpFields } from "./json";
import { checkCode } from "./signIn";

const ATTEMPT_LIFETIME_MS = 86_400_000;
const CODE_LIFETIME_MS = 10 * 60_000;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const str = (value: unknown) => (typeof value === "string" ? value : undefined);

export class SignUps {
  constructor(
    private readonly fapi: Frontend,
    private readonly logger: Pick<Console, "info">,
  ) {}

  private get dir(): Directory {
    return this.fapi.dir;
  }

  create(client: ClientRecord, body: Record<string, unknown>): SignUpAttempt {
    if (this.fapi.sessions(client).length > 0) throw new ClerkError(400, "session_exists", "You're already signed in.");
    const now = this.dir.store.now();
    const attempt: SignUpAttempt = {
      id: newId("sua"),
      email_address: null,
      first_name: null,
      last_name: null,
      password: null,
      email_verification: null,
      invitation_id: null,
      created_user_id: null,
      created_session_id: null,
      created_at: now,
      abandon_at: now + ATTEMPT_LIFETIME_MS,
    };
    const ticket = str(body.ticket);
    if (str(body.strategy) === "ticket" || ticket) {
      const invitation = ticket ? this.dir.invitationByTicket(ticket) : undefined;
      if (!invitation || invitation.status !== "pending") throw new ClerkError(400, "ticket_invalid", "This invitation link is no longer valid.", undefined, "ticket");
      attempt.invitation_id = invitation.id;
      attempt.email_address = invitation.email_address;
    } else if (!this.dir.settings.sign_up.enabled) {
      throw new ClerkError(403, "sign_up_mode_restricted", "Sign-ups are currently unavailable.", "Sign-up is restricted on this application: ask an admin for an invitation.");
    }
    client.sign_up = attempt;
    this.apply(attempt, body);
    this.finishIfReady(client, attempt);
    this.dir.commit();
    return attempt;
  }

  current(client: ClientRecord, id: string): SignUpAttempt {
    const attempt = client.sign_up;
    if (!attempt || attempt.id !== id) throw new ClerkError(404, "resource_not_found", "Sign up not found.", `No sign-up ${id} on this client.`);
    if (attempt.created_user_id) throw new ClerkError(400, "sign_up_complete", "This sign-up is already complete.");
    if (attempt.abandon_at < Date.now()) throw new ClerkError(400, "sign_up_expired", "This sign-up has expired. Please start again.");
    return attempt;
  }

  update(client: ClientRecord, id: string, body: Record<string, unknown>): SignUpAttempt {
    const attempt = this.current(client, id);
    this.apply(attempt, body);
    this.finishIfReady(client, attempt);
    this.dir.commit();
    return attempt;
  }

  prepareVerification(client: ClientRecord, id: string, body: Record<string, unknown>): SignUpAttempt {
    const attempt = this.current(client, id);
    if (str(body.strategy) !== "email_code" || !this.dir.settings.sign_in.email_code) {
      throw invalid("Verify the email address with email_code.", "form_param_value_invalid", "strategy");
    }
    if (!attempt.email_address) throw invalid("Enter an email address first.", "form_param_missing", "email_address");
    attempt.email_verification = this.sendCode(attempt.email_address);
    this.dir.commit();
    return attempt;
  }

  /** "Sends" a code: none leaves the machine; the code is the instance's fixed one, logged for convenience. */
  private sendCode(email: string): SignUpAttempt["email_verification"] {
    this.logger.info(`clerk emulator: sign-up code for ${email} is ${this.dir.settings.verification_code}`);
    return { strategy: "email_code", status: "unverified", attempts: 0, expire_at: Date.now() + CODE_LIFETIME_MS };
  }

  attemptVerification(client: ClientRecord, id: string, body: Record<string, unknown>): SignUpAttempt {
    const attempt = this.current(client, id);
    const verification = attempt.email_verification;
    if (!verification) throw new ClerkError(400, "verification_not_prepared", "Ask for a code first.");
    checkCode(verification, str(body.code), this.dir.settings.verification_code, () => this.dir.commit());
    verification.status = "verified";
    this.finishIfReady(client, attempt);
    this.dir.commit();
    return attempt;
  }

  /** Validates and copies the fields a create/update carries. */
  private apply(attempt: SignUpAttempt, body: Record<string, unknown>): void {
    const email = str(body.email_address)?.trim().toLowerCase();
    if (email !== undefined && email !== attempt.email_address) {
      if (attempt.invitation_id) throw invalid("The invitation is for another email address.", "form_param_value_invalid", "email_address");
      if (!EMAIL.test(email)) throw invalid("Email address must be a valid email address.", "form_param_format_invalid", "email_address");
      if (this.dir.userByEmail(email)) throw invalid("That email address is taken. Please try another.", "form_identifier_exists", "email_address");
      attempt.email_address = email;
      // The instance verifies email at sign-up with a code: Clerk sends the first one as soon as it has the address.
      attempt.email_verification = this.dir.settings.sign_in.email_code ? this.sendCode(email) : null;
    }
    const password = str(body.password);
    if (password !== undefined) {
      this.dir.checkPassword(password);
      attempt.password = hashPassword(password);
    }
    for (const name of ["first_name", "last_name"] as const) {
      const value = str(body[name]);
      if (value !== undefined) attempt[name] = value.trim() || null;
    }
  }

  private finishIfReady(client: ClientRecord, attempt: SignUpAttempt): void {
    const verified = attempt.invitation_id !== null || attempt.email_verification?.status === "verified";
    if (signUpFields(attempt, this.dir.settings).missing.length > 0 || !verified || !attempt.email_address) return;
    const user = this.dir.createUser({
      email_address: [attempt.email_address],
      first_name: attempt.first_name,
      last_name: attempt.last_name,
      password_digest: attempt.password,
    });
    let orgId: string | undefined;
    if (attempt.invitation_id) orgId = this.dir.acceptInvitation(attempt.invitation_id, user.id).membership.organization_id;
    const session = this.dir.createSession(user.id, { clientId: client.id, ...(orgId ? { orgId } : {}) });
    attempt.created_user_id = user.id;
    attempt.created_session_id = session.id;
    client.last_active_session_id = session.id;
    client.last_authentication_strategy = attempt.invitation_id ? "ticket" : "email_code";
    this.fapi.markChanged(client);
  }
}
