/**
 * The demo a fresh data file starts with (instance.json), created through
 * the directory so the local Convex backend receives it as ordinary
 * webhooks: two orgs, an admin and a member in each, and one user who
 * belongs to both. Every demo user signs in with the demo password, an
 * email code, or a sign-in token ("Continue as …" on the app's sign-in page).
 */
import type { Directory } from "./directory";
import instance from "./instance.json";

export const DEMO = instance.demo;
export const DEMO_PASSWORD = instance.demo.password;

export function seedDemo(directory: Directory): void {
  const ids = new Map<string, string>();
  for (const u of DEMO.users) {
    const user = directory.createUser({ first_name: u.first_name, last_name: u.last_name, email_address: [u.email], password: DEMO_PASSWORD });
    ids.set(u.key, user.id);
  }
  for (const o of DEMO.organizations) {
    // created_by makes the admin the org's first member, as in Clerk.
    const org = directory.createOrganization({ name: o.name, slug: o.slug, created_by: ids.get(o.admin) });
    for (const member of o.members) directory.addMembership(org.id, ids.get(member)!, "org:member");
  }
}
