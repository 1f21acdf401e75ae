import { Avatar, AvatarFallback, AvatarImage } from "@/components/ui/avatar";
import { hueOf, initials } from "@/lib/format";
import { cn } from "@/lib/utils";

/** A person's picture, or their initials on a tint derived from their name. */
export function UserAvatar({ name, imageUrl, className }: { name: string; imageUrl?: string | null; className?: string }) {
  const hue = hueOf(name);
  return (
    <Avatar className={cn("size-8", className)}>
      {imageUrl ? <AvatarImage src={imageUrl} alt="" /> : null}
      <AvatarFallback
        className="text-[11px] font-semibold text-white"
        style={{ backgroundColor: `oklch(0.5 0.12 ${hue})` }}
      >
        {initials(name)}
      </AvatarFallback>
    </Avatar>
  );
}
