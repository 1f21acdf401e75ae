"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "convex/react";
import { LogOutIcon } from "lucide-react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { useAuth } from "@/lib/auth";
import { errorMessage } from "@/lib/errors";
import { orgPath, orgSegment, useMe } from "@/components/orgs/me-provider";
import { leavingOrgs } from "@/components/orgs/org-gate";
import { useOrg } from "@/components/orgs/org-context";
import { Button } from "@/components/ui/button";
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
import { LAST_ADMIN_HINT } from "./member-row-actions";

/** Leave the org (not as its last admin), then continue in another org or onboarding. */
export function LeaveOrgButton({ lastAdmin }: { lastAdmin: boolean }) {
  const leave = useAction(api.admin.leave);
  const { org } = useOrg();
  const me = useMe();
  const auth = useAuth();
  const router = useRouter();
  const [open, setOpen] = useState(false);

  async function confirm() {
    const next = me.orgs.find((o) => o.orgId !== org.orgId) ?? null;
    const segment = orgSegment(org);
    leavingOrgs.add(segment);
    try {
      await leave({});
      await auth.switchOrg(next?.orgId ?? null);
      toast.success(`You left ${org.name}`);
      router.replace(next ? orgPath(next) : "/onboarding");
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      // Long enough for the navigation to land.
      setTimeout(() => leavingOrgs.delete(segment), 5000);
    }
  }

  return (
    <>
      <Tooltip>
        <TooltipTrigger asChild>
          <span tabIndex={lastAdmin ? 0 : -1} className="inline-flex rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50">
            <Button variant="outline" size="sm" disabled={lastAdmin} onClick={() => setOpen(true)}>
              <LogOutIcon aria-hidden />
              Leave<span className="max-sm:sr-only"> organization</span>
            </Button>
          </span>
        </TooltipTrigger>
        {lastAdmin && <TooltipContent>{LAST_ADMIN_HINT}</TooltipContent>}
      </Tooltip>
      <AlertDialog open={open} onOpenChange={setOpen}>
        <AlertDialogContent>
          <AlertDialogHeader>
            <AlertDialogTitle>Leave {org.name}?</AlertDialogTitle>
            <AlertDialogDescription>You lose access to its lists. An admin can invite you back.</AlertDialogDescription>
          </AlertDialogHeader>
          <AlertDialogFooter>
            <AlertDialogCancel>Cancel</AlertDialogCancel>
            <AlertDialogAction variant="destructive" onClick={() => void confirm()}>
              Leave organization
            </AlertDialogAction>
          </AlertDialogFooter>
        </AlertDialogContent>
      </AlertDialog>
    </>
  );
}
