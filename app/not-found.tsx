import Link from "next/link";
import { Button } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main id="main" className="flex min-h-dvh flex-col items-center justify-center gap-3 px-4 text-center">
      <p className="font-mono text-sm text-muted-foreground">404</p>
      <h1 className="text-xl font-semibold">This page doesn&apos;t exist</h1>
      <p className="text-sm text-muted-foreground">The link may be broken, or the page may have moved.</p>
      <Button asChild variant="outline" className="mt-2">
        <Link href="/">Back home</Link>
      </Button>
    </main>
  );
}
