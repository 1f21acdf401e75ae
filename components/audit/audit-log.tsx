"use client";

import { useState } from "react";
import { usePaginatedQuery } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { api } from "@/convex/_generated/api";
import { AUDIT_KINDS, type AuditKind } from "@/convex/lib/audit";
import { formatDateTime, formatRelative, roleLabel } from "@/lib/format";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { PageHeader } from "@/components/layout/page-header";
import { useOrg } from "@/components/orgs/org-context";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

type Entry = FunctionReturnType<typeof api.audit.list>["page"][number];

const KIND_LABELS: Record<AuditKind, string> = {
  "member.added": "Member added",
  "member.removed": "Member removed",
  "member.roleChanged": "Role changed",
  "invitation.created": "Invitation sent",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "list.created": "List created",
  "list.deleted": "List deleted",
  "org.renamed": "Organization renamed",
};

const ALL = "all";
const PAGE = 25;

/** `/orgs/[slug]/activity`: who changed what in the organization (admins). */
export function AuditLog() {
  const { org, can } = useOrg();
  useDocumentTitle(`Activity · ${org.name}`);
  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-6 px-4 py-8 sm:px-6">
      <PageHeader title="Activity" description={`Changes to ${org.name}'s members, invitations, lists and name.`} />
      {can("members:manage") ? (
        <AuditEntries />
      ) : (
        <p className="rounded-xl border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
          Only admins can see the organization&apos;s activity.
        </p>
      )}
    </div>
  );
}

function AuditEntries() {
  const [kind, setKind] = useState<AuditKind | typeof ALL>(ALL);
  const { results, status, loadMore } = usePaginatedQuery(api.audit.list, kind === ALL ? {} : { kind }, { initialNumItems: PAGE });
  return (
    <section className="flex flex-col gap-3" aria-label="Activity">
      <div className="flex items-center gap-2">
        <Label htmlFor="audit-kind" className="text-sm text-muted-foreground">
          Show
        </Label>
        <Select value={kind} onValueChange={(value) => setKind(value as AuditKind | typeof ALL)}>
          <SelectTrigger id="audit-kind" size="sm" className="w-56">
            <SelectValue>{kind === ALL ? "All activity" : KIND_LABELS[kind]}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            <SelectItem value={ALL}>All activity</SelectItem>
            {AUDIT_KINDS.map((k) => (
              <SelectItem key={k} value={k}>
                {KIND_LABELS[k]}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      {status === "LoadingFirstPage" ? (
        <Skeleton className="h-40 rounded-xl" />
      ) : results.length === 0 ? (
        <p className="rounded-xl border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">Nothing recorded yet.</p>
      ) : (
        <div className="rounded-xl border">
          {/* A table on wide screens; stacked rows on narrow ones, so nothing is cut or scrolls sideways. */}
          <Table className="table-fixed max-md:hidden">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead className="w-32">When</TableHead>
                <TableHead className="w-44">Who</TableHead>
                <TableHead>What</TableHead>
                <TableHead className="w-20">Source</TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {results.map((entry) => (
                <TableRow key={entry.id} data-testid="audit-entry">
                  <TableCell className="text-muted-foreground" title={formatDateTime(entry.at)}>
                    {formatRelative(entry.at)}
                  </TableCell>
                  <TableCell className="truncate" title={actorOf(entry)}>
                    {actorOf(entry)}
                    <Impersonator entry={entry} />
                  </TableCell>
                  <TableCell className="whitespace-normal [overflow-wrap:anywhere]">{describe(entry)}</TableCell>
                  <TableCell>
                    <SourceBadge source={entry.source} />
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <ul className="divide-y md:hidden" aria-label="Activity entries">
            {results.map((entry) => (
              <li key={entry.id} data-testid="audit-entry" className="flex min-w-0 flex-col gap-1 px-4 py-3 text-sm">
                <p className="[overflow-wrap:anywhere]">{describe(entry)}</p>
                <p className="flex min-w-0 flex-wrap items-center gap-x-2 gap-y-1 text-xs text-muted-foreground">
                  <span className="min-w-0 truncate font-medium text-foreground/80" title={actorOf(entry)}>
                    {actorOf(entry)}
                  </span>
                  <Impersonator entry={entry} />
                  <span title={formatDateTime(entry.at)}>{formatRelative(entry.at)}</span>
                  <SourceBadge source={entry.source} />
                </p>
              </li>
            ))}
          </ul>
        </div>
      )}
      {status === "CanLoadMore" && (
        <Button variant="outline" size="sm" className="self-center" onClick={() => loadMore(PAGE)}>
          Show older
        </Button>
      )}
    </section>
  );
}

/** Who really acted when a Clerk admin impersonated the actor. */
function Impersonator({ entry }: { entry: Entry }) {
  if (!entry.impersonator) return null;
  return (
    <span className="block text-xs text-muted-foreground">
      impersonated by {entry.impersonator.name ?? entry.impersonator.userId}
    </span>
  );
}

const actorOf = (e: Entry) => (e.actor ? (e.actor.name ?? e.actor.userId) : "Someone in Clerk");

function SourceBadge({ source }: { source: Entry["source"] }) {
  return <Badge variant={source === "app" ? "brand" : "outline"}>{source === "app" ? "App" : "Clerk"}</Badge>;
}

/** One sentence per entry. */
function describe(e: Entry): string {
  const who = e.subject?.name ?? e.subject?.email ?? "a member";
  const role = e.role ? roleLabel(e.role) : "";
  switch (e.kind) {
    case "member.added":
      return `${who} joined as ${role}`;
    case "member.removed":
      return e.actor?.userId === e.subject?.userId ? `${who} left` : `Removed ${who}`;
    case "member.roleChanged":
      return `Changed ${who}'s role from ${e.previousRole ? roleLabel(e.previousRole) : "?"} to ${role}`;
    case "invitation.created":
      return `Invited ${e.subject?.email ?? who} as ${role}`;
    case "invitation.revoked":
      return `Revoked the invitation of ${e.subject?.email ?? who}`;
    case "invitation.accepted":
      return `${e.subject?.email ?? who} accepted the invitation`;
    case "list.created":
      return `Created the list “${e.name}”`;
    case "list.deleted":
      return `Deleted the list “${e.name}”`;
    case "org.renamed":
      return `Renamed the organization from “${e.previousName}” to “${e.name}”`;
  }
}
