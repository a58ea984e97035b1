/** "in_progress" → "in progress" (the `status` class capitalizes it on screen; the text stays the status). */
export function statusLabel(status: string): string {
  return status.replaceAll("_", " ");
}

/** A short local date-time for tables; the raw value when it is not a date. */
export function formatFiledAt(value: string | Date, locale?: string): string {
  const date = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(date.getTime())) return String(value);
  return date.toLocaleString(locale, { dateStyle: "medium", timeStyle: "short" });
}

/** Trimmed search text, or null when it is empty. */
export function normalizeQuery(input: string): string | null {
  const q = input.trim().replace(/\s+/g, " ");
  return q.length > 0 ? q : null;
}
