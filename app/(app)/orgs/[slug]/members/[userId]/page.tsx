import type { Metadata } from "next";
import { MemberPage } from "@/components/members/member-page";

export const metadata: Metadata = { title: "Member" };

export default async function Page({ params }: { params: Promise<{ userId: string }> }) {
  const { userId } = await params;
  return <MemberPage key={userId} userId={decodeURIComponent(userId)} />;
}
