import { notFound } from "@sysops/domain-errors";
import type { Db } from "../db/client.ts";
import type { Prisma } from "../generated/prisma/client.ts";

const profileSelect = {
  id: true,
  name: true,
  email: true,
  phone: true,
  defaultAddress: true,
  addressLat: true,
  addressLon: true,
  plan: {
    select: { name: true, tier: true, requiredSkillLevel: true, assignTargetMinutes: true, acceptTargetMinutes: true, resolveTargetMinutes: true },
  },
  products: { select: { id: true, name: true, category: true, serialNumber: true }, orderBy: { name: "asc" } },
} satisfies Prisma.CustomerSelect;

export type CustomerProfile = Prisma.CustomerGetPayload<{ select: typeof profileSelect }>;

export async function getCustomerProfile(db: Db, customerId: string): Promise<CustomerProfile> {
  const customer = await db.customer.findUnique({ where: { id: customerId }, select: profileSelect });
  if (!customer) throw notFound("Customer", customerId);
  return customer;
}
