/** The customer's preferred date + slot, in their time zone, as the UTC instants the ticket stores. */
import { PREFERRED_SLOTS, type PreferredSlot } from "./inputs.ts";

/** One formatter per zone: building an `Intl.DateTimeFormat` is the expensive part (ICU), formatting is cheap. */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    if (formatters.size < 1_000) formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Milliseconds `timeZone` is ahead of UTC at `at`. */
function offsetMs(at: Date, timeZone: string): number {
  const parts = formatterFor(timeZone).formatToParts(at);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  const wallClockAsUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return wallClockAsUtc - Math.floor(at.getTime() / 1000) * 1000;
}

/** `date` (YYYY-MM-DD) at `hour`:00 wall-clock time in `timeZone`, as a UTC instant (DST-aware). */
export function zonedTime(date: string, hour: number, timeZone: string): Date {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const guess = Date.UTC(y, m - 1, d, hour);
  const first = guess - offsetMs(new Date(guess), timeZone);
  const second = guess - offsetMs(new Date(first), timeZone);
  return new Date(second);
}

/** null when the customer has no preference (no date). */
export function preferredWindow(date: string, slot: PreferredSlot, timeZone: string): { start: string; end: string } | null {
  if (!date) return null;
  const { from, to } = PREFERRED_SLOTS[slot];
  return { start: zonedTime(date, from, timeZone).toISOString(), end: zonedTime(date, to, timeZone).toISOString() };
}
