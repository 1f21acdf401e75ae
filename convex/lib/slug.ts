/**
 * Organization slugs from what a person sees of the name: markup-like tags
 * are not text ("<b>Nina</b> & Co" → "nina-co"), accents fold to their
 * letters ("Café Zoë" → "cafe-zoe"), anything else separates words.
 *
 *   slugCandidates("Acme") // ["acme", "acme-2", …, "acme-9", "acme-<random>"]
 */

/** The name without anything that looks like an HTML tag. */
export const visibleText = (name: string) => name.replace(/<\/?[a-z][^<>]*>/gi, " ").replace(/\s+/g, " ").trim();

export function slugify(name: string): string {
  const slug = visibleText(name)
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 48)
    .replace(/-+$/, "");
  return slug || "org";
}

/** The slug, then numbered ones, then a random one that is all but certain to be free. */
export function slugCandidates(name: string): string[] {
  const base = slugify(name);
  const numbered = Array.from({ length: 8 }, (_, i) => `${base}-${i + 2}`);
  return [base, ...numbered, `${base}-${crypto.randomUUID().slice(0, 8)}`];
}
