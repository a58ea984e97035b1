import { describe, expect, it } from "vitest";
import { formatTimeLeft } from "./sla-format.ts";

describe("formatTimeLeft", () => {
  it.each([
    [12 * 60_000, "12 min left"],
    [(2 * 60 + 5) * 60_000, "2 h 5 min left"],
    [-(27 * 60) * 60_000, "1 d 3 h overdue"],
    [0, "0 min left"],
  ])("%d ms → %s", (ms, text) => expect(formatTimeLeft(ms)).toBe(text));
});
