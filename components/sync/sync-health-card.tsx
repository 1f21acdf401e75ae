"use client";

import { useState } from "react";
import { useMutation } from "convex/react";
import { RefreshCwIcon } from "lucide-react";
import { toast } from "@/lib/toast";
import { api } from "@/convex/_generated/api";
import type { FunctionReturnType } from "convex/server";
import { errorMessage } from "@/lib/errors";
import { formatDateTime, formatRelative } from "@/lib/format";
import { describeEvent, describeOutcome, describeTrigger } from "@/lib/sync-words";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardFooter, CardHeader, CardTitle } from "@/components/ui/card";
import { Progress } from "@/components/ui/progress";
import { Skeleton } from "@/components/ui/skeleton";

type Health = FunctionReturnType<typeof api.syncHealth.get>;
type Run = NonNullable<Health["reconciliation"]["last"]>;

const PHASES: Record<Run["phase"], string> = {
  users: "Reading users",
  organizations: "Reading organizations",
  memberships: "Reading memberships",
  invitations: "Reading invitations",
  sweepOrganizations: "Checking organizations",
  sweepUsers: "Checking users",
  sweepMemberships: "Checking memberships",
  sweepInvitations: "Checking invitations",
};

/** Admins: is Clerk reaching us, what was refused, and a re-sync with its progress. */
export function SyncHealthCard() {
  const health = useSafeQuery(api.syncHealth.get, {});
  return (
    <Card>
      <CardHeader>
        <CardTitle className="text-base">Sync with Clerk</CardTitle>
        <CardDescription>
          Members, roles and invitations arrive from Clerk by webhook. A re-sync reads everything back from Clerk and
          fixes what a lost webhook left behind; one runs every day.
        </CardDescription>
      </CardHeader>
      <CardContent>
        {health.status === "loading" && <Skeleton className="h-24 rounded-xl" />}
        {health.status === "error" && <p className="text-sm text-destructive">{errorMessage(health.error)}</p>}
        {health.status === "success" && <HealthDetails health={health.data} />}
      </CardContent>
      <CardFooter className="justify-end border-t pt-4">
        <ResyncButton running={health.status === "success" && !!health.data.reconciliation.active} />
      </CardFooter>
    </Card>
  );
}

function HealthDetails({ health }: { health: Health }) {
  const { lastWebhook, rejectedLast24h: rejected, reconciliation } = health;
  const refused = rejected.signature + rejected.payload + rejected.size + rejected.instance;
  return (
    <dl className="grid grid-cols-[minmax(0,1fr)] gap-4 text-sm sm:grid-cols-[12rem_minmax(0,1fr)]">
      <dt className="text-muted-foreground">Last change from Clerk</dt>
      <dd>
        {lastWebhook ? (
          <span title={`${lastWebhook.type} · ${formatDateTime(lastWebhook.receivedAt)}`}>
            {capitalize(describeEvent(lastWebhook.type))}, {formatRelative(lastWebhook.receivedAt)}; {describeOutcome(lastWebhook.outcome)}
          </span>
        ) : (
          "None received yet"
        )}
      </dd>
      <dt className="text-muted-foreground">Refused in the last 24 h</dt>
      <dd>
        {refused === 0 ? (
          "None"
        ) : (
          <span className="flex flex-wrap gap-2">
            {rejected.signature > 0 && <Badge variant="destructive">{rejected.signature} bad signature</Badge>}
            {rejected.payload > 0 && <Badge variant="destructive">{rejected.payload} invalid payload</Badge>}
            {rejected.size > 0 && <Badge variant="destructive">{rejected.size} too large</Badge>}
            {rejected.instance > 0 && <Badge variant="destructive">{rejected.instance} from another Clerk instance</Badge>}
          </span>
        )}
      </dd>
      <dt className="text-muted-foreground">Re-sync</dt>
      <dd>{reconciliation.active ? <RunProgress run={reconciliation.active} /> : <LastRun run={reconciliation.last} />}</dd>
    </dl>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

function RunProgress({ run }: { run: Run }) {
  const percent = Math.round(run.progress * 100);
  return (
    <div className="flex max-w-sm flex-col gap-2">
      <Progress value={percent} aria-label="Re-sync progress" />
      <span className="text-muted-foreground">
        {PHASES[run.phase]}
        {run.total > 0 && ` · ${Math.min(run.done, run.total).toLocaleString("en")} of ${run.total.toLocaleString("en")}`} · {percent}%
        {run.error && ` · retrying: ${run.error}`}
      </span>
    </div>
  );
}

function LastRun({ run }: { run: Run | null }) {
  if (!run) return <>Never run</>;
  const when = <span title={formatDateTime(run.finishedAt)}>{formatRelative(run.finishedAt)}</span>;
  const seconds = run.durationMs === null ? null : Math.max(1, Math.round(run.durationMs / 1000));
  return run.status === "succeeded" ? (
    <span>
      Completed {when}
      {seconds !== null && ` in ${seconds} s`}, {describeTrigger(run.trigger)}
    </span>
  ) : (
    <span className="text-destructive">
      Failed {when}: {run.error}
    </span>
  );
}

function ResyncButton({ running }: { running: boolean }) {
  const start = useMutation(api.syncHealth.reconcile);
  const [pending, setPending] = useState(false);
  async function onClick() {
    setPending(true);
    try {
      await start({});
      toast.success("Re-sync started");
    } catch (error) {
      toast.error(errorMessage(error));
    } finally {
      setPending(false);
    }
  }
  return (
    <Button size="sm" variant="outline" onClick={onClick} disabled={pending || running}>
      <RefreshCwIcon className={running ? "animate-spin" : undefined} aria-hidden />
      {running ? "Re-sync running…" : "Re-sync from Clerk"}
    </Button>
  );
}
