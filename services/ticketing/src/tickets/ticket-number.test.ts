import { describe, expect, it } from "vitest";
import { formatTicketNumber, parseTicketNumber } from "./ticket-number.ts";

describe("ticket numbers", () => {
  it("formats with six digits", () => {
    expect(formatTicketNumber(123)).toBe("T-000123");
    expect(formatTicketNumber(1234567)).toBe("T-1234567");
  });

  it.each([
    ["T-000012", 12],
    ["t-12", 12],
    ["T12", 12],
    [" 000012 ", 12],
    ["12", 12],
  ])("parses %j", (text, n) => expect(parseTicketNumber(text)).toBe(n));

  it.each(["Alice", "T-", "T-0", "12a", "", "T--12", "1234567890"])("rejects %j", (text) => expect(parseTicketNumber(text)).toBeNull());

  it("round-trips", () => expect(parseTicketNumber(formatTicketNumber(4711))).toBe(4711));
});
