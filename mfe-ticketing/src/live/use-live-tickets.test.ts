import type { Query } from "@tanstack/react-query";
import { describe, expect, it } from "vitest";
import { mayShowTicket } from "./use-live-tickets.ts";

/** A query as tRPC keys it: `[path, { input, type }]`. */
const query = (path: string[], input?: unknown) => ({ queryKey: [path, { input, type: "query" }] }) as unknown as Query;

describe("mayShowTicket: which queries a change of ticket t-1 refetches", () => {
  it("the detail of that ticket, every list, not the detail of another ticket", () => {
    expect(mayShowTicket(query(["expert", "ticket"], { ticketId: "t-1" }), "t-1")).toBe(true);
    expect(mayShowTicket(query(["expert", "assignments"]), "t-1")).toBe(true);
    expect(mayShowTicket(query(["helpdesk", "searchTickets"], { status: "new" }), "t-1")).toBe(true);
    expect(mayShowTicket(query(["customer", "ticket"], { number: "T-000001" }), "t-1")).toBe(true);
    expect(mayShowTicket(query(["expert", "ticket"], { ticketId: "t-2" }), "t-1")).toBe(false);
  });
});
