"use client";

import { useState } from "react";
import { useAction } from "convex/react";
import { UserMinusIcon } from "lucide-react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { errorMessage } from "@/lib/errors";
import { roleLabel } from "@/lib/format";
import { Button } from "@/components/ui/button";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { Tooltip, TooltipContent, TooltipTrigger } from "@/components/ui/tooltip";
import {
  AlertDialog,
  AlertDialogAction,
  AlertDialogCancel,
  AlertDialogContent,
  AlertDialogDescription,
  AlertDialogFooter,
  AlertDialogHeader,
  AlertDialogTitle,
} from "@/components/ui/alert-dialog";

export const LAST_ADMIN_HINT = "An organization needs at least one admin: make someone else an admin first.";

/** Admins: a member's role picker. Disabled (with the reason) for the last admin. */
export function RoleSelect({ userId, name, role, lastAdmin }: { userId: string; name: string; role: string; lastAdmin: boolean }) {
  const changeRole = useAction(api.admin.changeRole);
  const [pending, setPending] = useState(false);
  const custom = role !== "org:admin" && role !== "org:member";

  async function onChange(next: string) {
    if (next === role) return;
    setPending(true);
    try {
      await changeRole({ userId, role: next });
      toast.success(`${name} is now ${next === "org:admin" ? "an admin" : "a member"}`);
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  }

  const select = (
    <Select value={role} onValueChange={(v) => void onChange(v)} disabled={pending || lastAdmin}>
      <SelectTrigger size="sm" aria-label={`Role of ${name}`} className="w-28">
        <SelectValue>{roleLabel(role)}</SelectValue>
      </SelectTrigger>
      <SelectContent>
        <SelectItem value="org:admin">Admin</SelectItem>
        <SelectItem value="org:member">Member</SelectItem>
        {custom && (
          <SelectItem value={role} disabled>
            {roleLabel(role)}
          </SelectItem>
        )}
      </SelectContent>
    </Select>
  );
  if (!lastAdmin) return select;
  return (
    <Tooltip>
      <TooltipTrigger asChild>
        <span tabIndex={0} className="inline-flex rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
          {select}
        </span>
      </TooltipTrigger>
      <TooltipContent>{LAST_ADMIN_HINT}</TooltipContent>
    </Tooltip>
  );
}

/** Admins: remove someone from the org, after confirmation. */
export function RemoveMemberButton({ userId, name, orgName, lastAdmin }: { userId: string; name: string; orgName: string; lastAdmin: boolean }) {
  const removeMember = useAction(api.admin.removeMember);
  const [open, setOpen] = useState(false);

  async function confirm() {
    try {
      await removeMember({ userId });
      toast.success(`Removed ${name} from ${orgName}`);
    } catch (error) {
      toast.error(errorMessage(error));
    }
  }

  return (
    <>
      <Tooltip>
        <TooltipTrigger asChild>
          <span tabIndex={lastAdmin ? 0 : -1} className="inline-flex rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            <Button
              variant="ghost"
              size="icon-sm"
              aria-label={`Remove ${name}`}
              disabled={lastAdmin}
              onClick={() => setOpen(true)}
              className="text-muted-foreground hover:text-destructive"
            >
              <UserMinusIcon aria-hidden />
            </Button>
          </span>
        </TooltipTrigger>
        <TooltipContent>{lastAdmin ? LAST_ADMIN_HINT : `Remove ${name}`}</TooltipContent>
      </Tooltip>
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Remove {name}?</AlertDialogTitle>
            <AlertDialogDescription>
              They lose access to {orgName} and its lists at once. Todos assigned to them keep their assignee.
            </AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => void confirm()}>
              Remove member
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
