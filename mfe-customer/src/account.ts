/** Trimmed search text, or null when it is too short to be worth a request. */
export function normalizeQuery(input: string): string | null {
  const q = input.trim().replace(/\s+/g, " ");
  return q.length >= 2 ? q : null;
}

export function planLabel(plan: { name: string; tier: string } | null | undefined): string {
  if (!plan) return "No support plan";
  return plan.name.toLowerCase().includes(plan.tier.toLowerCase()) ? plan.name : `${plan.name} (${plan.tier})`;
}
