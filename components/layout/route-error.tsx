"use client";

import Link from "next/link";
import { useEffect } from "react";
import { CircleAlertIcon } from "lucide-react";
import { errorCode, errorMessage } from "@/lib/errors";
import { Button } from "@/components/ui/button";

const TITLES: Record<string, string> = {
  NOT_FOUND: "Not found",
  FORBIDDEN: "You can't do that here",
  NO_ACTIVE_ORG: "Choose an organization",
  UNAUTHENTICATED: "You're signed out",
  INVALID_ARGUMENT: "That didn't work",
};

/** What a route shows when something under it throws: a readable message and a way on. */
export function RouteError({ error, retry }: { error: unknown; retry: () => void }) {
  const code = errorCode(error);
  useEffect(() => {
    if (!code) console.error(error);
  }, [code, error]);
  return (
    <div id="main" className="flex flex-1 items-center justify-center px-4 py-16">
      <div role="alert" className="flex max-w-md flex-col items-center gap-3 text-center">
        <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
          <CircleAlertIcon className="size-5" aria-hidden />
        </span>
        <h1 className="text-lg font-semibold">{(code && TITLES[code]) ?? "Something went wrong"}</h1>
        <p className="text-sm text-muted-foreground">{errorMessage(error)}</p>
        <div className="mt-2 flex gap-2">
          <Button variant="outline" onClick={() => retry()}>
            Try again
          </Button>
          <Button asChild variant="ghost">
            <Link href="/orgs">Go to my organization</Link>
          </Button>
        </div>
      </div>
    </div>
  );
}
