"use client";

import { useState, type ReactNode } from "react";
import { MenuIcon, XIcon } from "lucide-react";
import { OrgGate } from "@/components/orgs/org-gate";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTitle } from "@/components/ui/dialog";
import { Skeleton } from "@/components/ui/skeleton";
import { OrgSidebar } from "./org-sidebar";

/** Sidebar + main for every page of an organization, behind the org gate. */
export function OrgShell({ segment, children }: { segment: string; children: ReactNode }) {
  const [menuOpen, setMenuOpen] = useState(false);
  return (
    <OrgGate segment={segment} fallback={<OrgBodySkeleton />}>
      <div className="flex min-h-0 flex-1">
        <aside className="hidden w-60 min-w-0 shrink-0 border-r bg-sidebar md:block">
          <div className="sticky top-12 max-h-[calc(100dvh-3rem)] overflow-y-auto">
            <OrgSidebar />
          </div>
        </aside>
        <div className="flex min-w-0 flex-1 flex-col">
          <div className="border-b px-3 py-1.5 md:hidden">
            <Button variant="ghost" size="sm" onClick={() => setMenuOpen(true)} aria-haspopup="dialog">
              <MenuIcon aria-hidden />
              Menu
            </Button>
          </div>
          <main id="main" className="flex min-w-0 flex-1 flex-col">
            {children}
          </main>
        </div>
      </div>
      <Dialog open={menuOpen} onOpenChange={setMenuOpen}>
        {/* The drawer: its own title row holds the close button, so nothing sits on top of the first item. */}
        <DialogContent showClose={false} className="top-0 left-0 flex h-dvh w-[min(18rem,calc(100vw-3rem))] max-w-none translate-x-0 flex-col gap-0 overflow-hidden rounded-none p-0">
          <div className="flex h-12 shrink-0 items-center justify-between border-b pr-1.5 pl-4 pointer-coarse:h-14">
            <DialogTitle className="text-sm">Menu</DialogTitle>
            <DialogClose asChild>
              <Button variant="ghost" size="icon-sm" aria-label="Close menu">
                <XIcon aria-hidden />
              </Button>
            </DialogClose>
          </div>
          <div className="min-h-0 flex-1 overflow-y-auto">
            <OrgSidebar onNavigate={() => setMenuOpen(false)} />
          </div>
        </DialogContent>
      </Dialog>
    </OrgGate>
  );
}

/** Sidebar and page outline while the org loads or becomes active. */
export function OrgBodySkeleton() {
  return (
    <div className="flex min-h-0 flex-1" role="status" aria-label="Loading organization">
      <div className="hidden w-60 shrink-0 flex-col gap-2 border-r bg-sidebar p-3 md:flex">
        {[60, 45, 50].map((w) => (
          <Skeleton key={w} className="h-6" style={{ width: `${w}%` }} />
        ))}
        <Skeleton className="mt-5 h-4 w-16" />
        {[80, 65, 72].map((w) => (
          <Skeleton key={`l${w}`} className="h-6" style={{ width: `${w}%` }} />
        ))}
      </div>
      <PageSkeleton />
    </div>
  );
}

export function PageSkeleton() {
  return (
    <div className="mx-auto flex w-full max-w-3xl flex-col gap-4 px-6 py-10" aria-hidden>
      <Skeleton className="h-7 w-48" />
      <Skeleton className="h-4 w-72" />
      <Skeleton className="mt-6 h-10 w-full" />
      {[92, 78, 85, 64].map((w) => (
        <Skeleton key={w} className="h-9" style={{ width: `${w}%` }} />
      ))}
    </div>
  );
}

/** Header + body outline while the account loads. */
export function AppSkeleton() {
  return (
    <div className="flex min-h-dvh flex-col">
      <div aria-hidden className="flex h-12 shrink-0 items-center gap-3 border-b px-3">
        <Skeleton className="size-6" />
        <Skeleton className="h-5 w-36" />
        <Skeleton className="ml-auto size-7 rounded-full" />
      </div>
      <OrgBodySkeleton />
    </div>
  );
}
