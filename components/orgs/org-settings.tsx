"use client";

import { useState } from "react";
import { useAction } from "convex/react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import { cleanText, textFields } from "@/convex/lib/text";
import { errorMessage } from "@/lib/errors";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { PageHeader } from "@/components/layout/page-header";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { FieldError } from "@/components/ui/field-error";
import { SyncHealthCard } from "@/components/sync/sync-health-card";
import { DeleteOrgCard } from "./delete-org-card";
import { useOrg } from "./org-context";

/** `/orgs/[slug]/settings`: the org's name and the sync with Clerk (admins). */
export function OrgSettings() {
  const { org, can } = useOrg();
  useDocumentTitle(`Settings · ${org.name}`);
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-8 px-4 py-8 sm:px-6">
      <PageHeader title="Settings" description={`Settings of ${org.name}.`} />
      {can("org:manage") ? (
        <>
          <RenameOrgCard key={org.name} current={org.name} />
          <SyncHealthCard />
          <DeleteOrgCard />
        </>
      ) : (
        <p className="rounded-xl border border-dashed px-4 py-8 text-center text-sm text-muted-foreground">
          Only admins can change the organization&apos;s settings.
        </p>
      )}
    </div>
  );
}

function RenameOrgCard({ current }: { current: string }) {
  const rename = useAction(api.admin.renameOrganization);
  const [name, setName] = useState(current);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const parsed = cleanText(textFields.orgName, name);
    if (!parsed.ok) return setError(parsed.error);
    setPending(true);
    try {
      await rename({ name: parsed.value });
      toast.success("Organization renamed");
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <form onSubmit={submit} noValidate className="contents">
        <CardHeader>
          <CardTitle className="text-base">Organization name</CardTitle>
          <CardDescription>Shown to every member in the switcher and on every page.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-2">
          <Label htmlFor="org-settings-name">Name</Label>
          <Input
            id="org-settings-name"
            value={name}
            onChange={(e) => {
              setName(e.target.value);
              setError(null);
            }}
            className="max-w-sm"
            aria-invalid={!!error}
            aria-describedby={error ? "org-settings-error" : undefined}
          />
          <FieldError id="org-settings-error">{error}</FieldError>
        </CardContent>
        <CardFooter className="justify-end border-t pt-4">
          <Button type="submit" size="sm" disabled={pending || name.trim() === current}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
