/** Dates and windows as the consoles show them (local time of the browser). */
export function formatDateTime(value: string | Date, locale?: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

/** "25 Nov 2026, 14:00 – 16:00" for a window within a day, both ends in full otherwise; null when unknown. */
export function formatWindow(start: string | null | undefined, end: string | null | undefined, locale?: string): string | null {
  if (!start || !end) return null;
  const from = new Date(start);
  const to = new Date(end);
  if (Number.isNaN(from.getTime()) || Number.isNaN(to.getTime())) return null;
  if (from.toDateString() === to.toDateString()) {
    return `${formatDateTime(from, locale)} – ${to.toLocaleTimeString(locale, { timeStyle: "short" })}`;
  }
  return `${formatDateTime(from, locale)} – ${formatDateTime(to, locale)}`;
}
