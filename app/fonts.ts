import localFont from "next/font/local";

/**
 * Geist Mono, from the `geist` package's own file, but not preloaded (the
 * package's `GeistMono` preloads it on every page): it only sets key hints
 * and ids, so it must not compete with the page's scripts for the first
 * requests; it swaps in when it arrives.
 */
export const GeistMono = localFont({
  src: "../node_modules/geist/dist/fonts/geist-mono/GeistMono-Variable.woff2",
  variable: "--font-geist-mono",
  weight: "100 900",
  display: "swap",
  preload: false,
  adjustFontFallback: false,
  fallback: ["ui-monospace", "SFMono-Regular", "Menlo", "Monaco", "Consolas", "monospace"],
});
