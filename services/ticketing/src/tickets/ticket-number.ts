/** People see ticket numbers as `T-000123`; the database keeps the integer. */
const DIGITS = 6;

export const formatTicketNumber = (n: number): string => `T-${String(n).padStart(DIGITS, "0")}`;

/** `T-000012`, `t-12`, `T12`, `000012` or `12` → 12; anything else (a name, say) → null. */
export function parseTicketNumber(text: string): number | null {
  const match = /^\s*(?:t-?)?(\d{1,9})\s*$/i.exec(text);
  if (!match?.[1]) return null;
  const n = Number(match[1]);
  return n > 0 ? n : null;
}
