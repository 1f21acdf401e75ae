import { cn } from "@/lib/utils";
import { hueOf, initials } from "@/lib/format";

/** A rounded square with the org's initials, tinted by its name. */
export function OrgAvatar({ name, className }: { name: string; className?: string }) {
  const hue = hueOf(name);
  return (
    <span
      aria-hidden
      className={cn("inline-flex size-5 shrink-0 items-center justify-center rounded-[5px] text-[10px] font-semibold text-white", className)}
      style={{ backgroundColor: `oklch(0.5 0.13 ${hue})` }}
    >
      {initials(name).slice(0, 1)}
    </span>
  );
}
