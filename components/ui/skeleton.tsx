import { cn } from "@/lib/utils";

/**
 * A placeholder in the shape of what is loading. It does not pulse: most
 * loads show it for a fraction of a second, and a page shell has dozens of
 * them, each an animation for the compositor to run through the load
 * (about 60 ms of a fresh list page on a two-core machine).
 */
function Skeleton({ className, ...props }: React.ComponentProps<"div">) {
  return <div data-slot="skeleton" aria-hidden className={cn("rounded-md bg-muted", className)} {...props} />;
}

export { Skeleton };
