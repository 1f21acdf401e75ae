import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignIn } from "@clerk/nextjs";
import { authMode } from "@/lib/auth/config";
import { localSignInRedirectUrl, safeReturnPath } from "@/lib/auth/server";
import { AuthPageFrame } from "@/components/auth/auth-page-frame";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).redirect_url);
  if (authMode === "local") redirect(await localSignInRedirectUrl(returnTo));
  return (
    <AuthPageFrame>
      <SignIn path="/sign-in" signUpUrl="/sign-up" fallbackRedirectUrl={returnTo} />
    </AuthPageFrame>
  );
}
