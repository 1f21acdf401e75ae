/** Display helpers shared by the screens. */

type Named = { firstName?: string | null; lastName?: string | null; email?: string | null };

export function displayName(person: Named, fallback = "Unknown member"): string {
  const name = [person.firstName, person.lastName].filter(Boolean).join(" ").trim();
  return name || person.email || fallback;
}

export function initials(name: string): string {
  const parts = name.replace(/@.*/, "").split(/[\s._-]+/).filter(Boolean);
  const letters = parts.length > 1 ? [parts[0]![0], parts[parts.length - 1]![0]] : [parts[0]?.[0], parts[0]?.[1]];
  return letters.filter(Boolean).join("").toUpperCase() || "?";
}

/** "Admin", "Member", or a custom role's name from "org:<role>". */
export function roleLabel(role: string): string {
  const key = role.replace(/^org:/, "");
  return key.charAt(0).toUpperCase() + key.slice(1).replace(/_/g, " ");
}

export const isAdminRole = (role: string | null | undefined) => role === "org:admin";

const dateFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric" });
const dateTimeFormat = new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric", hour: "numeric", minute: "2-digit" });

export function formatDate(ms: number | null | undefined): string {
  return ms ? dateFormat.format(new Date(ms)) : "—";
}

export function formatDateTime(ms: number | null | undefined): string {
  return ms ? dateTimeFormat.format(new Date(ms)) : "—";
}

const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

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
    if (abs >= size) return relative.format(Math.round(diff / size), unit);
  }
  return "just now";
}

/** A stable hue (0–359) for a string, for avatar tints. */
export function hueOf(text: string): number {
  let hash = 0;
  for (let i = 0; i < text.length; i++) hash = (hash * 31 + text.charCodeAt(i)) | 0;
  return Math.abs(hash) % 360;
}
