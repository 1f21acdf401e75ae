/**
 * Shortcuts for tests and smoke scripts (secret key required, like the
 * Backend API): sign a user in as a browser would end up after Clerk's
 * sign-in (a client, its session and the cookies to give the browser), get
 * tokens without a browser, accept an invitation, replay the directory as
 * webhooks, load a synthetic directory, and see how the webhook outbox is
 * doing.
 */
import { z } from "zod";
import type { Directory } from "./directory";
import { invalid } from "./errors";
import { CLIENT_COOKIE, type Frontend } from "./fapi/frontend";
import { json, parseBody, type Router } from "./http";
import { sessionClaims } from "./sessionClaims";
import { sessionJson, userJson } from "./shapes";
import type { Webhooks } from "./webhooks";

const bodies = {
  session: z.object({ user_id: z.string(), org_id: z.string().nullish() }),
  token: z.object({
    org_id: z.string().nullish(),
    /** Back-dates the token: with a lifetime shorter than this it is already expired. */
    age_seconds: z.number().int().min(0).max(86_400).optional(),
    expires_in_seconds: z.number().int().min(1).max(86_400).optional(),
  }),
  accept: z.object({ user_id: z.string().nullish() }),
  bulk: z.object({
    users: z.number().int().min(0).max(100_000),
    organizations: z.number().int().min(0).max(10_000),
    members_per_org: z.number().int().min(0).max(1000),
    webhooks: z.boolean().default(true),
  }),
};

export function testingRoutes(router: Router, dir: Directory, fapi: Frontend, webhooks: Webhooks): void {
  /**
   * A browser that has signed in: a new client with a session for the user
   * (emits session.created), its first token, and the cookies a browser
   * would hold (`__client` for the Frontend API, `__client_uat` and
   * `__session` for the app), so a browser test starts signed in.
   */
  router.add("POST", "/v1/testing/sessions", async (req) => {
    const { user_id, org_id } = parseBody(bodies.session, req.body);
    dir.user(user_id);
    const client = fapi.newClient();
    const session = dir.createSession(user_id, { clientId: client.id, ...(org_id !== undefined ? { orgId: org_id } : {}) });
    client.last_active_session_id = session.id;
    fapi.markChanged(client);
    const uat = fapi.uatCookies(client).map((line) => line.split(";")[0]!.split("="));
    // As clerk-js would have fetched it: from the app's origin (the `azp` claim).
    const jwt = await fapi.sessionToken(session, new URL(fapi.options.appUrl).origin);
    return json(200, {
      session_id: session.id,
      client_id: client.id,
      jwt,
      cookies: [
        { name: CLIENT_COOKIE, value: client.secret },
        ...uat.map(([name, value]) => ({ name: name!, value: value! })),
        // What clerk-js writes on the app's site once signed in.
        { name: "__session", value: jwt },
        { name: `__session_${fapi.cookieSuffix}`, value: jwt },
      ],
    });
  });

  /** A fresh token; `org_id` (an id, or null for none) switches the active org first. */
  router.add("POST", "/v1/testing/sessions/:sid/tokens", async (req) => {
    const { org_id, age_seconds = 0, expires_in_seconds } = parseBody(bodies.token, req.body);
    const session = org_id === undefined ? dir.activeSession(req.params.sid!) : dir.setActiveOrganization(req.params.sid!, org_id);
    const ttl = expires_in_seconds ?? dir.settings.session_token_lifetime_seconds;
    return json(200, { jwt: await fapi.tokens.mint(sessionClaims(dir, session), ttl, Math.floor(Date.now() / 1000) - age_seconds) });
  });

  /** Accepts as `user_id`, or as the user with the invited email (signed up if needed). */
  router.add("POST", "/v1/testing/invitations/:inv/accept", (req) => {
    const { user_id } = parseBody(bodies.accept, req.body);
    const { invitation, membership } = dir.acceptInvitation(req.params.inv!, user_id ?? undefined);
    return json(200, { invitation: dir.invitationJson(invitation), membership: dir.membershipJson(membership) });
  });

  /**
   * A synthetic directory for load tests: `users` users, `organizations`
   * organizations of `members_per_org` members each (the first an admin,
   * users taken round-robin). `webhooks: false` creates it silently, as if
   * every webhook had been lost.
   */
  router.add("POST", "/v1/testing/bulk", (req) => {
    const input = parseBody(bodies.bulk, req.body);
    if (input.members_per_org > input.users) throw invalid("members_per_org must not exceed users");
    const run = `${Date.now().toString(36)}`;
    const create = () =>
      dir.store.batch(() => {
        const users = Array.from({ length: input.users }, (_, i) =>
          dir.createUser({ first_name: "Load", last_name: `User ${i}`, email_address: [`load-${run}-${i}@bulk.test`] }),
        );
        let memberships = 0;
        for (let o = 0; o < input.organizations; o++) {
          const org = dir.createOrganization({ name: `Bulk org ${run} ${o}` });
          for (let k = 0; k < input.members_per_org; k++) {
            const user = users[(o * input.members_per_org + k) % users.length]!;
            dir.addMembership(org.id, user.id, k === 0 ? "org:admin" : "org:member");
            memberships++;
          }
        }
        return { users: users.length, organizations: input.organizations, memberships };
      });
    return json(200, input.webhooks ? create() : webhooks.muffled(create));
  });

  /** Sends every user, organization, membership and pending invitation again (after the backend's data was reset). */
  router.add("POST", "/v1/testing/resync", () => json(200, { queued: resync(dir, webhooks) }));

  router.add("GET", "/v1/testing/webhooks", () => {
    const state = dir.store.state;
    return json(200, {
      pending: state.deliveries.map(({ svix_id, type, attempts, last_error }) => ({ svix_id, type, attempts, last_error })),
      failed: state.failed_deliveries.map(({ svix_id, type, attempts, last_error }) => ({ svix_id, type, attempts, last_error })),
      delivered_count: state.delivered_count,
    });
  });
}

function resync(dir: Directory, webhooks: Webhooks): number {
  const state = dir.store.state;
  let queued = 0;
  const send = (...args: Parameters<Webhooks["enqueue"]>) => {
    webhooks.enqueue(...args);
    queued++;
  };
  for (const user of state.users) send("user.updated", userJson(user));
  for (const org of state.organizations) send("organization.updated", dir.organizationJson(org));
  for (const m of state.memberships) send("organizationMembership.updated", dir.membershipJson(m));
  for (const inv of state.invitations) if (inv.status === "pending") send("organizationInvitation.created", dir.invitationJson(inv));
  for (const s of state.sessions) if (s.status === "active") send("session.created", sessionJson(s, dir.sessionStatus(s)));
  dir.store.save();
  webhooks.kick();
  return queued;
}
