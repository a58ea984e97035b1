/** Trimmed search text, or null when it is too short to be worth a request. */
export function normalizeQuery(input: string): string | null {
  const q = input.trim().replace(/\s+/g, " ");
  return q.length >= 2 ? q : null;
}

/** "Premium (tier 3)"; plans are ranked by a numeric tier. */
export function planLabel(plan: { name: string; tier: number } | null | undefined): string {
  return plan ? `${plan.name} (tier ${plan.tier})` : "No support plan";
}
