/**
 * POST /api/demo-sign-in (form: `email`, `redirect_url`) — "Continue as …"
 * on the sign-in page: mints a short-lived Clerk sign-in token for one of the
 * configured demo accounts (lib/auth/demo.ts) and sends the browser to
 * `/sign-in?__clerk_ticket=…`, where Clerk's `<SignIn/>` completes it (the
 * `ticket` strategy). Anything but a demo account's email is refused.
 */
import { NextResponse, type NextRequest } from "next/server";
import { clerkClient } from "@clerk/nextjs/server";
import { SIGN_IN_PATH } from "@/lib/auth/config";
import { demoAccounts, returnPath } from "@/lib/auth/demo";

export const dynamic = "force-dynamic";

export async function POST(req: NextRequest) {
  const form = await req.formData().catch(() => null);
  const email = String(form?.get("email") ?? "").trim().toLowerCase();
  if (!email || !demoAccounts().includes(email)) {
    return NextResponse.json({ code: "FORBIDDEN", message: "Not a demo account." }, { status: 403 });
  }
  const clerk = await clerkClient();
  const { data: users } = await clerk.users.getUserList({ emailAddress: [email], limit: 1 });
  const user = users[0];
  if (!user) return NextResponse.json({ code: "NOT_FOUND", message: `No user ${email}.` }, { status: 404 });
  const { token } = await clerk.signInTokens.createSignInToken({ userId: user.id, expiresInSeconds: 120 });
  const target = new URL(SIGN_IN_PATH, req.nextUrl.origin);
  target.searchParams.set("__clerk_ticket", token);
  const back = returnPath(form?.get("redirect_url"));
  if (back) target.searchParams.set("redirect_url", back);
  return NextResponse.redirect(target, 303);
}
