/** "in_progress" → "In progress". */
export function statusLabel(status: string): string {
  const words = status.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
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
