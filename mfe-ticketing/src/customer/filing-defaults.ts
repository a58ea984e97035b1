/** What "File a ticket" starts with, from the BFF's filing options. */
import type { FileTicketForm } from "@sysops/bff-ticketing/inputs/customer";
import type { AppRouter } from "@sysops/bff-ticketing/router";
import type { inferRouterOutputs } from "@trpc/server";

export type FilingOptions = inferRouterOutputs<AppRouter>["customer"]["filingOptions"];

/** The first product and its category, the saved address, no preferred date (first available visit). */
export function initialValues(options: FilingOptions): FileTicketForm {
  const first = options.products[0];
  return {
    productId: first?.id ?? "",
    category: first?.category ?? "",
    description: "",
    serviceAddress: options.defaultAddress,
    saveAsDefault: false,
    preferredDate: "",
    preferredSlot: "any",
  };
}
