"use client";

import Link from "next/link";
import { ArrowLeftIcon, UserRoundXIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { formatDate, roleLabel } from "@/lib/format";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { errorMessage } from "@/lib/errors";
import { useMe } from "@/components/orgs/me-provider";
import { useOrg } from "@/components/orgs/org-context";
import { PageSkeleton } from "@/components/layout/org-shell";
import { AssignedTodos } from "@/components/todos/assigned-todos";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { memberName } from "./member-name";
import { UserAvatar } from "./user-avatar";

/** `/orgs/[slug]/members/[userId]`: one member, their role, and what is assigned to them. */
export function MemberPage({ userId }: { userId: string }) {
  const { org, href } = useOrg();
  const me = useMe();
  const member = useSafeQuery(api.members.get, { userId });
  const name = member.status === "success" && member.data ? memberName(member.data) : null;
  useDocumentTitle(name ? `${name} · ${org.name}` : null);
  if (member.status === "loading") return <PageSkeleton />;
  if (member.status === "error" || !member.data) {
    return (
      <div className="flex flex-1 items-center justify-center px-4 py-20">
        <div className="flex max-w-sm flex-col items-center gap-3 text-center">
          <span className="flex size-10 items-center justify-center rounded-full bg-muted text-muted-foreground">
            <UserRoundXIcon className="size-5" aria-hidden />
          </span>
          <h1 className="text-lg font-semibold">Member not found</h1>
          <p className="text-sm text-muted-foreground">
            {member.status === "error" ? errorMessage(member.error) : `They are not a member of ${org.name}, or no longer.`}
          </p>
          <Button asChild variant="outline">
            <Link href={href("/members")}>All members</Link>
          </Button>
        </div>
      </div>
    );
  }
  const m = member.data;
  const isMe = m.userId === me.userId;
  return (
    <div className="mx-auto flex w-full max-w-3xl min-w-0 flex-col gap-6 px-4 py-6 sm:px-6 sm:py-8">
      <Link href={href("/members")} className="inline-flex w-fit items-center gap-1 text-sm text-muted-foreground hover:text-foreground pointer-coarse:min-h-11">
        <ArrowLeftIcon className="size-4" aria-hidden />
        Members
      </Link>
      <div className="flex min-w-0 items-center gap-4">
        <UserAvatar name={name ?? "?"} imageUrl={m.imageUrl} className="size-12 text-base" />
        <div className="flex min-w-0 flex-col gap-1">
          <h1 className="truncate text-xl font-semibold tracking-tight" title={name ?? undefined}>
            {name}
            {isMe && <span className="text-muted-foreground"> (you)</span>}
          </h1>
          <p className="flex min-w-0 flex-wrap items-center gap-2 text-sm text-muted-foreground">
            <Badge variant={m.role === "org:admin" ? "brand" : "secondary"}>{roleLabel(m.role)}</Badge>
            {m.email && m.email !== name && <span className="truncate">{m.email}</span>}
            <span>Joined {formatDate(m.joinedAt)}</span>
          </p>
        </div>
      </div>
      <section aria-label={`Assigned to ${name}`} className="flex min-w-0 flex-col gap-3">
        <h2 className="text-sm font-medium text-muted-foreground">Assigned open todos</h2>
        <AssignedTodos userId={m.userId} emptyText={`Nothing open is assigned to ${isMe ? "you" : name}.`} />
      </section>
    </div>
  );
}
