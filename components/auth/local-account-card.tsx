"use client";

import { useState } from "react";
import { toast } from "sonner";
import { cleanText, textFields } from "@/convex/lib/text";
import { useLocalProfile } from "@/lib/auth/local";
import { errorMessage } from "@/lib/errors";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";

/** Local mode's profile: the identity provider's record of the user (names editable). */
export function LocalAccountCard() {
  const { user, update } = useLocalProfile();
  if (!user) return null;
  return <LocalAccountForm key={user.id} user={user} update={update} />;
}

type User = NonNullable<ReturnType<typeof useLocalProfile>["user"]>;

function LocalAccountForm({ user, update }: { user: User; update: ReturnType<typeof useLocalProfile>["update"] }) {
  const [firstName, setFirstName] = useState(user.firstName ?? "");
  const [lastName, setLastName] = useState(user.lastName ?? "");
  const [pending, setPending] = useState(false);
  const changed = firstName !== (user.firstName ?? "") || lastName !== (user.lastName ?? "");

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    const first = cleanText(textFields.firstName, firstName);
    const last = cleanText(textFields.lastName, lastName);
    if (!first.ok) return void toast.error(first.error);
    if (!last.ok) return void toast.error(last.error);
    setPending(true);
    try {
      await update({ firstName: first.value, lastName: last.value });
      toast.success("Profile updated");
    } catch (error) {
      toast.error(errorMessage(error, "Couldn't update the profile."));
    } finally {
      setPending(false);
    }
  }

  return (
    <Card>
      <form onSubmit={submit} className="contents">
        <CardHeader>
          <CardTitle className="text-base">Account</CardTitle>
          <CardDescription>Your identity at the local sign-in service. Changes reach the app through its webhooks.</CardDescription>
        </CardHeader>
        <CardContent className="grid gap-4 sm:grid-cols-2">
          <div className="grid gap-2">
            <Label htmlFor="profile-first-name">First name</Label>
            <Input id="profile-first-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} autoComplete="given-name" />
          </div>
          <div className="grid gap-2">
            <Label htmlFor="profile-last-name">Last name</Label>
            <Input id="profile-last-name" value={lastName} onChange={(e) => setLastName(e.target.value)} autoComplete="family-name" />
          </div>
          <div className="grid gap-2 sm:col-span-2">
            <Label htmlFor="profile-email">Email address</Label>
            <Input id="profile-email" value={user.email ?? ""} readOnly disabled />
          </div>
        </CardContent>
        <CardFooter className="justify-end border-t pt-4">
          <Button type="submit" size="sm" disabled={!changed || pending}>
            {pending ? "Saving…" : "Save"}
          </Button>
        </CardFooter>
      </form>
    </Card>
  );
}
