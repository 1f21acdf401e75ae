/**
 * Field rules shared by the Convex functions and the web app's forms, so a
 * malformed form fails the same way in the browser and on the server.
 */
import { z } from "zod";
import { appError } from "./errors";

export const listName = z.string().trim().min(1, "Name the list.").max(80, "Keep list names under 80 characters.");
export const todoTitle = z.string().trim().min(1, "Write what needs doing.").max(200, "Keep titles under 200 characters.");
export const todoNotes = z.string().max(5000, "Keep notes under 5,000 characters.");
export const orgName = z.string().trim().min(2, "Name the organization (2 characters or more).").max(64, "Keep organization names under 64 characters.");
export const inviteEmail = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address."));
export const memberRole = z.enum(["org:admin", "org:member"], "Choose a role: admin or member.");
export const memberSearch = z.string().trim().max(100, "Search for at most 100 characters.");

/** Parses one field; a failure is an INVALID_ARGUMENT naming the problem. */
export function parseField<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw appError("INVALID_ARGUMENT", parsed.error.issues[0]?.message ?? "Invalid input.");
  }
  return parsed.data;
}

/** A calendar day, "YYYY-MM-DD" (a due date, or the caller's today): a day that exists. */
export const calendarDay = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2025-03-31.")
  .refine((day) => {
    const date = new Date(`${day}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === day;
  }, "That date does not exist.");
export const todoSearch = z.string().trim().max(100, "Search for at most 100 characters.");
/** Deleting an organization: its name, typed again. */
export const confirmOrgName = z.string().trim().min(1, "Type the organization's name to confirm.");
