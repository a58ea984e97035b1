/**
 * Deterministic UUIDs (valid v4 layout) so the same demo entity has the same id in every service's seed
 * and in the e2e tests: `demoId("customer", 3)` → `c0000000-0000-4000-8000-000000000003`.
 */
const PREFIX = {
  user: "a",
  customer: "c",
  plan: "b",
  product: "d",
  ticket: "e",
} as const;

export type DemoEntity = keyof typeof PREFIX;

export function demoId(entity: DemoEntity, n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999_999) throw new RangeError(`demo id number out of range: ${n}`);
  return `${PREFIX[entity]}0000000-0000-4000-8000-${String(n).padStart(12, "0")}`;
}
