import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "./fonts";
import { ClerkProvider } from "@clerk/nextjs";
import { AuthProvider } from "@/lib/auth";
import { AFTER_SIGN_IN_PATH, ONBOARDING_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/config";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { Toaster } from "@/components/theme/toaster";
import { TooltipProvider } from "@/components/ui/tooltip";
import { TimeZoneCookie } from "@/lib/dates";
import { HydrationMark } from "@/lib/hooks/server-results";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Team Todos", template: "%s · Team Todos" },
  description: "Shared todo lists for teams: organizations, roles and real-time lists.",
};

export const viewport: Viewport = {
  themeColor: [
    { media: "(prefers-color-scheme: light)", color: "#ffffff" },
    { media: "(prefers-color-scheme: dark)", color: "#131316" },
  ],
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">
        <ThemeProvider>
          <ClerkProvider
            signInUrl={SIGN_IN_PATH}
            signUpUrl={SIGN_UP_PATH}
            signInFallbackRedirectUrl={AFTER_SIGN_IN_PATH}
            signUpFallbackRedirectUrl={AFTER_SIGN_IN_PATH}
            afterSignOutUrl="/"
            // A new user without an organization picks or creates one on the app's own page.
            taskUrls={{ "choose-organization": ONBOARDING_PATH }}
          >
            <AuthProvider>
              <TooltipProvider>
                {children}
                <Toaster />
                <TimeZoneCookie />
                <HydrationMark />
              </TooltipProvider>
            </AuthProvider>
          </ClerkProvider>
        </ThemeProvider>
      </body>
    </html>
  );
}
