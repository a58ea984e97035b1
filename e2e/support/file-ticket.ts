/**
 * Filing a ticket over HTTP, as the customer signed in on a request context, through the ticketing BFF's
 * `customer.fileTicket` (for tests that need a ticket but do not test the filing form).
 */
import { randomUUID } from "node:crypto";
import { expect, type APIRequestContext } from "@playwright/test";
import type { AppRouter } from "@sysops/bff-ticketing/router";
import type { inferRouterInputs } from "@trpc/server";
import { trpcBody, trpcMutation, trpcQuery, type TicketingOutputs } from "./session.ts";

export type FilingOptions = TicketingOutputs["customer"]["filingOptions"];
export type FileTicketInput = inferRouterInputs<AppRouter>["customer"]["fileTicket"];
export type FiledTicket = TicketingOutputs["customer"]["fileTicket"];

/** What the customer of `request` may file for: their products, their saved address, the slots. */
export async function filingOptions(request: APIRequestContext): Promise<FilingOptions> {
  return (await trpcBody<FilingOptions>(await trpcQuery(request, "ticketing", "customer.filingOptions", undefined))).result!.data;
}

/**
 * The input of `customer.fileTicket`: the customer's first product (in `category` when given), their saved
 * address, no preferred date, a fresh idempotency key; `overrides` replace any field (even with invalid values).
 */
export function fileTicketInput(options: FilingOptions, overrides: Partial<FileTicketInput> = {}): FileTicketInput {
  const product = overrides.category === undefined ? options.products[0] : options.products.find((p) => p.category === overrides.category);
  if (!product) throw new Error(`the customer has no product${overrides.category === undefined ? "" : ` in category ${overrides.category}`}`);
  return {
    productId: product.id,
    category: product.category,
    description: "E2e: the device misbehaves since this morning",
    serviceAddress: options.defaultAddress,
    saveAsDefault: false,
    preferredDate: "",
    preferredSlot: "any",
    idempotencyKey: randomUUID(),
    timeZone: "UTC",
    ...overrides,
  };
}

/** Files a ticket for the customer signed in on `request` (see `fileTicketInput`); expects it filed and returns it. */
export async function fileTicket(request: APIRequestContext, overrides: Partial<FileTicketInput> = {}): Promise<FiledTicket> {
  const res = await trpcMutation(request, "ticketing", "customer.fileTicket", fileTicketInput(await filingOptions(request), overrides));
  expect(res.status()).toBe(200);
  return (await trpcBody<FiledTicket>(res)).result!.data;
}
