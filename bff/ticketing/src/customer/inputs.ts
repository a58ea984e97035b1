/**
 * What the customer portal may send. zod only (no server imports): the portal's forms validate with these
 * same schemas through `@sysops/bff-ticketing/inputs/customer`, so a message shown next to a field in the
 * browser is the message the BFF would answer with.
 */
import { z } from "zod";

/** Visit slots a customer can prefer, in local hours [from, to). "any" = the whole service day. */
export const PREFERRED_SLOTS = {
  any: { label: "Any time (8:00–20:00)", from: 8, to: 20 },
  morning: { label: "Morning (8:00–12:00)", from: 8, to: 12 },
  afternoon: { label: "Afternoon (12:00–17:00)", from: 12, to: 17 },
  evening: { label: "Evening (17:00–20:00)", from: 17, to: 20 },
} as const;
export type PreferredSlot = keyof typeof PREFERRED_SLOTS;
const SLOT_NAMES = Object.keys(PREFERRED_SLOTS) as [PreferredSlot, ...PreferredSlot[]];

/** How far ahead a visit can be asked for. */
export const MAX_DAYS_AHEAD = 60;
const DAY_MS = 86_400_000;

/** Why `date` cannot be asked for, or null: "" (no preference) or a date from yesterday (time zones) up to MAX_DAYS_AHEAD days ahead. */
export function preferredDateProblem(date: string, now: Date = new Date()): string | null {
  if (date === "") return null;
  const at = Date.parse(`${date}T00:00:00Z`);
  if (Number.isNaN(at)) return null; // the field's own format check names it
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  if (at < today - DAY_MS) return "Pick a date from today on";
  if (at > today + MAX_DAYS_AHEAD * DAY_MS) return `Pick a date within ${MAX_DAYS_AHEAD} days`;
  return null;
}

/**
 * Time zones found valid so far. Constructing an `Intl.DateTimeFormat` (the only portable check) costs ICU
 * work on every call: it was ~9 % of bff-ticketing's CPU per ticket filed. Browsers send a handful of zones.
 */
const knownTimeZones = new Set<string>();
const MAX_KNOWN_TIME_ZONES = 1_000;

export function isTimeZone(timeZone: string): boolean {
  if (knownTimeZones.has(timeZone)) return true;
  try {
    new Intl.DateTimeFormat("en", { timeZone });
  } catch {
    return false;
  }
  if (knownTimeZones.size < MAX_KNOWN_TIME_ZONES) knownTimeZones.add(timeZone);
  return true;
}

const fileTicketFields = {
  productId: z.string().trim().min(1, "Choose the product that needs help"),
  category: z.string().trim().min(1, "Choose what the problem is about").max(40, "Choose a category from the list"),
  description: z.string().trim().min(10, "Describe the problem in a few words (at least 10 characters)").max(4000, "Keep the description under 4000 characters"),
  serviceAddress: z.string().trim().min(5, "Enter the address where the expert should come").max(300, "Keep the address under 300 characters"),
  saveAsDefault: z.boolean(),
  /** "" = no preference; otherwise YYYY-MM-DD (what a date input gives). */
  preferredDate: z.string().trim().refine((v) => v === "" || (/^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v))), "Pick a date"),
  preferredSlot: z.enum(SLOT_NAMES, "Choose a time of day"),
};

const checkDate = (value: { preferredDate: string }, ctx: z.RefinementCtx) => {
  const problem = preferredDateProblem(value.preferredDate);
  if (problem) ctx.addIssue({ code: "custom", path: ["preferredDate"], message: problem });
};

/** The "File a ticket" form's values. */
export const fileTicketForm = z.object(fileTicketFields).superRefine(checkDate);
export type FileTicketForm = z.input<typeof fileTicketForm>;

/**
 * `customer.fileTicket`: the form plus the form instance's idempotency key (a double-clicked submit files
 * one ticket) and the browser's time zone (the preferred window is local time where the customer is).
 */
export const fileTicketInput = z
  .object({
    ...fileTicketFields,
    idempotencyKey: z.uuid("Reload the page and try again"),
    timeZone: z
      .string()
      .min(1)
      .max(64)
      .refine(isTimeZone, "Unknown time zone"),
  })
  .superRefine(checkDate);
export type FileTicketInput = z.infer<typeof fileTicketInput>;

/** A ticket as the customer names it: its number, T-000123. */
export const ticketNumberInput = z.object({ number: z.string().trim().regex(/^T-\d{6,}$/, "Not a ticket number") });

/** Cancel / confirm / reopen: the version the page showed, so a changed ticket is not silently overwritten. */
export const ticketActionInput = z.object({ ticketId: z.uuid("Not a ticket id"), expectedVersion: z.number().int().min(0) });

const surveyAnswerFields = {
  rating: z.number("Choose 1 to 5 stars").int().min(1, "Choose 1 to 5 stars").max(5, "Choose 1 to 5 stars"),
  comment: z.string().trim().max(2000, "Keep the comment under 2000 characters"),
};
/** The survey form's values (the same from the e-mail link or from the ticket). */
export const surveyForm = z.object(surveyAnswerFields);
export type SurveyForm = z.input<typeof surveyForm>;

export const surveyTokenInput = z.object({ token: z.string().trim().min(20, "This survey link is not valid").max(100, "This survey link is not valid") });
export const answerSurveyByTokenInput = surveyTokenInput.extend(surveyAnswerFields);
export const ticketSurveyInput = z.object({ ticketId: z.uuid("Not a ticket id") });
export const answerTicketSurveyInput = ticketSurveyInput.extend(surveyAnswerFields);
