import { demoCustomers, demoPlans } from "@sysops/demo-data";
import type { Db } from "./client.ts";

/** Inserts the demo plans, customers and their products unless there are customers already; true when it seeded. */
export async function seedDemoCustomers(db: Db): Promise<boolean> {
  if ((await db.customer.count()) > 0) return false;
  await db.$transaction(async (tx) => {
    await tx.supportPlan.createMany({ data: [...demoPlans], skipDuplicates: true });
    await tx.customer.createMany({ data: demoCustomers.map(({ products: _products, ...c }) => c) });
    await tx.ownedProduct.createMany({
      data: demoCustomers.flatMap((c) => c.products.map((p) => ({ ...p, customerId: c.id, purchasedAt: new Date(p.purchasedAt) }))),
    });
  });
  return true;
}
