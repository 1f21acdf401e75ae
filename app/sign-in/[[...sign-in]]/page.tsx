import type { Metadata } from "next";
import { SignIn } from "@clerk/nextjs";
import { AuthPageFrame } from "@/components/auth/auth-page-frame";
import { DemoAccounts } from "@/components/auth/demo-accounts";
import { AFTER_SIGN_IN_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/config";
import { returnPath } from "@/lib/auth/demo";

export const metadata: Metadata = { title: "Sign in" };

/** Clerk's `<SignIn/>` (it returns to `redirect_url`), and the demo accounts when configured. */
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const redirectUrl = returnPath((await searchParams).redirect_url);
  return (
    <AuthPageFrame>
      <SignIn path={SIGN_IN_PATH} signUpUrl={SIGN_UP_PATH} fallbackRedirectUrl={AFTER_SIGN_IN_PATH} />
      <DemoAccounts redirectUrl={redirectUrl} />
    </AuthPageFrame>
  );
}
