"use client";

import Link from "next/link";
import { ArrowRightIcon } from "lucide-react";
import { useAuth } from "@/lib/auth";
import { Button } from "@/components/ui/button";

/** Sign in / get started, or "open the app" for someone already signed in. */
export function NavAuthActions() {
  const auth = useAuth();
  if (auth.isSignedIn) {
    return (
      <Button asChild size="sm">
        <Link href="/orgs">Open app</Link>
      </Button>
    );
  }
  return (
    <>
      <Button asChild variant="ghost" size="sm">
        <Link href="/sign-in">Sign in</Link>
      </Button>
      <Button asChild size="sm">
        <Link href="/sign-up">Get started</Link>
      </Button>
    </>
  );
}

export function HeroAuthActions() {
  const auth = useAuth();
  return (
    <div className="flex flex-wrap items-center justify-center gap-3">
      <Button asChild size="lg">
        <Link href={auth.isSignedIn ? "/orgs" : "/sign-up"}>
          {auth.isSignedIn ? "Open your workspace" : "Start for free"}
          <ArrowRightIcon aria-hidden />
        </Link>
      </Button>
      {!auth.isSignedIn && (
        <Button asChild size="lg" variant="outline">
          <Link href="/sign-in">Sign in</Link>
        </Button>
      )}
    </div>
  );
}
