/**
 * GET /api/me — an example of server-side access: authenticate the caller,
 * then query Convex with *their* token, so the same tenant rules apply as in
 * the browser. 401 JSON when signed out.
 */
import { NextResponse } from "next/server";
import { ConvexHttpClient } from "convex/browser";
import { api } from "@/convex/_generated/api";
import { convexServerUrl } from "@/lib/auth/server";
import { convexTokenForRequest } from "@/lib/auth/server-token";
import { appErrorData } from "@/lib/errors";

export const dynamic = "force-dynamic";

const STATUS = {
  UNAUTHENTICATED: 401,
  NO_ACTIVE_ORG: 409,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  INVALID_ARGUMENT: 400,
  CONFLICT: 409,
  RATE_LIMITED: 429,
} as const;

export async function GET() {
  let token: string | null;
  try {
    token = await convexTokenForRequest();
  } catch {
    return NextResponse.json({ code: "UNAVAILABLE", message: "Clerk is unavailable." }, { status: 503 });
  }
  if (!token) {
    return NextResponse.json({ code: "UNAUTHENTICATED", message: "Sign in to continue." }, { status: 401 });
  }
  const convex = new ConvexHttpClient(convexServerUrl());
  convex.setAuth(token);
  try {
    const me = await convex.query(api.me.get, {});
    return NextResponse.json(me, { headers: { "cache-control": "no-store" } });
  } catch (error) {
    const data = appErrorData(error);
    if (data) return NextResponse.json(data, { status: STATUS[data.code] ?? 400 });
    return NextResponse.json({ code: "UNAVAILABLE", message: "The backend is unavailable." }, { status: 502 });
  }
}
