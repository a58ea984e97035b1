import { z } from "zod";
import { describe, expect, it } from "vitest";
import { createTicketInput, searchTicketsInput } from "./ticket-input.ts";

const valid = {
  customerId: "c0000000-0000-4000-8000-000000000001",
  productId: "d0000000-0000-4000-8000-000000000001",
  description: "  Screen stays black  ",
  serviceAddress: " 233 S Wacker Dr ",
  channel: "web",
};

const fieldErrors = (input: unknown) => {
  const result = createTicketInput.safeParse(input);
  return result.success ? {} : z.flattenError(result.error).fieldErrors;
};

describe("createTicketInput", () => {
  it("trims text", () => {
    expect(createTicketInput.parse(valid)).toMatchObject({ description: "Screen stays black", serviceAddress: "233 S Wacker Dr" });
  });

  it("asks to describe the problem when the description is blank", () => {
    expect(fieldErrors({ ...valid, description: "   " }).description).toEqual(["Describe the problem"]);
  });

  it("bounds description and address lengths", () => {
    expect(fieldErrors({ ...valid, description: "x".repeat(4001) }).description).toBeDefined();
    expect(fieldErrors({ ...valid, description: "x".repeat(4000) }).description).toBeUndefined();
    expect(fieldErrors({ ...valid, serviceAddress: " abc " }).serviceAddress).toBeDefined();
    expect(fieldErrors({ ...valid, serviceAddress: "x".repeat(301) }).serviceAddress).toBeDefined();
  });

  it("names bad ids and channels", () => {
    expect(Object.keys(fieldErrors({ ...valid, productId: "p1", channel: "fax" })).sort()).toEqual(["channel", "productId"]);
  });
});

describe("searchTicketsInput", () => {
  it("defaults the limit and caps it at 50", () => {
    expect(searchTicketsInput.parse({ query: "12" }).limit).toBe(20);
    expect(searchTicketsInput.safeParse({ query: "12", limit: 51 }).success).toBe(false);
  });
});
