import { cn } from "@/lib/utils";

/** A form field's validation message, announced when it appears. */
function FieldError({ className, children, ...props }: React.ComponentProps<"p">) {
  if (!children) return null;
  return (
    <p role="alert" className={cn("text-xs text-destructive", className)} {...props}>
      {children}
    </p>
  );
}

export { FieldError };
