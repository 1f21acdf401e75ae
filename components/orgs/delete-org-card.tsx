"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "convex/react";
import { Trash2Icon } from "lucide-react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { useAuth } from "@/lib/auth";
import { errorMessage } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle } from "@/components/ui/dialog";
import { FieldError } from "@/components/ui/field-error";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { orgPath, orgSegment, useMe } from "./me-provider";
import { leavingOrgs } from "./org-gate";
import { useOrg } from "./org-context";

/** Admins: delete the organization for everyone, once its name is typed again. */
export function DeleteOrgCard() {
  const { org } = useOrg();
  const [open, setOpen] = useState(false);
  return (
    <Card className="border-destructive/40">
      <CardHeader>
        <CardTitle className="text-base">Delete organization</CardTitle>
        <CardDescription>
          Deletes {org.name} in Clerk and, with it, every list, todo and activity entry here, for all of its members. This cannot be undone.
        </CardDescription>
      </CardHeader>
      <CardContent>
        <Button variant="destructive" size="sm" onClick={() => setOpen(true)}>
          <Trash2Icon aria-hidden />
          Delete organization…
        </Button>
      </CardContent>
      <Dialog open={open} onOpenChange={setOpen}>
        <DialogContent>{open && <ConfirmDelete onCancel={() => setOpen(false)} />}</DialogContent>
      </Dialog>
    </Card>
  );
}

function ConfirmDelete({ onCancel }: { onCancel: () => void }) {
  const { org } = useOrg();
  const me = useMe();
  const auth = useAuth();
  const router = useRouter();
  const remove = useAction(api.admin.deleteOrganization);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const matches = typed.trim() === org.name;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!matches) return setError(`Type “${org.name}” exactly to confirm.`);
    const next = me.orgs.find((o) => o.orgId !== org.orgId) ?? null;
    const segment = orgSegment(org);
    leavingOrgs.add(segment);
    setPending(true);
    try {
      await remove({ confirmName: typed });
      await auth.switchOrg(next?.orgId ?? null);
      toast.success(`Deleted ${org.name}`);
      router.replace(next ? orgPath(next) : "/onboarding");
    } catch (e) {
      leavingOrgs.delete(segment);
      setError(errorMessage(e));
      setPending(false);
    } finally {
      setTimeout(() => leavingOrgs.delete(segment), 5000);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid min-w-0 grid-cols-[minmax(0,1fr)] gap-4">
      <DialogHeader>
        <DialogTitle className="[overflow-wrap:anywhere]">Delete {org.name}?</DialogTitle>
        <DialogDescription>Its lists and todos are deleted for everyone, and its members lose access at once.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-2">
        <Label htmlFor="confirm-org-name" className="block [overflow-wrap:anywhere]">
          Type <strong className="font-semibold">{org.name}</strong> to confirm
        </Label>
        <Input
          id="confirm-org-name"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setError(null);
          }}
          autoComplete="off"
          autoFocus
          aria-invalid={!!error}
          aria-describedby={error ? "confirm-org-name-error" : undefined}
        />
        <FieldError id="confirm-org-name-error">{error}</FieldError>
      </div>
      <DialogFooter>
        <Button type="button" variant="outline" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" variant="destructive" disabled={!matches || pending}>
          {pending ? "Deleting…" : "Delete organization"}
        </Button>
      </DialogFooter>
    </form>
  );
}
