import { demoId } from "./ids.ts";

export interface DemoPlan {
  id: string;
  name: string;
  /** 1 = cheapest; higher tiers get faster response. */
  tier: number;
  monthlyPriceCents: number;
}

export const demoPlans = [
  { id: demoId("plan", 1), name: "Basic", tier: 1, monthlyPriceCents: 999 },
  { id: demoId("plan", 2), name: "Plus", tier: 2, monthlyPriceCents: 1999 },
  { id: demoId("plan", 3), name: "Premier", tier: 3, monthlyPriceCents: 3999 },
] as const satisfies readonly DemoPlan[];
