import type { WorkingWindow } from "./types.ts";

/** Wall-clock time somewhere: weekday 0–6 (0 = Sunday) and minutes since local midnight. */
export interface LocalTime {
  weekday: number;
  minutes: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
const MINUTES_PER_DAY = 24 * 60;

/** Building a DateTimeFormat is costly (~0.1 ms) and a run asks for the same few zones: cache per zone. */
const formatters = new Map<string, Intl.DateTimeFormat | null>();

function formatterFor(timeZone: string): Intl.DateTimeFormat | null {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    try {
      formatter = new Intl.DateTimeFormat("en-US", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
    } catch {
      formatter = null; // unknown IANA zone: RangeError
    }
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The local weekday and time of `at` in an IANA `timeZone` (DST-aware via Intl); null for an unknown zone. */
export function localTime(at: Date, timeZone: string): LocalTime | null {
  const formatter = formatterFor(timeZone);
  if (!formatter) return null;
  let weekday = -1;
  let hour = 0;
  let minute = 0;
  for (const part of formatter.formatToParts(at)) {
    if (part.type === "weekday") weekday = WEEKDAYS[part.value] ?? -1;
    else if (part.type === "hour") hour = Number(part.value) % 24;
    else if (part.type === "minute") minute = Number(part.value);
  }
  return weekday < 0 ? null : { weekday, minutes: hour * 60 + minute };
}

/** "HH:MM" → minutes since midnight (00:00–24:00); null when malformed. */
export function parseClock(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return Number(match[2]) < 60 && minutes <= MINUTES_PER_DAY ? minutes : null;
}

/**
 * True when `local` falls in one of the windows: [start, end) on the window's weekday. A window whose end is
 * before its start runs past midnight into the next weekday (a night shift "22:00"–"06:00"); start = end is empty.
 */
export function isWithinWorkingHours(windows: readonly WorkingWindow[], local: LocalTime): boolean {
  return windows.some((window) => {
    const start = parseClock(window.start);
    const end = parseClock(window.end);
    if (start === null || end === null || start === end) return false;
    if (start < end) return window.weekday === local.weekday && local.minutes >= start && local.minutes < end;
    const nextDay = (window.weekday + 1) % 7;
    return (window.weekday === local.weekday && local.minutes >= start) || (nextDay === local.weekday && local.minutes < end);
  });
}
