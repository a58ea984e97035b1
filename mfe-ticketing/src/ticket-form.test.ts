import { describe, expect, it } from "vitest";
import { errorsFromServer, hasErrors, validateTicketForm } from "./ticket-form.ts";

const valid = { productId: "p1", description: "Screen flickers", serviceAddress: "1 Main St" };

describe("validateTicketForm", () => {
  it("accepts a complete form", () => {
    expect(hasErrors(validateTicketForm(valid))).toBe(false);
  });

  it("flags an empty (or blank) description next to its field", () => {
    const errors = validateTicketForm({ ...valid, description: "   " });
    expect(errors).toEqual({ description: "Describe the problem." });
  });

  it("flags a missing product and address", () => {
    const errors = validateTicketForm({ productId: "", description: "x", serviceAddress: "" });
    expect(Object.keys(errors).sort()).toEqual(["productId", "serviceAddress"]);
  });
});

describe("errorsFromServer", () => {
  it("puts the BFF's field errors next to their fields", () => {
    const error = { message: "description: Too small", data: { fieldErrors: { description: ["Too small"], serviceAddress: ["Required"] } } };
    expect(errorsFromServer(error)).toEqual({ description: "Too small", serviceAddress: "Required" });
  });

  it("keeps errors on unknown fields visible at form level", () => {
    expect(errorsFromServer({ data: { fieldErrors: { plan: ["No active plan"] } } })).toEqual({ form: "No active plan" });
  });

  it("falls back to the error message, or a generic one", () => {
    expect(errorsFromServer({ message: "Not allowed", data: null })).toEqual({ form: "Not allowed" });
    expect(errorsFromServer(undefined)).toEqual({ form: "Filing the ticket failed." });
  });
});
