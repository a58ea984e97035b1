import { TRPCClientError } from "@trpc/client";
import { describe, expect, it, vi } from "vitest";
import { applyServerErrors, isStaleTicket, serverErrorOf } from "./server-errors.ts";

const clientError = (message: string, data: unknown) => Object.assign(new TRPCClientError(message), { data });

describe("server errors on forms", () => {
  it("puts each named field's first message on that field and leaves no form message", () => {
    const setError = vi.fn();
    const error = serverErrorOf(clientError("bad", { code: "BAD_REQUEST", fieldErrors: { description: ["Describe the problem", "more"] } }));
    expect(applyServerErrors(error, ["description", "productId"], setError)).toBeNull();
    expect(setError).toHaveBeenCalledWith("description", { type: "server", message: "Describe the problem" });
  });

  it("returns the message for the form when a field is not on it, or none is named", () => {
    const setError = vi.fn();
    expect(applyServerErrors(serverErrorOf(clientError("Idempotency key", { fieldErrors: { idempotencyKey: ["x"] } })), ["description"], setError)).toBe("Idempotency key");
    expect(applyServerErrors(serverErrorOf(clientError("Down", { code: "INTERNAL_SERVER_ERROR" })), ["description"], setError)).toBe("Down");
    expect(setError).not.toHaveBeenCalled();
  });

  it("takes any CONFLICT on a ticket action as a stale page, and treats anything that is not a tRPC error as a generic failure", () => {
    expect(isStaleTicket(serverErrorOf(clientError("This ticket changed since you loaded it; reload and try again", { code: "CONFLICT" })))).toBe(true);
    expect(isStaleTicket(serverErrorOf(clientError("Cannot cancel ticket 1: it is cancelled", { code: "CONFLICT" })))).toBe(true);
    expect(isStaleTicket(serverErrorOf(clientError("Give a reason", { code: "BAD_REQUEST" })))).toBe(false);
    expect(serverErrorOf(new Error("boom"))).toEqual({ code: undefined, message: "Something went wrong. Try again.", fieldErrors: {} });
  });
});
