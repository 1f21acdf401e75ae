import { api } from "@/convex/_generated/api";
import { ServerResults } from "@/lib/hooks/server-results";
import { preloadResults, request } from "@/lib/preload";
import { OrgShell } from "@/components/layout/org-shell";

export default async function OrgLayout({ children, params }: { children: React.ReactNode; params: Promise<{ slug: string }> }) {
  const [{ slug }, results] = await Promise.all([params, preloadResults([request(api.lists.list, {})])]);
  return (
    <ServerResults results={results}>
      <OrgShell segment={safeDecode(slug)}>{children}</OrgShell>
    </ServerResults>
  );
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
