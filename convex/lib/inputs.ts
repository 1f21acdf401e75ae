/**
 * Field rules shared by the Convex functions and the web app's forms, so a
 * malformed form fails the same way in the browser and on the server. Names
 * and titles follow the clean-text rule of `./text` (forms call it
 * directly, without zod).
 */
import { z } from "zod";
import { appError } from "./errors";
import { cleanText, textFields, type TextField } from "./text";

/** A string field under the clean-text rule: its cleaned value, or its message as the issue. */
const text = (field: TextField) =>
  z.string().transform((input, ctx) => {
    const cleaned = cleanText(field, input);
    if (cleaned.ok) return cleaned.value;
    ctx.addIssue({ code: "custom", message: cleaned.error });
    return z.NEVER;
  });

export const listName = text(textFields.listName);
export const todoTitle = text(textFields.todoTitle);
export const todoNotes = text(textFields.todoNotes);
export const orgName = text(textFields.orgName);
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
