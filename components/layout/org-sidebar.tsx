"use client";

import { IntentLink } from "./intent-link";
import { usePathname } from "next/navigation";
import { CircleUserRoundIcon, HistoryIcon, LayoutGridIcon, SettingsIcon, UsersIcon } from "lucide-react";
import { cn } from "@/lib/utils";
import { useOrg } from "@/components/orgs/org-context";
import { SidebarLists } from "@/components/lists/sidebar-lists";

/** The org's navigation: overview, my todos, members, activity and settings (admins), then its lists. */
export function OrgSidebar({ onNavigate }: { onNavigate?: () => void }) {
  const { href, isAdmin } = useOrg();
  const pathname = usePathname();
  const items = [
    { path: href(), label: "Overview", icon: LayoutGridIcon },
    { path: href("/my"), label: "My todos", icon: CircleUserRoundIcon },
    { path: href("/members"), label: "Members", icon: UsersIcon },
    ...(isAdmin
      ? [
          { path: href("/activity"), label: "Activity", icon: HistoryIcon },
          { path: href("/settings"), label: "Settings", icon: SettingsIcon },
        ]
      : []),
  ];
  return (
    <nav aria-label="Organization" className="flex flex-col gap-5 p-3">
      <ul className="flex flex-col gap-0.5">
        {items.map(({ path, label, icon: Icon }) => {
          const active = pathname === path;
          return (
            <li key={path}>
              <IntentLink
                href={path}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "flex h-8 items-center gap-2 rounded-md px-2 text-sm outline-none transition-colors pointer-coarse:h-11 hover:bg-sidebar-accent focus-visible:ring-[3px] focus-visible:ring-ring/50",
                  active ? "bg-sidebar-accent font-medium text-foreground" : "text-sidebar-foreground/80",
                )}
              >
                <Icon className="size-4 text-muted-foreground" aria-hidden />
                {label}
              </IntentLink>
            </li>
          );
        })}
      </ul>
      <SidebarLists onNavigate={onNavigate} />
    </nav>
  );
}
