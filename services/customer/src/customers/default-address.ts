/**
 * A customer's saved service address (the default the "file a ticket" form offers). Text only: the
 * registered coordinates (`addressLat/Lon`) are not re-geocoded, so matching keeps using the registered
 * location (see services/ticketing create-ticket.ts) — there is no geocoder on these machines.
 */
import { z } from "zod";
import type { Db } from "../db/client.ts";
import { getCustomerProfile } from "./customer-profile.ts";

export const defaultAddressSchema = z
  .string()
  .trim()
  .min(5, "Enter the address where the expert should come")
  .max(300, "Keep the address under 300 characters");

export async function setDefaultAddress(db: Db, customerId: string, address: string): Promise<{ defaultAddress: string }> {
  await getCustomerProfile(db, customerId); // NOT_FOUND for an unknown customer, before any write
  const row = await db.customer.update({ where: { id: customerId }, data: { defaultAddress: address }, select: { defaultAddress: true } });
  return row;
}
