"use client";

import { useState } from "react";
import Link from "next/link";
import { ArrowRightIcon, HashIcon, ListPlusIcon, PlusIcon } from "lucide-react";
import { api } from "@/convex/_generated/api";
import { useSafeQuery } from "@/lib/hooks/use-safe-query";
import { useDocumentTitle } from "@/lib/hooks/use-document-title";
import { errorMessage } from "@/lib/errors";
import { roleLabel } from "@/lib/format";
import { useOrg } from "@/components/orgs/org-context";
import { PageHeader } from "@/components/layout/page-header";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Skeleton } from "@/components/ui/skeleton";
import { ListNameDialog } from "./list-name-dialog";
import { ListActionsMenu } from "./list-actions-menu";

/** `/orgs/[slug]`: the org's lists at a glance. */
export function OrgOverview() {
  const { org, href, can } = useOrg();
  const lists = useSafeQuery(api.lists.list, {});
  const [creating, setCreating] = useState(false);
  useDocumentTitle(org.name);

  return (
    <div className="mx-auto flex w-full max-w-4xl flex-col gap-8 px-4 py-8 sm:px-6">
      <PageHeader
        title={org.name}
        description={
          <span className="flex items-center gap-2">
            Your role <Badge variant={org.role === "org:admin" ? "brand" : "secondary"}>{roleLabel(org.role)}</Badge>
          </span>
        }
      />
      <section aria-labelledby="lists-heading" className="flex flex-col gap-3">
        <h2 id="lists-heading" className="text-sm font-medium text-muted-foreground">
          Lists
        </h2>
        {lists.status === "loading" && (
          <div className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-hidden>
            {[0, 1, 2].map((i) => (
              <Skeleton key={i} className="h-24 rounded-xl" />
            ))}
          </div>
        )}
        {lists.status === "error" && <p className="text-sm text-destructive">{errorMessage(lists.error)}</p>}
        {lists.status === "success" && lists.data.length === 0 && (
          <div className="flex flex-col items-center gap-3 rounded-xl border border-dashed px-6 py-16 text-center">
            <span className="flex size-11 items-center justify-center rounded-full bg-brand-soft text-brand">
              <ListPlusIcon className="size-5" aria-hidden />
            </span>
            <h3 className="font-medium">No lists yet</h3>
            <p className="max-w-xs text-sm text-muted-foreground">
              Lists hold your team&apos;s todos. Everyone in {org.name} sees changes as they happen.
            </p>
            {can("lists:write") && (
              <Button className="mt-1" onClick={() => setCreating(true)}>
                <PlusIcon aria-hidden />
                Create a list
              </Button>
            )}
          </div>
        )}
        {lists.status === "success" && lists.data.length > 0 && (
          <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {lists.data.map((list) => (
              <li key={list._id} className="group relative">
                <Link
                  href={href(`/lists/${list._id}`)}
                  className="flex h-full min-h-24 flex-col justify-between gap-4 rounded-xl border bg-card p-4 shadow-xs outline-none transition-[border-color,box-shadow] hover:border-foreground/20 hover:shadow-sm focus-visible:ring-[3px] focus-visible:ring-ring/50"
                >
                  <span className="flex items-center gap-2 pr-8 font-medium">
                    <HashIcon className="size-4 shrink-0 text-brand" aria-hidden />
                    <span className="truncate">{list.name}</span>
                  </span>
                  <span className="flex items-center gap-1 text-xs text-muted-foreground">
                    Open list
                    <ArrowRightIcon className="size-3 transition-transform group-hover:translate-x-0.5" aria-hidden />
                  </span>
                </Link>
                <div className="absolute top-3 right-3">
                  <ListActionsMenu list={list} />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <ListNameDialog open={creating} onOpenChange={setCreating} />
    </div>
  );
}
