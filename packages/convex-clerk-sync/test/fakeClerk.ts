/**
 * The few Clerk Backend API routes a reconciliation reads, answering from an
 * in-memory directory of the test kit's payloads, in Clerk's shapes (lists
 * as `{ data, total_count }`, users as an array plus `/users/count`, 404 as
 * `{ errors: [...] }`): enough for `@clerk/backend`'s client, pointed at it
 * with `apiUrl`. Node only (an HTTP server).
 */
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { invitation, membership, organization, user } from "../src/test";

export type Directory = {
  users: ReturnType<typeof user>[];
  organizations: ReturnType<typeof organization>[];
  memberships: ReturnType<typeof membership>[];
  invitations: ReturnType<typeof invitation>[];
};

export async function startFakeClerk(directory: Directory) {
  let requests = 0;
  const server = createServer((req, res) => {
    requests++;
    const url = new URL(req.url ?? "/", "http://clerk.test");
    const send = (status: number, body: unknown) => res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const notFound = () => send(404, { errors: [{ code: "resource_not_found", message: "not found", long_message: "not found" }] });
    const limit = Number(url.searchParams.get("limit") ?? 10);
    const offset = Number(url.searchParams.get("offset") ?? 0);
    const oldestFirst = <T extends { created_at: number }>(items: T[]) => [...items].sort((a, b) => a.created_at - b.created_at);
    const page = <T extends { created_at: number }>(items: T[]) => send(200, { data: oldestFirst(items).slice(offset, offset + limit), total_count: items.length });
    const parts = url.pathname.split("/").filter(Boolean).slice(1); // drop "v1"

    if (parts[0] === "users" && parts.length === 1) return send(200, oldestFirst(directory.users).slice(offset, offset + limit));
    if (parts[0] === "users" && parts[1] === "count") return send(200, { object: "total_count", total_count: directory.users.length });
    if (parts[0] === "users" && parts.length === 2) {
      const found = directory.users.find((u) => u.id === parts[1]);
      return found ? send(200, found) : notFound();
    }
    if (parts[0] === "organization_memberships") return page(directory.memberships);
    if (parts[0] === "organizations" && parts.length === 1) return page(directory.organizations);
    const org = parts[0] === "organizations" ? directory.organizations.find((o) => o.id === parts[1]) : undefined;
    if (parts[0] === "organizations" && !org) return notFound();
    if (parts.length === 2) return send(200, org);
    if (parts[2] === "memberships") {
      const userIds = url.searchParams.getAll("user_id");
      return page(directory.memberships.filter((m) => m.organization.id === org!.id && (!userIds.length || userIds.includes(m.public_user_data.user_id))));
    }
    if (parts[2] === "invitations" && parts.length === 3) {
      const statuses = url.searchParams.getAll("status");
      return page(directory.invitations.filter((i) => i.organization_id === org!.id && (!statuses.length || statuses.includes(i.status))));
    }
    if (parts[2] === "invitations") {
      const found = directory.invitations.find((i) => i.id === parts[3] && i.organization_id === org!.id);
      return found ? send(200, found) : notFound();
    }
    notFound();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => requests,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
