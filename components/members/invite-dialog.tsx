"use client";

import { useState } from "react";
import { useAction } from "convex/react";
import { MailPlusIcon } from "lucide-react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { inviteEmail, memberRole } from "@/convex/lib/fields";
import { errorMessage } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogDescription, DialogFooter, DialogHeader, DialogTitle, DialogTrigger } from "@/components/ui/dialog";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { Select, SelectContent, SelectItem, SelectTrigger, SelectValue } from "@/components/ui/select";
import { FieldError } from "@/components/ui/field-error";

const ROLES = {
  "org:member": "Member — works on lists and todos",
  "org:admin": "Admin — also manages members and settings",
};

/** Admins: invite someone by email, as member or admin. */
export function InviteDialog({ orgName }: { orgName: string }) {
  const [open, setOpen] = useState(false);
  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button size="sm">
          <MailPlusIcon aria-hidden />
          Invite
        </Button>
      </DialogTrigger>
      <DialogContent>{open && <InviteForm orgName={orgName} onDone={() => setOpen(false)} />}</DialogContent>
    </Dialog>
  );
}

function InviteForm({ orgName, onDone }: { orgName: string; onDone: () => void }) {
  const invite = useAction(api.admin.invite);
  const [email, setEmail] = useState("");
  const [role, setRole] = useState<keyof typeof ROLES>("org:member");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsedEmail = inviteEmail(email);
    if (!parsedEmail.ok) return setError(parsedEmail.error);
    const parsedRole = memberRole(role);
    if (!parsedRole.ok) return setError(parsedRole.error);
    setPending(true);
    try {
      await invite({ email: parsedEmail.value, role: parsedRole.value });
      toast.success(`Invitation sent to ${parsedEmail.value}`);
      onDone();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="grid grid-cols-[minmax(0,1fr)] gap-4">
      <DialogHeader>
        <DialogTitle>Invite to {orgName}</DialogTitle>
        <DialogDescription>They join when they sign in with this email address.</DialogDescription>
      </DialogHeader>
      <div className="grid gap-2">
        <Label htmlFor="invite-email">Email address</Label>
        <Input
          id="invite-email"
          type="email"
          value={email}
          onChange={(e) => {
            setEmail(e.target.value);
            setError(null);
          }}
          placeholder="teammate@example.com"
          autoFocus
          autoComplete="off"
          aria-invalid={!!error}
          aria-describedby={error ? "invite-error" : undefined}
        />
      </div>
      <div className="grid gap-2">
        <Label htmlFor="invite-role">Role</Label>
        <Select value={role} onValueChange={(v) => setRole(v as typeof role)}>
          <SelectTrigger id="invite-role" className="w-full">
            <SelectValue>{ROLES[role]}</SelectValue>
          </SelectTrigger>
          <SelectContent>
            {Object.entries(ROLES).map(([value, label]) => (
              <SelectItem key={value} value={value}>
                {label}
              </SelectItem>
            ))}
          </SelectContent>
        </Select>
      </div>
      <FieldError id="invite-error">{error}</FieldError>
      <DialogFooter>
        <Button type="submit" disabled={pending}>
          {pending ? "Sending…" : "Send invitation"}
        </Button>
      </DialogFooter>
    </form>
  );
}
