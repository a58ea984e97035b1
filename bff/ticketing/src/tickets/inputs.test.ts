import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createTicketInput } from "./inputs.ts";

const fieldErrors = (result: { success: boolean; error?: z.ZodError }) => (result.error ? z.flattenError(result.error).fieldErrors : {});

describe("createTicketInput", () => {
  const valid = { productId: "p-1", description: "  Screen is black  ", serviceAddress: " 12 Main Street " };

  it("trims the text fields", () => {
    expect(createTicketInput.parse(valid)).toEqual({ productId: "p-1", description: "Screen is black", serviceAddress: "12 Main Street" });
  });

  it("names the description when it is blank", () => {
    const result = createTicketInput.safeParse({ ...valid, description: "   " });
    expect(fieldErrors(result)).toEqual({ description: ["Describe the problem"] });
  });

  it("rejects a description over 4000 characters and an address under 5", () => {
    const result = createTicketInput.safeParse({ ...valid, description: "x".repeat(4001), serviceAddress: " ab " });
    expect(Object.keys(fieldErrors(result)).sort()).toEqual(["description", "serviceAddress"]);
  });

  it("rejects an address over 300 characters", () => {
    expect(fieldErrors(createTicketInput.safeParse({ ...valid, serviceAddress: "x".repeat(301) }))).toHaveProperty("serviceAddress");
  });
});
