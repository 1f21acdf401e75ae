"use client";

import { IntentLink } from "@/components/layout/intent-link";
import { formatDate, roleLabel } from "@/lib/format";
import { useOrg } from "@/components/orgs/org-context";
import { Badge } from "@/components/ui/badge";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { memberName } from "./member-name";
import { RemoveMemberButton, RoleSelect } from "./member-row-actions";
import type { Member } from "./members-directory";
import { UserAvatar } from "./user-avatar";

type Props = {
  members: Member[];
  loading: boolean;
  search: string;
  /** The viewer may change roles and remove members. */
  manage: boolean;
  /** Admins in the org when known (every member loaded), else null. */
  adminCount: number | null;
  myUserId: string;
  orgName: string;
};

/** Avatar, name, email, role and joined date per member; admin controls for admins. */
export function MembersTable({ members, loading, search, manage, adminCount, myUserId, orgName }: Props) {
  const { href } = useOrg();
  return (
    <div className="rounded-xl border">
      <Table className="table-fixed">
        <TableHeader>
          <TableRow className="hover:bg-transparent">
            <TableHead>Member</TableHead>
            <TableHead className="w-32 sm:w-36">Role</TableHead>
            <TableHead className="hidden w-32 md:table-cell">Joined</TableHead>
            {manage && (
              <TableHead className="w-14 pointer-coarse:w-16">
                <span className="sr-only">Actions</span>
              </TableHead>
            )}
          </TableRow>
        </TableHeader>
        <TableBody>
          {loading &&
            [0, 1, 2].map((i) => (
              <TableRow key={i}>
                <TableCell colSpan={manage ? 4 : 3}>
                  <div className="flex items-center gap-3" aria-hidden>
                    <Skeleton className="size-8 rounded-full" />
                    <div className="flex flex-col gap-1.5">
                      <Skeleton className="h-3.5 w-32" />
                      <Skeleton className="h-3 w-44" />
                    </div>
                  </div>
                </TableCell>
              </TableRow>
            ))}
          {!loading && members.length === 0 && (
            <TableRow className="hover:bg-transparent">
              <TableCell colSpan={manage ? 4 : 3} className="py-10 text-center text-muted-foreground">
                {search ? `No member matches “${search}”.` : "No members yet."}
              </TableCell>
            </TableRow>
          )}
          {members.map((m) => {
            const name = memberName(m);
            const isMe = m.userId === myUserId;
            const lastAdmin = m.role === "org:admin" && adminCount === 1;
            return (
              <TableRow key={m.userId} data-testid="member-row">
                <TableCell className="whitespace-normal">
                  <div className="flex min-w-0 items-center gap-3">
                    <UserAvatar name={name} imageUrl={m.imageUrl} className="max-sm:hidden" />
                    <div className="flex min-w-0 flex-col">
                      <span className="flex min-w-0 items-center gap-2 font-medium">
                        <IntentLink href={href(`/members/${encodeURIComponent(m.userId)}`)} className="truncate outline-none hover:underline focus-visible:underline pointer-coarse:flex pointer-coarse:min-h-11 pointer-coarse:items-center" title={name}>
                          {name}
                        </IntentLink>
                        {isMe && (
                          <Badge variant="outline" className="px-1.5 py-0 text-[10px]">
                            You
                          </Badge>
                        )}
                      </span>
                      {m.email && m.email !== name && (
                        <span className="truncate text-xs text-muted-foreground" title={m.email}>
                          {m.email}
                        </span>
                      )}
                    </div>
                  </div>
                </TableCell>
                <TableCell>
                  {manage ? (
                    <RoleSelect userId={m.userId} name={name} role={m.role} lastAdmin={lastAdmin} />
                  ) : (
                    <Badge variant={m.role === "org:admin" ? "brand" : "secondary"}>{roleLabel(m.role)}</Badge>
                  )}
                </TableCell>
                <TableCell className="hidden text-muted-foreground md:table-cell">{formatDate(m.joinedAt)}</TableCell>
                {manage && (
                  <TableCell className="text-right">
                    {!isMe && <RemoveMemberButton userId={m.userId} name={name} orgName={orgName} lastAdmin={lastAdmin} />}
                  </TableCell>
                )}
              </TableRow>
            );
          })}
        </TableBody>
      </Table>
    </div>
  );
}
