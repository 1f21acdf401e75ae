import { Suspense } from "react";
import { api } from "@/convex/_generated/api";
import { ServerResults } from "@/lib/hooks/server-results";
import { preloadResults, request, serverToday } from "@/lib/preload";
import { RequireSignedIn } from "@/components/auth/require-signed-in";
import { MeProvider } from "@/components/orgs/me-provider";
import { AppHeader } from "@/components/layout/app-header";
import { AppSkeleton } from "@/components/layout/org-shell";
import { EarlyQueries } from "@/components/layout/early-queries";
import { ShortcutsDialog } from "@/components/layout/shortcuts-dialog";
import { SkipLink } from "@/components/layout/skip-link";
import { PaletteLauncher } from "@/components/palette/palette-launcher";

/** Every signed-in page: the header over the page, once the account is loaded (on the server, when it can). */
export default async function AppLayout({ children }: { children: React.ReactNode }) {
  const [results, today] = await Promise.all([preloadResults([request(api.me.get, {})]), serverToday()]);
  return (
    <ServerResults results={results} today={today}>
      {/* It reads the URL's search params: its own boundary keeps that from suspending the page. */}
      <Suspense fallback={null}>
        <EarlyQueries />
      </Suspense>
      <RequireSignedIn fallback={<AppSkeleton />}>
        <MeProvider fallback={<AppSkeleton />}>
          <div className="flex min-h-dvh flex-col">
            <SkipLink />
            <AppHeader />
            {children}
          </div>
          <ShortcutsDialog />
          <PaletteLauncher />
        </MeProvider>
      </RequireSignedIn>
    </ServerResults>
  );
}
