import { cn } from "@/lib/utils";

/**
 * A page's title row: the one h1 (truncated on one line, the full text in
 * its tooltip), an optional badge and description, actions on the right
 * that a long title never pushes away.
 */
export function PageHeader({
  title,
  badge,
  description,
  actions,
  className,
  children,
}: {
  title: string;
  badge?: React.ReactNode;
  description?: React.ReactNode;
  actions?: React.ReactNode;
  className?: string;
  children?: React.ReactNode;
}) {
  return (
    <div className={cn("flex min-w-0 flex-col gap-4", className)}>
      <div className="flex min-w-0 items-start gap-3">
        <div className="flex min-w-0 flex-1 flex-col gap-1">
          <div className="flex min-w-0 items-center gap-2">
            <h1 title={title} className="min-w-0 truncate text-xl font-semibold tracking-tight">
              {title}
            </h1>
            {badge}
          </div>
          {description && <div className="min-w-0 text-sm text-muted-foreground [overflow-wrap:anywhere]">{description}</div>}
        </div>
        {actions && <div className="flex shrink-0 items-center gap-2">{actions}</div>}
      </div>
      {children}
    </div>
  );
}
