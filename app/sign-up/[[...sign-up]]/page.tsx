import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignUp } from "@clerk/nextjs";
import { authMode } from "@/lib/auth/config";
import { localSignInRedirectUrl, safeReturnPath } from "@/lib/auth/server";
import { AuthPageFrame } from "@/components/auth/auth-page-frame";

export const metadata: Metadata = { title: "Create your account" };

/** Local mode has one page for both: the provider's sign-in creates users too. */
export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const returnTo = safeReturnPath((await searchParams).redirect_url);
  if (authMode === "local") redirect(await localSignInRedirectUrl(returnTo));
  return (
    <AuthPageFrame>
      <SignUp path="/sign-up" signInUrl="/sign-in" fallbackRedirectUrl={returnTo} />
    </AuthPageFrame>
  );
}
