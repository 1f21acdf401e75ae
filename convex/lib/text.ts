/**
 * Clean text: the one rule for every name and title people type — list
 * names, todo titles and notes, organization names, profile names — used by
 * the Convex functions (through `convex/lib/inputs.ts`) and by the web app's
 * forms. Plain TypeScript without dependencies, so a form can import it
 * without pulling a validation library into the browser bundle.
 *
 *   const name = cleanText(textFields.listName, input);
 *   if (!name.ok) return setError(name.error); // "List name contains …"
 *   await create({ name: name.value });
 *
 * In order:
 * 1. a lone surrogate (half of a UTF-16 pair, not text) is refused;
 * 2. the value is NFC-normalised, so "é" typed and "e" + U+0301 pasted are
 *    the same name;
 * 3. whitespace and invisible characters (zero-width spaces and joiners,
 *    soft hyphens, fillers, direction marks) are trimmed at both ends;
 * 4. control characters (C0, DEL, C1; a multi-line field keeps newlines and
 *    tabs, its CR, CRLF and U+2028/U+2029 become newlines) and the
 *    bidirectional embeddings, overrides and isolates (U+202A–U+202E,
 *    U+2066–U+2069), which reorder how the text around them is displayed,
 *    are refused, naming the field and the character;
 * 5. a value with nothing visible left is empty;
 * 6. the length is counted in characters (code points), not UTF-16 units.
 */

export type TextField = {
  /** The field's name in messages: "List name contains …". */
  label: string;
  /** 0 for an optional field (empty is fine). */
  min: number;
  max: number;
  /** Keeps newlines and tabs. */
  multiline?: boolean;
  /** Shown when the value is empty (or only invisible) and `min` > 0. */
  empty?: string;
  /** Shown when it is shorter than `min` (defaults to `empty`). */
  tooShort?: string;
  tooLong: string;
};

export type CleanText = { ok: true; value: string } | { ok: false; error: string };

export const textFields = {
  listName: { label: "List name", min: 1, max: 80, empty: "Name the list.", tooLong: "Keep list names under 80 characters." },
  todoTitle: { label: "Title", min: 1, max: 200, empty: "Write what needs doing.", tooLong: "Keep titles under 200 characters." },
  todoNotes: { label: "Notes", min: 0, max: 5000, multiline: true, tooLong: "Keep notes under 5,000 characters." },
  orgName: {
    label: "Organization name",
    min: 2,
    max: 64,
    empty: "Name the organization (2 characters or more).",
    tooLong: "Keep organization names under 64 characters.",
  },
  firstName: { label: "First name", min: 0, max: 100, tooLong: "Keep the first name under 100 characters." },
  lastName: { label: "Last name", min: 0, max: 100, tooLong: "Keep the last name under 100 characters." },
} satisfies Record<string, TextField>;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const LINE_BREAKS = /\r\n?|[\u2028\u2029]/g;
const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/u;
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/u;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/u;
/** Invisible at either end of a value: whitespace, zero-width characters, soft hyphen, fillers, direction marks. */
const EDGE = "[\\s\\u00AD\\u061C\\u115F\\u1160\\u17B4\\u17B5\\u180E\\u200B-\\u200F\\u2060-\\u2064\\u2800\\u3164\\uFFA0]";
const TRIM = new RegExp(`^${EDGE}+|${EDGE}+$`, "gu");
/** Nothing visible: the above plus what only modifies a neighbour (variation selectors, tags, the grapheme joiner). */
const INVISIBLE = /^[\s\u00AD\u034F\u061C\u115F\u1160\u17B4\u17B5\u180E\u200B-\u200F\u2060-\u2064\u2800\u3164\uFFA0\uFE00-\uFE0F\u{E0000}-\u{E007F}\u{E0100}-\u{E01EF}]*$/u;

const BIDI_NAMES: Record<number, string> = {
  0x202a: "LEFT-TO-RIGHT EMBEDDING",
  0x202b: "RIGHT-TO-LEFT EMBEDDING",
  0x202c: "POP DIRECTIONAL FORMATTING",
  0x202d: "LEFT-TO-RIGHT OVERRIDE",
  0x202e: "RIGHT-TO-LEFT OVERRIDE",
  0x2066: "LEFT-TO-RIGHT ISOLATE",
  0x2067: "RIGHT-TO-LEFT ISOLATE",
  0x2068: "FIRST STRONG ISOLATE",
  0x2069: "POP DIRECTIONAL ISOLATE",
};

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;

export function cleanText(field: TextField, input: string): CleanText {
  const refuse = (error: string): CleanText => ({ ok: false, error });
  if (LONE_SURROGATE.test(input)) return refuse(`${field.label} contains a broken character (half of a surrogate pair). Retype it.`);
  let text = input.normalize("NFC");
  if (field.multiline) text = text.replace(LINE_BREAKS, "\n");
  text = text.replace(TRIM, "");

  const control = (field.multiline ? CONTROL_MULTILINE : CONTROL).exec(text)?.[0];
  if (control === "\n" || control === "\r" || control === "\u2028" || control === "\u2029") return refuse(`${field.label} must fit on one line.`);
  if (control === "\t") return refuse(`${field.label} can't contain tabs.`);
  if (control) return refuse(`${field.label} contains a control character (${codePoint(control)}). Remove it.`);
  const bidi = BIDI.exec(text)?.[0];
  if (bidi) {
    return refuse(`${field.label} contains an invisible character that reorders text (${codePoint(bidi)} ${BIDI_NAMES[bidi.codePointAt(0)!]}). Remove it.`);
  }

  if (INVISIBLE.test(text)) text = "";
  const length = [...text].length;
  if (length === 0 && field.min > 0) return refuse(field.empty ?? `${field.label} is required.`);
  if (length < field.min) return refuse(field.tooShort ?? field.empty ?? `${field.label} is too short.`);
  if (length > field.max) return refuse(field.tooLong);
  return { ok: true, value: text };
}
