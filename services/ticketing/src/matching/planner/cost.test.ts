import { describe, expect, it } from "vitest";
import { arrivalWindow, LOAD_KM, slotCostMetres } from "./cost.ts";

describe("arrival window", () => {
  const at = (iso: string): Date => new Date(iso);

  it("is travel time at 40 km/h from now, rounded up to the next half hour, two hours long", () => {
    // 20 km at 40 km/h = 30 min: 10:05 + 0:30 = 10:35 → 11:00–13:00.
    expect(arrivalWindow(at("2026-11-25T10:05:00Z"), 20)).toEqual({ start: at("2026-11-25T11:00:00Z"), end: at("2026-11-25T13:00:00Z") });
  });

  it("keeps an exact half hour and never starts before the expert can arrive", () => {
    expect(arrivalWindow(at("2026-11-25T10:00:00Z"), 0).start).toEqual(at("2026-11-25T10:00:00Z"));
    expect(arrivalWindow(at("2026-11-25T10:00:00Z"), 20).start).toEqual(at("2026-11-25T10:30:00Z"));
    expect(arrivalWindow(at("2026-11-25T10:00:00Z"), 20.01).start).toEqual(at("2026-11-25T11:00:00Z"));
    expect(arrivalWindow(at("2026-11-25T23:50:00Z"), 60).start).toEqual(at("2026-11-26T01:30:00Z"));
  });
});

describe("cost", () => {
  it("adds a load term that grows with every open and every new assignment (convex)", () => {
    const marginal = [0, 1, 2, 3].map((k) => slotCostMetres(1000, 1, k));
    expect(marginal).toEqual([1000 + LOAD_KM * 1000, 1000 + 2 * LOAD_KM * 1000, 1000 + 3 * LOAD_KM * 1000, 1000 + 4 * LOAD_KM * 1000]);
  });
});
