"use client";

import { useState } from "react";
import { useAction } from "convex/react";
import { XIcon } from "lucide-react";
import { toast } from "sonner";
import { api } from "@/convex/_generated/api";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { errorMessage } from "@/lib/errors";
import { formatRelative, roleLabel } from "@/lib/format";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

/** Admins: the org's pending invitations, each revocable. */
export function Invitations() {
  const invitations = useSafeQuery(api.members.invitations, {});
  const revoke = useAction(api.admin.revokeInvitation);
  const [revoking, setRevoking] = useState<string | null>(null);

  async function onRevoke(invitationId: string, email: string) {
    setRevoking(invitationId);
    try {
      await revoke({ invitationId });
      toast.success(`Revoked the invitation for ${email}`);
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setRevoking(null);
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
          <Table>
            <TableHeader>
              <TableRow className="hover:bg-transparent">
                <TableHead>Email</TableHead>
                <TableHead>Role</TableHead>
                <TableHead className="hidden sm:table-cell">Invited</TableHead>
                <TableHead className="hidden sm:table-cell">Expires</TableHead>
                <TableHead>
                  <span className="sr-only">Actions</span>
                </TableHead>
              </TableRow>
            </TableHeader>
            <TableBody>
              {invitations.data.map((inv) => (
                <TableRow key={inv.invitationId}>
                  <TableCell className="font-medium">{inv.email}</TableCell>
                  <TableCell>
                    <Badge variant={inv.role === "org:admin" ? "brand" : "secondary"}>{roleLabel(inv.role)}</Badge>
                  </TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">{formatRelative(inv.createdAt)}</TableCell>
                  <TableCell className="hidden text-muted-foreground sm:table-cell">{formatRelative(inv.expiresAt)}</TableCell>
                  <TableCell className="text-right">
                    <Button
                      variant="ghost"
                      size="xs"
                      disabled={revoking === inv.invitationId}
                      onClick={() => void onRevoke(inv.invitationId, inv.email)}
                      aria-label={`Revoke invitation for ${inv.email}`}
                    >
                      <XIcon aria-hidden />
                      Revoke
                    </Button>
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
