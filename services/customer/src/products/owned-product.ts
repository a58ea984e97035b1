import { notFound } from "@sysops/domain-errors";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

const ownedProductSelect = { id: true, name: true, category: true } satisfies Prisma.OwnedProductSelect;

export type OwnedProductView = Prisma.OwnedProductGetPayload<{ select: typeof ownedProductSelect }>;

/** The product if `customerId` owns it; NOT_FOUND otherwise (also when the product belongs to someone else). */
export async function findOwnedProduct(db: Db, customerId: string, productId: string): Promise<OwnedProductView> {
  const product = await db.ownedProduct.findFirst({ where: { id: productId, customerId }, select: ownedProductSelect });
  if (!product) throw notFound("Product", productId);
  return product;
}
