/**
 * The browser's time zone, told to the server by a cookie (`TimeZoneCookie`
 * in lib/dates.ts), so a page the server renders shows the browser's
 * calendar day: "Today" and "Overdue" mean the same in its HTML as after
 * hydration.
 *
 *   dayInZone("Pacific/Auckland", new Date("2025-03-31T12:00:00Z")) // "2025-04-01"
 */

export const TIME_ZONE_COOKIE = "tz";

/** The calendar day ("YYYY-MM-DD") of `date` in `zone`, or null for a zone this runtime does not know. */
export function dayInZone(zone: string, date = new Date()): string | null {
  try {
    const parts = new Intl.DateTimeFormat("en", { timeZone: zone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(date);
    const part = (type: string) => parts.find((p) => p.type === type)?.value;
    return `${part("year")}-${part("month")}-${part("day")}`;
  } catch {
    return null;
  }
}
