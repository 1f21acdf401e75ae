import type { Metadata, Viewport } from "next";
import { GeistSans } from "geist/font/sans";
import { GeistMono } from "geist/font/mono";
import { ClerkProvider } from "@clerk/nextjs";
import { AuthProvider, authMode } from "@/lib/auth";
import { ThemeProvider } from "@/components/theme/theme-provider";
import { Toaster } from "@/components/theme/toaster";
import { TooltipProvider } from "@/components/ui/tooltip";
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
  const app = (
    <AuthProvider>
      <TooltipProvider>
        {children}
        <Toaster />
      </TooltipProvider>
    </AuthProvider>
  );
  return (
    <html lang="en" suppressHydrationWarning className={`${GeistSans.variable} ${GeistMono.variable}`}>
      <body className="min-h-dvh font-sans">
        <ThemeProvider>{authMode === "cloud" ? (
          <ClerkProvider
            signInUrl="/sign-in"
            signUpUrl="/sign-up"
            signInFallbackRedirectUrl="/orgs"
            signUpFallbackRedirectUrl="/orgs"
            afterSignOutUrl="/"
          >
            {app}
          </ClerkProvider>
        ) : app}</ThemeProvider>
      </body>
    </html>
  );
}
