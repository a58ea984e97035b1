import { describe, expect, it } from "vitest";
import { sortStatusCounts, statusLabel, totalCount } from "./status-counts.ts";

describe("status counts", () => {
  it("orders rows by the ticket life cycle, unknown statuses last", () => {
    const rows = [
      { status: "closed", count: 1 },
      { status: "zzz", count: 2 },
      { status: "new", count: 3 },
      { status: "in_progress", count: 4 },
    ];
    expect(sortStatusCounts(rows).map((r) => r.status)).toEqual(["new", "in_progress", "closed", "zzz"]);
  });

  it("sums the counts", () => {
    expect(totalCount([{ status: "new", count: 3 }, { status: "closed", count: 4 }])).toBe(7);
    expect(totalCount([])).toBe(0);
  });

  it("labels statuses for people", () => {
    expect(statusLabel("in_progress")).toBe("In progress");
    expect(statusLabel("new")).toBe("New");
  });
});
