/** Input of the superseded `tickets.create` (see router.ts); the portal uses customer/inputs.ts. */
import { z } from "zod";

export const createTicketInput = z.object({
  productId: z.string().trim().min(1, "Choose a product"),
  description: z.string().trim().min(1, "Describe the problem").max(4000, "Keep the description under 4000 characters"),
  serviceAddress: z
    .string()
    .trim()
    .min(5, "Enter the address where the expert should come")
    .max(300, "Keep the address under 300 characters"),
});
export type CreateTicketInput = z.infer<typeof createTicketInput>;
