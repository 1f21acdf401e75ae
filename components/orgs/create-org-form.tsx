"use client";

import { useState } from "react";
import { useRouter } from "next/navigation";
import { useAction } from "convex/react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { cleanText, textFields } from "@/convex/lib/text";
import { openOrg, useAuth } from "@/lib/auth";
import { errorMessage } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "@/components/ui/field-error";

/** Creates an organization, makes it active and opens it. */
export function CreateOrgForm({ onDone, autoFocus = true }: { onDone?: () => void; autoFocus?: boolean }) {
  const createOrganization = useAction(api.admin.createOrganization);
  const auth = useAuth();
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = cleanText(textFields.orgName, name);
    if (!parsed.ok) return setError(parsed.error);
    setPending(true);
    setError(null);
    try {
      const { orgId, slug } = await createOrganization({ name: parsed.value });
      const wasPending = auth.isPending;
      await auth.switchOrg(orgId);
      toast.success(`Created ${parsed.value}`);
      onDone?.();
      openOrg(`/orgs/${encodeURIComponent(slug ?? orgId)}`, wasPending, router);
      // A double-click's second press may have started a selection on its way out.
      window.getSelection()?.removeAllRanges();
    } catch (e) {
      setError(errorMessage(e));
      setPending(false);
    }
  }

  return (
    <form onSubmit={submit} className="grid grid-cols-[minmax(0,1fr)] gap-4" noValidate>
      <div className="grid gap-2">
        <Label htmlFor="org-name">Organization name</Label>
        <Input
          id="org-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          placeholder="Acme Inc."
          autoFocus={autoFocus}
          autoComplete="organization"
          aria-invalid={!!error}
          aria-describedby={error ? "org-name-error" : undefined}
        />
        <FieldError id="org-name-error">{error}</FieldError>
      </div>
      <Button
        type="submit"
        disabled={pending}
        // The second press of a double-click must not select the page that opens.
        onMouseDown={(event) => event.detail > 1 && event.preventDefault()}
      >
        {pending ? "Creating…" : "Create organization"}
      </Button>
    </form>
  );
}
