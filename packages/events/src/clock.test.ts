import { describe, expect, it } from "vitest";
import { createManualClock, systemClock } from "./clock.ts";

describe("clock", () => {
  it("a manual clock moves only when told to", () => {
    const clock = createManualClock(new Date("2026-01-01T00:00:00.000Z"));
    expect(clock.now().toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(clock.advance(90_000).toISOString()).toBe("2026-01-01T00:01:30.000Z");
    clock.set(new Date("2027-05-05T05:05:05.000Z"));
    expect(clock.now().toISOString()).toBe("2027-05-05T05:05:05.000Z");
  });

  it("the system clock reads the current time", () => {
    expect(Math.abs(systemClock.now().getTime() - Date.now())).toBeLessThan(1_000);
  });
});
