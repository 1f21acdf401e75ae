import type { Metadata } from "next";
import { SignUp } from "@clerk/nextjs";
import { AuthPageFrame } from "@/components/auth/auth-page-frame";
import { AFTER_SIGN_IN_PATH, SIGN_IN_PATH, SIGN_UP_PATH } from "@/lib/auth/config";

export const metadata: Metadata = { title: "Create your account" };

/** Clerk's `<SignUp/>`; a new user without an organization continues at /onboarding (session task). */
export default function SignUpPage() {
  return (
    <AuthPageFrame>
      <SignUp path={SIGN_UP_PATH} signInUrl={SIGN_IN_PATH} fallbackRedirectUrl={AFTER_SIGN_IN_PATH} />
    </AuthPageFrame>
  );
}
