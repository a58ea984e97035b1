import { describe, expect, it } from "vitest";
import { normalizeQuery, planLabel } from "./account.ts";

describe("normalizeQuery", () => {
  it("trims and collapses whitespace", () => {
    expect(normalizeQuery("  Ada   Lovelace ")).toBe("Ada Lovelace");
  });
  it("rejects text too short to search", () => {
    expect(normalizeQuery(" a ")).toBeNull();
    expect(normalizeQuery("")).toBeNull();
  });
});

describe("planLabel", () => {
  it("names the plan and its tier", () => {
    expect(planLabel({ name: "Home Care", tier: 2 })).toBe("Home Care (tier 2)");
  });
  it("says when there is no plan", () => {
    expect(planLabel(null)).toBe("No support plan");
  });
});
