import Link from "next/link";
import { Building2Icon, KeyboardIcon, ZapIcon } from "lucide-react";
import { Logo } from "@/components/brand/logo";
import { HeroAuthActions, NavAuthActions } from "@/components/landing/auth-actions";
import { ProductPreview } from "@/components/landing/product-preview";
import { ThemeMenu } from "@/components/theme/theme-menu";

const FEATURES = [
  {
    icon: Building2Icon,
    title: "Organizations and roles",
    text: "Every team gets its own space. Admins invite people and manage roles; members get to work.",
  },
  {
    icon: ZapIcon,
    title: "Real time, for everyone",
    text: "Check something off and your teammates see it instantly. No refresh, no stale lists.",
  },
  {
    icon: KeyboardIcon,
    title: "Made for the keyboard",
    text: "N to add, J and K to move, X to complete, E to edit. Your hands never leave the keys.",
  },
];

/** The public landing page. */
export default function LandingPage() {
  return (
    <div className="flex min-h-dvh flex-col">
      <header className="sticky top-0 z-30 border-b bg-background/80 backdrop-blur">
        <div className="mx-auto flex h-14 max-w-6xl items-center gap-2 px-4 sm:px-6">
          <Link href="/" className="flex items-center rounded-md outline-none focus-visible:ring-[3px] focus-visible:ring-ring/50 pointer-coarse:min-h-11">
            <Logo />
          </Link>
          <div className="ml-auto flex items-center gap-1.5">
            <ThemeMenu />
            <NavAuthActions />
          </div>
        </div>
      </header>
      <main id="main" className="flex-1">
        <section className="relative overflow-hidden">
          <div
            aria-hidden
            className="pointer-events-none absolute inset-x-0 top-0 -z-10 h-[520px] bg-[radial-gradient(60%_60%_at_50%_0%,var(--brand-soft),transparent)] opacity-80"
          />
          <div className="mx-auto flex max-w-6xl flex-col items-center gap-8 px-4 pt-20 pb-16 text-center sm:px-6 sm:pt-28">
            <span className="rounded-full border bg-background/60 px-3 py-1 text-xs text-muted-foreground">
              Shared lists · Organizations · Real time
            </span>
            <h1 className="max-w-3xl text-4xl font-semibold tracking-tight text-balance sm:text-6xl">
              The todo list your whole team actually keeps up to date.
            </h1>
            <p className="max-w-xl text-base text-balance text-muted-foreground sm:text-lg">
              Team Todos gives every organization shared lists, clear ownership and instant updates — quick enough that
              people use it.
            </p>
            <HeroAuthActions />
            <div className="mt-8 w-full max-w-4xl">
              <ProductPreview />
            </div>
          </div>
        </section>
        <section aria-labelledby="features-heading" className="border-t bg-muted/30">
          <div className="mx-auto max-w-6xl px-4 py-20 sm:px-6">
            <h2 id="features-heading" className="sr-only">
              Features
            </h2>
            <ul className="grid gap-10 sm:grid-cols-3">
              {FEATURES.map(({ icon: Icon, title, text }) => (
                <li key={title} className="flex flex-col gap-3">
                  <span className="flex size-9 items-center justify-center rounded-lg border bg-background shadow-xs">
                    <Icon className="size-4 text-brand" aria-hidden />
                  </span>
                  <h3 className="font-medium">{title}</h3>
                  <p className="text-sm leading-relaxed text-muted-foreground">{text}</p>
                </li>
              ))}
            </ul>
          </div>
        </section>
      </main>
      <footer className="border-t">
        <div className="mx-auto flex max-w-6xl items-center justify-between px-4 py-6 text-xs text-muted-foreground sm:px-6">
          <span>© Team Todos</span>
          <span>Built on Next.js, Convex and Clerk</span>
        </div>
      </footer>
    </div>
  );
}
