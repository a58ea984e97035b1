import { PRODUCT_CATEGORIES } from "@sysops/demo-data";
import { z } from "zod";

export const CHANNELS = ["web", "phone"] as const;
export type TicketChannel = (typeof CHANNELS)[number];

export const createTicketInput = z.object({
  customerId: z.uuid("Choose a customer"),
  productId: z.uuid("Choose a product"),
  description: z.string().trim().min(1, "Describe the problem").max(4000, "Describe the problem in at most 4000 characters"),
  serviceAddress: z.string().trim().min(5, "Enter the address where the expert should come").max(300, "Keep the address under 300 characters"),
  channel: z.enum(CHANNELS),
  /** The category the ticket is handled (and matched) under; defaults to the product's category. */
  category: z.enum(PRODUCT_CATEGORIES, "Choose a category").optional(),
  /** The visit window the customer prefers; both ends or neither. */
  preferredWindowStart: z.iso.datetime({ offset: true, message: "Not a date and time" }).optional(),
  preferredWindowEnd: z.iso.datetime({ offset: true, message: "Not a date and time" }).optional(),
  /** One per filing form (client-generated): a replay with the same key returns the ticket it made. */
  idempotencyKey: z.uuid("Not an idempotency key").optional(),
})
  .refine((t) => Boolean(t.preferredWindowStart) === Boolean(t.preferredWindowEnd), { path: ["preferredWindowEnd"], message: "Give both ends of the window" })
  .refine((t) => !t.preferredWindowStart || !t.preferredWindowEnd || Date.parse(t.preferredWindowStart) < Date.parse(t.preferredWindowEnd), {
    path: ["preferredWindowEnd"],
    message: "The window must end after it starts",
  });
export type CreateTicketInput = z.infer<typeof createTicketInput>;

export const SEARCH_MAX = 50;

export const searchTicketsInput = z.object({
  query: z.string().trim().min(1, "Type a ticket number or a customer name").max(100),
  limit: z.number().int().min(1).max(SEARCH_MAX).default(20),
});
