import { DomainError } from "@sysops/domain-errors";
import { describe, expect, it } from "vitest";
import { assertMayReadCustomer } from "./access.ts";

describe("assertMayReadCustomer", () => {
  it("lets a customer read only their own record", () => {
    const caller = { kind: "user", userId: "u1", role: "customer", name: "Ann", customerId: "c1" } as const;
    expect(() => assertMayReadCustomer(caller, "c1")).not.toThrow();
    expect(() => assertMayReadCustomer(caller, "c2")).toThrow(new DomainError("not_found", "Customer c2 not found"));
    expect(() => assertMayReadCustomer({ ...caller, customerId: undefined }, "c1")).toThrow(DomainError);
  });

  it("lets staff and services through", () => {
    expect(() => assertMayReadCustomer({ kind: "user", userId: "u2", role: "agent", name: "Priya" }, "c2")).not.toThrow();
    expect(() => assertMayReadCustomer({ kind: "service", service: "ticketing" }, "c2")).not.toThrow();
  });
});
