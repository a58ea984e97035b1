/** The ticket as the ticketing screens show it: no internal ids of other records. */
import type { inferRouterOutputs } from "@trpc/server";
import type { TicketingRouter } from "@sysops/svc-ticketing/api";

type TicketView = inferRouterOutputs<TicketingRouter>["tickets"]["get"];

export interface TicketDTO {
  id: string;
  number: string;
  status: TicketView["status"];
  productName: string;
  productCategory: string;
  description: string;
  serviceAddress: string;
  customerName: string;
  channel: TicketView["channel"];
  createdAt: string;
}

export function toTicketDTO(view: TicketView): TicketDTO {
  return {
    id: view.id,
    number: view.number,
    status: view.status,
    productName: view.productName,
    productCategory: view.productCategory,
    description: view.description,
    serviceAddress: view.serviceAddress,
    customerName: view.customerName,
    channel: view.channel,
    createdAt: view.createdAt,
  };
}
