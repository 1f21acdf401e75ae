"use client";

import { useState } from "react";
import { useAction } from "convex/react";
import { SendIcon, XIcon } from "lucide-react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { errorMessage } from "@/lib/errors";
import { formatRelative, roleLabel } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Admins: the org's pending invitations, each one can be sent again or revoked. */
export function Invitations() {
  const invitations = useSafeQuery(api.members.invitations, {});
  const revoke = useAction(api.admin.revokeInvitation);
  const resend = useAction(api.admin.resendInvitation);
  const [busy, setBusy] = useState<string | null>(null);

  async function run(invitationId: string, action: () => Promise<unknown>, done: string) {
    setBusy(invitationId);
    try {
      await action();
      toast.success(done);
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setBusy(null);
    }
  }

  return (
    <section aria-labelledby="invitations-heading" className="flex flex-col gap-3">
      <h2 id="invitations-heading" className="text-sm font-medium">
        Pending invitations
        {invitations.status === "success" && invitations.data.length > 0 && (
          <span className="ml-2 text-muted-foreground">{invitations.data.length}</span>
        )}
      </h2>
      {invitations.status === "loading" && <Skeleton className="h-12 rounded-xl" />}
      {invitations.status === "error" && <p className="text-sm text-destructive">{errorMessage(invitations.error)}</p>}
      {invitations.status === "success" && invitations.data.length === 0 && (
        <p className="rounded-xl border border-dashed px-4 py-6 text-center text-sm text-muted-foreground">No pending invitations.</p>
      )}
      {invitations.status === "success" && invitations.data.length > 0 && (
        <div className="rounded-xl border">
          <Table className="table-fixed">
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Email</TableHead>
                <TableHead className="w-24">Role</TableHead>
                <TableHead className="hidden w-28 md:table-cell">Invited</TableHead>
                <TableHead className="hidden w-28 md:table-cell">Expires</TableHead>
                <TableHead className="w-24 sm:w-48">
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.data.map((inv) => (
                <TableRow key={inv.invitationId}>
                  <TableCell className="truncate font-medium" title={inv.email}>
                    {inv.email}
                  </TableCell>
                  <TableCell>
                    <Badge variant={inv.role === "org:admin" ? "brand" : "secondary"}>{roleLabel(inv.role)}</Badge>
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">{formatRelative(inv.createdAt)}</TableCell>
                  <TableCell className="hidden text-muted-foreground md:table-cell">{formatRelative(inv.expiresAt)}</TableCell>
                  <TableCell>
                    <div className="flex flex-wrap justify-end gap-1">
                      <Button
                        variant="ghost"
                        size="xs"
                        disabled={busy === inv.invitationId}
                        onClick={() => void run(inv.invitationId, () => resend({ invitationId: inv.invitationId }), `Sent the invitation to ${inv.email} again`)}
                        aria-label={`Resend invitation to ${inv.email}`}
                      >
                        <SendIcon aria-hidden />
                        <span className="max-sm:sr-only">Resend</span>
                      </Button>
                      <Button
                        variant="ghost"
                        size="xs"
                        disabled={busy === inv.invitationId}
                        onClick={() => void run(inv.invitationId, () => revoke({ invitationId: inv.invitationId }), `Revoked the invitation for ${inv.email}`)}
                        aria-label={`Revoke invitation for ${inv.email}`}
                      >
                        <XIcon aria-hidden />
                        <span className="max-sm:sr-only">Revoke</span>
                      </Button>
                    </div>
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      )}
    </section>
  );
}
