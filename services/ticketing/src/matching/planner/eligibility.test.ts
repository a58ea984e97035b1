import { describe, expect, it } from "vitest";
import { checkEligibility } from "./eligibility.ts";
import { BERLIN, expert, NOW, north, ticket } from "./test-fixtures.ts";

describe("hard rules", () => {
  it("accepts an eligible pair and returns its distance", () => {
    const potsdam = { lat: 52.3906, lon: 13.0645 }; // 14.6 km south, 23.6 km west
    const result = checkEligibility(ticket(potsdam), expert(), NOW);
    expect(result.rule).toBeNull();
    expect(result.rule === null && result.distanceKm).toBeCloseTo(27.77, 1);
  });

  it("on_duty: an off-duty expert is excluded", () => {
    expect(checkEligibility(ticket(), expert({ onDuty: false }), NOW).rule).toBe("on_duty");
  });

  it("working_hours: judged in the expert's own time zone", () => {
    // 10:30 in Berlin is 04:30 in New York and 18:30 in Tokyo: outside 09:00–17:00 for both.
    expect(checkEligibility(ticket(), expert({ timeZone: "America/New_York" }), NOW).rule).toBe("working_hours");
    expect(checkEligibility(ticket(), expert({ timeZone: "Asia/Tokyo" }), NOW).rule).toBe("working_hours");
    expect(checkEligibility(ticket(), expert({ timeZone: "Asia/Tokyo", workingHours: [{ weekday: 3, start: "18:00", end: "23:00" }] }), NOW).rule).toBeNull();
  });

  it("working_hours: the wrong weekday, no windows, or an unknown zone exclude", () => {
    expect(checkEligibility(ticket(), expert({ workingHours: [{ weekday: 4, start: "00:00", end: "24:00" }] }), NOW).rule).toBe("working_hours");
    expect(checkEligibility(ticket(), expert({ workingHours: [] }), NOW).rule).toBe("working_hours");
    expect(checkEligibility(ticket(), expert({ timeZone: "Not/AZone" }), NOW).rule).toBe("working_hours");
  });

  it("capacity: open assignments must be below capacity", () => {
    expect(checkEligibility(ticket(), expert({ capacity: 2, openAssignments: 2 }), NOW).rule).toBe("capacity");
    expect(checkEligibility(ticket(), expert({ capacity: 2, openAssignments: 1 }), NOW).rule).toBeNull();
    expect(checkEligibility(ticket(), expert({ capacity: 0 }), NOW).rule).toBe("capacity");
  });

  it("skill: the category at the required level or above; prototype keys are no skill", () => {
    expect(checkEligibility(ticket({ requiredLevel: 3 }), expert({ skills: { hardware: 3 } }), NOW).rule).toBeNull();
    expect(checkEligibility(ticket({ requiredLevel: 4 }), expert({ skills: { hardware: 3 } }), NOW).rule).toBe("skill");
    expect(checkEligibility(ticket({ category: "network" }), expert(), NOW).rule).toBe("skill");
    expect(checkEligibility(ticket({ category: "constructor", requiredLevel: 0 }), expert(), NOW).rule).toBe("skill");
  });

  it("rejected: an expert who rejected the ticket is never offered it again", () => {
    expect(checkEligibility(ticket({ rejectedBy: ["e9", "e1"] }), expert({ id: "e1" }), NOW).rule).toBe("rejected");
    expect(checkEligibility(ticket({ rejectedBy: ["e9"] }), expert({ id: "e1" }), NOW).rule).toBeNull();
  });

  it("radius: haversine distance up to the radius, inclusive", () => {
    expect(checkEligibility(ticket(north(BERLIN, 29.9)), expert({ radiusKm: 30 }), NOW).rule).toBeNull();
    expect(checkEligibility(ticket(north(BERLIN, 30.1)), expert({ radiusKm: 30 }), NOW).rule).toBe("radius");
    const eastward = { lat: BERLIN.lat, lon: BERLIN.lon + 0.45 }; // ~30.5 km east: passes the latitude pre-check
    expect(checkEligibility(ticket(eastward), expert({ radiusKm: 30 }), NOW).rule).toBe("radius");
    expect(checkEligibility(ticket({ lat: Number.NaN }), expert(), NOW).rule).toBe("radius");
  });

  it("reports the first failing rule in order: on_duty, working_hours, capacity, skill, rejected, radius", () => {
    const far = ticket({ ...north(BERLIN, 500), category: "network", rejectedBy: ["e1"] });
    expect(checkEligibility(far, expert({ onDuty: false, capacity: 0 }), NOW).rule).toBe("on_duty");
    expect(checkEligibility(far, expert({ capacity: 0 }), NOW).rule).toBe("capacity");
    expect(checkEligibility(far, expert(), NOW).rule).toBe("skill");
    expect(checkEligibility({ ...far, category: "hardware" }, expert(), NOW).rule).toBe("rejected");
  });
});
