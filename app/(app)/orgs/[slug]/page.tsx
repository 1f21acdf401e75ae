import { OrgOverview } from "@/components/lists/org-overview";

export default function OrgPage() {
  return <OrgOverview />;
}
