import { demoId } from "./ids.ts";

export interface DemoPlan {
  id: string;
  name: string;
  /** 1 = cheapest; higher tiers get faster response. */
  tier: number;
  monthlyPriceCents: number;
  /** The lowest expert skill level (1–5) a ticket under this plan needs. */
  requiredSkillLevel: number;
  /** SLA targets in minutes, each from the start of its phase (created → assigned → accepted → resolved). */
  assignTargetMinutes: number;
  acceptTargetMinutes: number;
  resolveTargetMinutes: number;
}

export const demoPlans = [
  { id: demoId("plan", 1), name: "Basic", tier: 1, monthlyPriceCents: 999, requiredSkillLevel: 2, assignTargetMinutes: 240, acceptTargetMinutes: 120, resolveTargetMinutes: 4320 },
  { id: demoId("plan", 2), name: "Plus", tier: 2, monthlyPriceCents: 1999, requiredSkillLevel: 3, assignTargetMinutes: 120, acceptTargetMinutes: 60, resolveTargetMinutes: 1440 },
  { id: demoId("plan", 3), name: "Premier", tier: 3, monthlyPriceCents: 3999, requiredSkillLevel: 4, assignTargetMinutes: 30, acceptTargetMinutes: 15, resolveTargetMinutes: 480 },
] as const satisfies readonly DemoPlan[];
