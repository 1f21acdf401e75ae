/**
 * Calendar days as the app stores them ("YYYY-MM-DD", no time zone) and
 * what a due date means to the person looking: overdue, today, upcoming.
 *
 *   dueLabel("2025-04-01", "2025-03-31") // "Tomorrow"
 */
"use client";

import { useEffect, useState } from "react";
import { useHydrating, useServerToday } from "@/lib/hooks/server-results";
import { TIME_ZONE_COOKIE } from "@/lib/time-zone";

const pad = (n: number) => String(n).padStart(2, "0");

/** The local calendar day of `date`. */
export function localDay(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

const toDate = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(y!, m! - 1, d!);
};

export function addDays(day: string, days: number): string {
  const date = toDate(day);
  date.setDate(date.getDate() + days);
  return localDay(date);
}

/** The next Monday after `day` (a week from a Monday). */
export function nextWeek(day: string): string {
  const offset = ((8 - toDate(day).getDay()) % 7) || 7;
  return addDays(day, offset);
}

export type DueState = "overdue" | "today" | "upcoming";

export function dueState(day: string, today: string): DueState {
  return day < today ? "overdue" : day === today ? "today" : "upcoming";
}

let weekday: Intl.DateTimeFormat | undefined;
let monthDay: Intl.DateTimeFormat | undefined;
let fullDate: Intl.DateTimeFormat | undefined;

/** "Today", "Tomorrow", "Yesterday", a weekday within the week ahead, else "Mar 12" (with the year when not this one). */
export function dueLabel(day: string, today: string): string {
  if (day === today) return "Today";
  if (day === addDays(today, 1)) return "Tomorrow";
  if (day === addDays(today, -1)) return "Yesterday";
  const date = toDate(day);
  if (day > today && day < addDays(today, 7)) return (weekday ??= new Intl.DateTimeFormat("en", { weekday: "long" })).format(date);
  if (day.slice(0, 4) === today.slice(0, 4)) return (monthDay ??= new Intl.DateTimeFormat("en", { month: "short", day: "numeric" })).format(date);
  return (fullDate ??= new Intl.DateTimeFormat("en", { month: "short", day: "numeric", year: "numeric" })).format(date);
}

/** Today's local day, updated when the clock passes midnight. */
export function useToday(): string {
  // Rendering on the server, or hydrating what it rendered: the server's day, so both render alike.
  const served = useServerToday();
  const hydrating = useHydrating(served !== null);
  const [today, setToday] = useState(() => (hydrating && served) || localDay());
  useEffect(() => {
    if (today !== localDay()) {
      setToday(localDay());
      return;
    }
    const now = new Date();
    const midnight = new Date(now.getFullYear(), now.getMonth(), now.getDate() + 1).getTime() - now.getTime();
    const timer = setTimeout(() => setToday(localDay()), midnight + 1000);
    return () => clearTimeout(timer);
  }, [today]);
  return today;
}

/**
 * Keeps the time zone cookie on this browser's zone (set on every page, so
 * the first list page has it). Once the page is idle: the first
 * `Intl.DateTimeFormat` of a page loads the time zone data, tens of
 * milliseconds the load has better uses for, and the cookie is only read
 * by the next page.
 */
export function TimeZoneCookie() {
  useEffect(() => {
    const idle = window.requestIdleCallback ?? ((run: () => void) => window.setTimeout(run, 1000));
    const cancel = window.cancelIdleCallback ?? window.clearTimeout;
    const handle = idle(() => {
      const zone = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone);
      if (!document.cookie.split("; ").includes(`${TIME_ZONE_COOKIE}=${zone}`)) {
        document.cookie = `${TIME_ZONE_COOKIE}=${zone}; path=/; max-age=31536000; samesite=lax`;
      }
    });
    return () => cancel(handle);
  }, []);
  return null;
}
