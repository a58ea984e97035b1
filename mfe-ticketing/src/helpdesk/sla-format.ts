/** How the helpdesk words SLA clocks. */
export const SLA_TARGET_LABEL = { assign: "Assign an expert", accept: "Expert to accept", resolve: "Resolve" } as const;

/** "2 h 5 min left", "12 min left", "1 d 3 h overdue". */
export function formatTimeLeft(ms: number): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const parts = d > 0 ? [`${d} d`, `${h} h`] : h > 0 ? [`${h} h`, `${m} min`] : [`${m} min`];
  return `${parts.join(" ")} ${ms >= 0 ? "left" : "overdue"}`;
}
