import { describe, expect, it } from "vitest";
import { fileTicketForm, preferredDateProblem } from "./inputs.ts";
import { preferredWindow, zonedTime } from "./preferred-window.ts";

describe("preferredWindow", () => {
  it("turns a date and slot in the customer's time zone into UTC instants", () => {
    expect(preferredWindow("2026-11-27", "morning", "Europe/Berlin")).toEqual({ start: "2026-11-27T07:00:00.000Z", end: "2026-11-27T11:00:00.000Z" });
    expect(preferredWindow("2026-07-01", "evening", "America/New_York")).toEqual({ start: "2026-07-01T21:00:00.000Z", end: "2026-07-02T00:00:00.000Z" });
    expect(preferredWindow("2026-11-27", "any", "UTC")).toEqual({ start: "2026-11-27T08:00:00.000Z", end: "2026-11-27T20:00:00.000Z" });
  });

  it("follows daylight saving time on the day it changes", () => {
    // Berlin switches to summer time at 02:00 on 2026-03-29: 08:00 there is 06:00 UTC that day, 07:00 the day before.
    expect(zonedTime("2026-03-28", 8, "Europe/Berlin").toISOString()).toBe("2026-03-28T07:00:00.000Z");
    expect(zonedTime("2026-03-29", 8, "Europe/Berlin").toISOString()).toBe("2026-03-29T06:00:00.000Z");
  });

  it("is null without a date", () => {
    expect(preferredWindow("", "morning", "UTC")).toBeNull();
  });
});

describe("the file-a-ticket form schema", () => {
  const now = new Date("2026-11-25T12:00:00Z");
  const valid = { productId: "p", category: "tv", description: "The picture is dark", serviceAddress: "1 Main Street", saveAsDefault: false, preferredDate: "", preferredSlot: "any" as const };

  it("accepts a form without a preferred date", () => {
    expect(fileTicketForm.safeParse(valid).success).toBe(true);
  });

  it("names each bad field", () => {
    const result = fileTicketForm.safeParse({ ...valid, productId: "", description: "short", serviceAddress: "x", preferredDate: "27/11/2026" });
    const fields = result.error?.issues.map((i) => i.path.join(".")).sort();
    expect(fields).toEqual(["description", "preferredDate", "productId", "serviceAddress"]);
  });

  it("refuses dates in the past or too far ahead", () => {
    expect(preferredDateProblem("2026-11-20", now)).toMatch(/from today/);
    expect(preferredDateProblem("2027-03-01", now)).toMatch(/within 60 days/);
    expect(preferredDateProblem("2026-11-26", now)).toBeNull();
  });
});
