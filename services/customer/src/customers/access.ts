import { notFound } from "@sysops/domain-errors";
import type { Caller } from "@sysops/internal-auth";

/**
 * A customer sees only their own record; to them another customer's record does not exist (NOT_FOUND, so
 * ids cannot be probed). Staff and services that reached this point may see any.
 */
export function assertMayReadCustomer(caller: Caller, customerId: string): void {
  if (caller.kind === "user" && caller.role === "customer" && caller.customerId !== customerId) throw notFound("Customer", customerId);
}
