import { cn } from "@/lib/utils";
import { hueOf, initials } from "@/lib/format";

/** A rounded square with the org's first visible letter, tinted by its id (a rename keeps the colour). */
export function OrgAvatar({ orgId, name, className }: { orgId: string; name: string; className?: string }) {
  return (
    <span
      aria-hidden
      data-slot="org-avatar"
      className={cn("inline-flex size-5 shrink-0 items-center justify-center rounded-[5px] text-[10px] font-semibold text-white", className)}
      style={{ backgroundColor: `oklch(0.5 0.13 ${hueOf(orgId)})` }}
    >
      {initials(name).slice(0, 1)}
    </span>
  );
}
