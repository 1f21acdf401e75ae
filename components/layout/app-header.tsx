"use client";

import { LogoMark } from "@/components/brand/logo";
import { OrgSwitcher } from "@/components/orgs/org-switcher";
import { UserMenu } from "@/components/auth/user-menu";
import { orgPath, useMe } from "@/components/orgs/me-provider";
import { PaletteButton } from "@/components/palette/palette-launcher";
import { IntentLink } from "./intent-link";

/** The app's top bar: home, org switcher, search (⌘K), account. */
export function AppHeader() {
  const me = useMe();
  const home = me.activeOrg ? orgPath(me.activeOrg) : "/orgs";
  return (
    <header className="sticky top-0 z-30 flex h-12 min-w-0 shrink-0 items-center gap-1 border-b bg-background/80 px-3 backdrop-blur supports-[backdrop-filter]:bg-background/70 pointer-coarse:h-14">
      <IntentLink
        href={home}
        aria-label="Team Todos home"
        className="mr-1 flex shrink-0 items-center justify-center rounded-md p-1 outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 pointer-coarse:size-11"
      >
        <LogoMark />
      </IntentLink>
      <span aria-hidden className="text-lg font-light text-border select-none">
        /
      </span>
      <OrgSwitcher />
      <div className="ml-auto flex shrink-0 items-center gap-2">
        {me.activeOrg && <PaletteButton />}
        {/* A 44 px target on touch screens around the avatar button. */}
        <span className="flex items-center pointer-coarse:[&>button]:flex pointer-coarse:[&>button]:size-11 pointer-coarse:[&>button]:items-center pointer-coarse:[&>button]:justify-center">
          <UserMenu />
        </span>
      </div>
    </header>
  );
}
