/**
 * The demo a fresh data file starts with, created through the directory so
 * the local Convex backend receives it as ordinary webhooks: two orgs, an
 * admin and a member in each, and one user who belongs to both. Every demo
 * user signs in with `DEMO_PASSWORD` (or an email code, or a sign-in token).
 */
import type { Directory } from "./directory";

export const DEMO_PASSWORD = "team-todos-demo";

export const DEMO = {
  users: [
    { key: "ada", first_name: "Ada", last_name: "Admin", email: "ada@acme.test" },
    { key: "bob", first_name: "Bob", last_name: "Member", email: "bob@acme.test" },
    { key: "grace", first_name: "Grace", last_name: "Admin", email: "grace@globex.test" },
    { key: "sam", first_name: "Sam", last_name: "Both", email: "sam@both.test" },
  ],
  organizations: [
    { name: "Acme", slug: "acme", admin: "ada", members: ["bob", "sam"] },
    { name: "Globex", slug: "globex", admin: "grace", members: ["sam"] },
  ],
} as const;

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
