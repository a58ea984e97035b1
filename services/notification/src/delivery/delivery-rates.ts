/**
 * Delivery figures per provider, for managers judging vendors: messages sent, failed (gave up), still
 * queued, tries made, and the delivery rate (sent ÷ finished) and per-try success rate (sent ÷ tries).
 */
import type { Db } from "../db/client.ts";

export interface ProviderRate {
  provider: string;
  sent: number;
  failed: number;
  queued: number;
  attempts: number;
  /** sent / (sent + failed); null before any message finished. */
  deliveryRate: number | null;
  /** sent / attempts; null before any try. */
  attemptSuccessRate: number | null;
}

export async function deliveryRates(db: Db): Promise<ProviderRate[]> {
  const groups = await db.message.groupBy({ by: ["provider", "status"], _count: { _all: true }, _sum: { attempts: true }, orderBy: { provider: "asc" } });
  const byProvider = new Map<string, ProviderRate>();
  for (const g of groups) {
    const rate = byProvider.get(g.provider) ?? { provider: g.provider, sent: 0, failed: 0, queued: 0, attempts: 0, deliveryRate: null, attemptSuccessRate: null };
    rate[g.status] += g._count._all;
    rate.attempts += g._sum.attempts ?? 0;
    byProvider.set(g.provider, rate);
  }
  return [...byProvider.values()].map((r) => ({
    ...r,
    deliveryRate: r.sent + r.failed > 0 ? r.sent / (r.sent + r.failed) : null,
    attemptSuccessRate: r.attempts > 0 ? r.sent / r.attempts : null,
  }));
}
