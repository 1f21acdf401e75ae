import type { Metadata } from "next";
import { OrgRedirect } from "@/components/orgs/org-redirect";

export const metadata: Metadata = { title: "Organizations" };

/** `/orgs`: straight to the active org, or to onboarding when there is none. */
export default function OrgsPage() {
  return <OrgRedirect />;
}
