import { describe, expect, it } from "vitest";
import { formatFiledAt, normalizeQuery, statusLabel } from "./format.ts";

describe("format", () => {
  it("labels statuses for people", () => {
    expect(statusLabel("in_progress")).toBe("in progress");
    expect(statusLabel("new")).toBe("new");
  });

  it("formats an ISO date and leaves garbage visible", () => {
    expect(formatFiledAt("2026-11-25T08:30:00.000Z", "en-GB")).toMatch(/25 Nov 2026/);
    expect(formatFiledAt("not a date")).toBe("not a date");
  });

  it("normalizes search text", () => {
    expect(normalizeQuery("  T-000123 ")).toBe("T-000123");
    expect(normalizeQuery("   ")).toBeNull();
  });
});
