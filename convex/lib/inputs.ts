/**
 * The zod schemas of the Convex functions' arguments. The rules themselves
 * are plain functions the web app's forms call directly, without zod:
 * clean text (`./text`) for names and titles, `./fields` for searches and
 * invitations. Each schema here wraps one of them, so a malformed form fails
 * the same way in the browser and on the server.
 */
import { z } from "zod";
import { appError } from "./errors";
import { inviteEmail as emailRule, memberRole as roleRule, searchText, type FieldResult } from "./fields";
import { cleanText, textFields, type TextField } from "./text";

/** A string checked by a plain rule: its value, or the rule's message as the issue. */
const rule = <T>(check: (input: string) => FieldResult<T>) =>
  z.string().transform((input, ctx) => {
    const checked = check(input);
    if (checked.ok) return checked.value;
    ctx.addIssue({ code: "custom", message: checked.error });
    return z.NEVER;
  });
const text = (field: TextField) => rule((input) => cleanText(field, input));

export const listName = text(textFields.listName);
export const todoTitle = text(textFields.todoTitle);
export const todoNotes = text(textFields.todoNotes);
export const orgName = text(textFields.orgName);
export const inviteEmail = rule(emailRule);
export const memberRole = rule(roleRule);
export const memberSearch = rule(searchText);
export const todoSearch = rule(searchText);

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
/** Deleting an organization: its name, typed again. */
export const confirmOrgName = z.string().trim().min(1, "Type the organization's name to confirm.");
