/** Display helpers shared by the screens. */

type Named = { firstName?: string | null; lastName?: string | null; email?: string | null };

export function displayName(person: Named, fallback = "Unknown member"): string {
  const name = [person.firstName, person.lastName].filter(Boolean).join(" ").trim();
  return name || person.email || fallback;
}

/** A name as a person sees it: markup-like tags are not text ("<b>Nina</b> & Co" reads "Nina & Co"). */
export const visibleText = (name: string) => name.replace(/<\/?[a-z][^<>]*>/gi, " ").replace(/\s+/g, " ").trim();

/** Up to two letters or digits from the visible words of a name or email ("Ada Lovelace" → "AL", "<b>Nina</b> & Co" → "NC"). */
export function initials(name: string): string {
  const words = visibleText(name).replace(/@.*/, "").split(/[^\p{L}\p{N}]+/u).filter(Boolean);
  const first = (word: string | undefined) => (word ? Array.from(word)[0] : undefined);
  const letters = words.length > 1 ? [first(words[0]), first(words[words.length - 1])] : Array.from(words[0] ?? "").slice(0, 2);
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

/** "Admin", "Member", or a custom role's name from "org:<role>". */
export function roleLabel(role: string): string {
  const key = role.replace(/^org:/, "");
  return key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, " ");
}

export const isAdminRole = (role: string | null | undefined) => role === "org:admin";

// Made on first use: a formatter costs milliseconds to build, and most pages format nothing at load.
let dateFormat: Intl.DateTimeFormat | undefined;
let dateTimeFormat: Intl.DateTimeFormat | undefined;
let relative: Intl.RelativeTimeFormat | undefined;

export function formatDate(ms: number | null | undefined): string {
  if (!ms) return "—";
  dateFormat ??= new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric" });
  return dateFormat.format(new Date(ms));
}

export function formatDateTime(ms: number | null | undefined): string {
  if (!ms) return "—";
  dateTimeFormat ??= new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });
  return dateTimeFormat.format(new Date(ms));
}

/** "in 6 days", "yesterday", "3 hours ago". */
export function formatRelative(ms: number | null | undefined, now = Date.now()): string {
  if (!ms) return "—";
  const diff = ms - now;
  const abs = Math.abs(diff);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ["day", 86_400_000],
    ["hour", 3_600_000],
    ["minute", 60_000],
  ];
  for (const [unit, size] of units) {
    if (abs >= size) return (relative ??= new Intl.RelativeTimeFormat("en", { numeric: "auto" })).format(Math.round(diff / size), unit);
  }
  return "just now";
}

/** A stable hue (0–359) for a string, for avatar tints: pass an id, so renaming keeps the colour. */
export function hueOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}
