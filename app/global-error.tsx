"use client";

import "./globals.css";

/** Last resort when the root layout itself fails. */
export default function GlobalError({ retry }: { error: unknown; retry: () => void }) {
  return (
    <html lang="en">
      <body className="flex min-h-dvh items-center justify-center bg-background px-4 font-sans text-foreground">
        <title>Something went wrong · Team Todos</title>
        <main className="flex max-w-md flex-col items-center gap-3 text-center">
          <h1 className="text-lg font-semibold">Something went wrong</h1>
          <p className="text-sm text-muted-foreground">The app failed to load. Try again in a moment.</p>
          <button
            type="button"
            onClick={() => retry()}
            className="mt-2 rounded-md border px-4 py-2 text-sm font-medium hover:bg-accent"
          >
            Try again
          </button>
        </main>
      </body>
    </html>
  );
}
