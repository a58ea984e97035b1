/** Ticket statuses in life-cycle order, so the report reads like the ticket flow. */
const LIFE_CYCLE = ["new", "assigned", "accepted", "in_progress", "resolved", "closed", "rejected", "escalated", "cancelled"];

export interface StatusCount {
  status: string;
  count: number;
}

export function sortStatusCounts<T extends StatusCount>(rows: readonly T[]): T[] {
  const rank = (status: string) => {
    const i = LIFE_CYCLE.indexOf(status);
    return i === -1 ? LIFE_CYCLE.length : i;
  };
  return [...rows].sort((a, b) => rank(a.status) - rank(b.status) || a.status.localeCompare(b.status));
}

export function totalCount(rows: readonly StatusCount[]): number {
  return rows.reduce((sum, row) => sum + row.count, 0);
}

/** "in_progress" → "In progress". */
export function statusLabel(status: string): string {
  const words = status.replaceAll("_", " ");
  return words.charAt(0).toUpperCase() + words.slice(1);
}
