import { describe, expect, it } from "vitest";
import { isWithinWorkingHours, localTime, parseClock } from "./local-time.ts";

describe("localTime", () => {
  it("reads weekday and wall-clock time in the zone, DST included", () => {
    expect(localTime(new Date("2026-11-25T09:30:00Z"), "Europe/Berlin")).toEqual({ weekday: 3, minutes: 10 * 60 + 30 });
    expect(localTime(new Date("2026-07-01T09:30:00Z"), "Europe/Berlin")).toEqual({ weekday: 3, minutes: 11 * 60 + 30 });
    expect(localTime(new Date("2026-11-25T09:30:00Z"), "Asia/Kolkata")).toEqual({ weekday: 3, minutes: 15 * 60 });
  });

  it("crosses the date line: Wednesday 23:00 UTC is Thursday in Auckland, Wednesday in New York", () => {
    const at = new Date("2026-11-25T23:00:00Z");
    expect(localTime(at, "Pacific/Auckland")).toEqual({ weekday: 4, minutes: 12 * 60 });
    expect(localTime(at, "America/New_York")).toEqual({ weekday: 3, minutes: 18 * 60 });
  });

  it("reports midnight as 0 minutes and an unknown zone as null", () => {
    expect(localTime(new Date("2026-11-24T23:00:00Z"), "Europe/Berlin")).toEqual({ weekday: 3, minutes: 0 });
    expect(localTime(new Date(), "Mars/Olympus_Mons")).toBeNull();
  });
});

describe("working hours", () => {
  const weekday9to17 = [{ weekday: 3, start: "09:00", end: "17:00" }];

  it("includes the start and excludes the end of a window, on its weekday only", () => {
    expect(isWithinWorkingHours(weekday9to17, { weekday: 3, minutes: 9 * 60 })).toBe(true);
    expect(isWithinWorkingHours(weekday9to17, { weekday: 3, minutes: 17 * 60 - 1 })).toBe(true);
    expect(isWithinWorkingHours(weekday9to17, { weekday: 3, minutes: 17 * 60 })).toBe(false);
    expect(isWithinWorkingHours(weekday9to17, { weekday: 3, minutes: 8 * 60 + 59 })).toBe(false);
    expect(isWithinWorkingHours(weekday9to17, { weekday: 4, minutes: 12 * 60 })).toBe(false);
  });

  it("runs a night shift past midnight into the next weekday (Saturday night into Sunday)", () => {
    const night = [{ weekday: 6, start: "22:00", end: "06:00" }];
    expect(isWithinWorkingHours(night, { weekday: 6, minutes: 23 * 60 })).toBe(true);
    expect(isWithinWorkingHours(night, { weekday: 0, minutes: 5 * 60 + 59 })).toBe(true);
    expect(isWithinWorkingHours(night, { weekday: 0, minutes: 6 * 60 })).toBe(false);
    expect(isWithinWorkingHours(night, { weekday: 6, minutes: 21 * 60 })).toBe(false);
  });

  it("accepts 24:00 as an end and ignores malformed or empty windows", () => {
    expect(isWithinWorkingHours([{ weekday: 1, start: "20:00", end: "24:00" }], { weekday: 1, minutes: 23 * 60 + 59 })).toBe(true);
    expect(isWithinWorkingHours([{ weekday: 1, start: "9am", end: "17:00" }], { weekday: 1, minutes: 12 * 60 })).toBe(false);
    expect(isWithinWorkingHours([{ weekday: 1, start: "10:00", end: "10:00" }], { weekday: 1, minutes: 10 * 60 })).toBe(false);
    expect(parseClock("25:00")).toBeNull();
    expect(parseClock("07:60")).toBeNull();
    expect(parseClock("7:05")).toBe(425);
  });
});
