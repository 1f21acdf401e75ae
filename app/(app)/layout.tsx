import { Suspense } from "react";
import { RequireSignedIn } from "@/components/auth/require-signed-in";
import { MeProvider } from "@/components/orgs/me-provider";
import { AppHeader } from "@/components/layout/app-header";
import { AppSkeleton } from "@/components/layout/org-shell";
import { EarlyQueries } from "@/components/layout/early-queries";
import { ShortcutsDialog } from "@/components/layout/shortcuts-dialog";
import { SkipLink } from "@/components/layout/skip-link";
import { PaletteLauncher } from "@/components/palette/palette-launcher";

/** Every signed-in page: the header over the page, once the account is loaded. */
export default function AppLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
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
    </>
  );
}
