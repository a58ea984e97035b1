import { describe, expect, it } from "vitest";
import { assertMayFileTicket, assertMayReadCustomerTickets, assertMayReadTicket } from "./access.ts";

const customer = { kind: "user", userId: "u1", role: "customer", name: "Ann", customerId: "c1" } as const;
const agent = { kind: "user", userId: "u2", role: "agent", name: "Priya" } as const;
const manager = { kind: "user", userId: "u3", role: "manager", name: "Morgan" } as const;

describe("ticket access", () => {
  it("hides other customers' tickets from a customer", () => {
    expect(() => assertMayReadTicket(customer, { id: "t1", customerId: "c1" })).not.toThrow();
    expect(() => assertMayReadTicket(customer, { id: "t2", customerId: "c2" })).toThrow("Ticket t2 not found");
    expect(() => assertMayReadCustomerTickets(customer, "c2")).toThrow("Customer c2 not found");
    expect(() => assertMayReadTicket(agent, { id: "t2", customerId: "c2" })).not.toThrow();
  });

  it("lets customers file on the web for themselves and agents on the phone", () => {
    expect(() => assertMayFileTicket(customer, "c1", "web")).not.toThrow();
    expect(() => assertMayFileTicket(customer, "c2", "web")).toThrow("Customer c2 not found");
    expect(() => assertMayFileTicket(customer, "c1", "phone")).toThrow(/web/);
    expect(() => assertMayFileTicket(agent, "c2", "phone")).not.toThrow();
    expect(() => assertMayFileTicket(agent, "c2", "web")).toThrow(/phone/);
    expect(() => assertMayFileTicket(manager, "c2", "phone")).toThrow(/customers and agents/);
  });
});
