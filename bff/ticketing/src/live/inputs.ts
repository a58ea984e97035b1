/** Input of the live subscription (zod only: browser-safe). */
import { z } from "zod";

/** `lastEventId` is set by tRPC's httpSubscriptionLink on a reconnect: the last stream entry id it received. */
export const ticketChangesInput = z
  .object({ lastEventId: z.string().regex(/^\d{1,20}-\d{1,20}$/, "Not a stream entry id").nullish() })
  .optional();
