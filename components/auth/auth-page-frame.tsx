import Link from "next/link";
import { Logo } from "@/components/brand/logo";

/** The quiet page around Clerk's sign-in and sign-up cards. */
export function AuthPageFrame({ children }: { children: React.ReactNode }) {
  return (
    <div className="flex min-h-dvh flex-col items-center justify-center gap-8 bg-muted/40 px-4 py-12">
      <Link href="/" className="rounded-md focus-visible:ring-[3px] focus-visible:ring-ring/50 focus-visible:outline-none">
        <Logo />
      </Link>
      <main className="flex flex-col items-center gap-6">{children}</main>
    </div>
  );
}
