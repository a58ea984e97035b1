/** How the helpdesk words and colours SLA states. */
import type { SlaState } from "@sysops/bff-ticketing/helpdesk-dto";

export const SLA_STATE_LABEL: Record<SlaState, string> = { ok: "On time", warning: "Due soon", breached: "Breached" };
/**
 * White badge text needs ≥ 4.5:1 (axe color-contrast): Mantine's green.9 (4.3:1) and orange.9 (4.3:1) fall
 * short, so: teal.9 (5.0:1), a dark amber (6.1:1), red.9 (5.5:1). A running clock past due shows as breached.
 */
export const SLA_COLOR: Record<SlaState, string> = { ok: "teal.9", warning: "#a34700", breached: "red.9" };
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
