/**
 * Cron jobs from `crons.ts` (cronJobs()): when each runs next, and timers
 * that run them. Times are UTC, as in Convex. A job whose definition did not
 * change keeps its timer across code reloads.
 */
import { clearTimeout, rootTimeout } from "./rootContext";
import type { CronSpec } from "./runtime";

const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];
const MINUTE = 60_000;
/** setTimeout's limit; longer waits re-arm. */
const MAX_DELAY = 2 ** 31 - 1;

/** Convex picks a minute per job when none is given; a stable one from the name. */
function minuteFor(name: string, minute: unknown): number {
  if (typeof minute === "number") return minute;
  let hash = 0;
  for (const char of name) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 60;
}

type Field = Set<number>;

function parseField(field: string, min: number, max: number, names: string[] = []): Field {
  const values = new Set<number>();
  for (const part of field.toLowerCase().split(",")) {
    const [range = "", stepText] = part.split("/");
    const step = stepText === undefined ? 1 : Number(stepText);
    const value = (text: string) => {
      const named = names.findIndex((n) => n.startsWith(text) && text.length >= 3);
      const n = named >= 0 ? named + min : Number(text);
      if (!Number.isInteger(n) || n < min || n > max + (max === 6 ? 1 : 0)) throw new Error(`Invalid cron field "${field}"`);
      return max === 6 && n === 7 ? 0 : n; // day of week 7 = Sunday
    };
    let from = min;
    let to = max;
    if (range !== "*") {
      const [a = "", b] = range.split("-");
      from = value(a);
      to = b === undefined ? (stepText === undefined ? from : max) : value(b);
    }
    if (!Number.isInteger(step) || step < 1) throw new Error(`Invalid cron step in "${field}"`);
    for (let n = from; n <= to; n += step) values.add(n);
  }
  return values;
}

export type CronExpression = { minute: Field; hour: Field; day: Field; month: Field; weekday: Field; dayRestricted: boolean; weekdayRestricted: boolean };

/** Five fields: minute hour day-of-month month day-of-week. */
export function parseCron(expression: string): CronExpression {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) throw new Error(`Cron expression "${expression}" must have 5 fields`);
  const [minute, hour, day, month, weekday] = fields as [string, string, string, string, string];
  return {
    minute: parseField(minute, 0, 59),
    hour: parseField(hour, 0, 23),
    day: parseField(day, 1, 31),
    month: parseField(month, 1, 12, ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]),
    weekday: parseField(weekday, 0, 6, DAYS.map((d) => d.slice(0, 3))),
    dayRestricted: day !== "*",
    weekdayRestricted: weekday !== "*",
  };
}

/** The first minute strictly after `after` matching the expression (UTC). */
export function nextCronTime(cron: CronExpression, after: number): number {
  const t = new Date(Math.floor(after / MINUTE) * MINUTE + MINUTE);
  const limit = after + 5 * 366 * 24 * 60 * MINUTE;
  while (t.getTime() < limit) {
    if (!cron.month.has(t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0);
      continue;
    }
    const dayOk = cron.day.has(t.getUTCDate());
    const weekdayOk = cron.weekday.has(t.getUTCDay());
    // Standard cron: when both day fields are restricted, either may match.
    const matches = cron.dayRestricted && cron.weekdayRestricted ? dayOk || weekdayOk : dayOk && weekdayOk;
    if (!matches) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0);
      continue;
    }
    if (!cron.hour.has(t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0);
      continue;
    }
    if (!cron.minute.has(t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1);
      continue;
    }
    return t.getTime();
  }
  throw new Error("Cron expression never matches");
}

/** When a job with this schedule runs next, strictly after `after` (ms since the epoch). */
export function nextRun(name: string, schedule: CronSpec["schedule"], after: number): number {
  const s = schedule as Record<string, unknown>;
  const minute = minuteFor(name, s.minuteUTC);
  switch (schedule.type) {
    case "interval": {
      const ms = Number(s.seconds ?? 0) * 1000 + Number(s.minutes ?? 0) * MINUTE + Number(s.hours ?? 0) * 60 * MINUTE;
      if (!(ms > 0)) throw new Error(`Cron "${name}": invalid interval`);
      return after + ms;
    }
    case "hourly":
      return nextCronTime(parseCron(`${minute} * * * *`), after);
    case "daily":
      return nextCronTime(parseCron(`${minute} ${Number(s.hourUTC)} * * *`), after);
    case "weekly":
      return nextCronTime(parseCron(`${minute} ${Number(s.hourUTC)} * * ${DAYS.indexOf(String(s.dayOfWeek))}`), after);
    case "monthly":
      return nextCronTime(parseCron(`${minute} ${Number(s.hourUTC)} ${Number(s.day)} * *`), after);
    case "cron":
      return nextCronTime(parseCron(String(s.cron)), after);
    default:
      throw new Error(`Cron "${name}": unknown schedule type ${schedule.type}`);
  }
}

type Job = CronSpec & { componentPath: string };
type Entry = { job: Job; signature: string; timer: NodeJS.Timeout | null; next: number };

export class CronRunner {
  private readonly entries = new Map<string, Entry>();
  private stopped = false;

  constructor(
    private readonly run: (job: Job) => Promise<void>,
    private readonly onError: (job: Job, error: unknown) => void,
  ) {}

  /** Replaces the job set; unchanged jobs keep their next run time. */
  update(jobs: Job[]): void {
    const seen = new Set<string>();
    for (const job of jobs) {
      const id = `${job.componentPath}:${job.name}`;
      seen.add(id);
      const signature = JSON.stringify([job.udfPath, job.schedule, job.args], (_k, v: unknown) => (typeof v === "bigint" ? v.toString() : v));
      const existing = this.entries.get(id);
      if (existing?.signature === signature) {
        existing.job = job;
        continue;
      }
      if (existing?.timer) clearTimeout(existing.timer);
      let next: number;
      try {
        next = nextRun(job.name, job.schedule, Date.now());
      } catch (error) {
        this.onError(job, error);
        this.entries.delete(id);
        continue;
      }
      const entry: Entry = { job, signature, timer: null, next };
      this.entries.set(id, entry);
      this.arm(entry);
    }
    for (const [id, entry] of this.entries) {
      if (seen.has(id)) continue;
      if (entry.timer) clearTimeout(entry.timer);
      this.entries.delete(id);
    }
  }

  private arm(entry: Entry) {
    if (this.stopped) return;
    const delay = Math.max(0, entry.next - Date.now());
    entry.timer = rootTimeout(() => {
      entry.timer = null;
      if (Date.now() < entry.next) return this.arm(entry);
      void this.run(entry.job)
        .catch((error: unknown) => this.onError(entry.job, error))
        .finally(() => {
          if (this.entries.get(`${entry.job.componentPath}:${entry.job.name}`) !== entry) return;
          entry.next = nextRun(entry.job.name, entry.job.schedule, Math.max(Date.now(), entry.next));
          this.arm(entry);
        });
    }, Math.min(delay, MAX_DELAY));
  }

  stop(): void {
    this.stopped = true;
    for (const entry of this.entries.values()) if (entry.timer) clearTimeout(entry.timer);
    this.entries.clear();
  }
}
