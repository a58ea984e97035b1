import { describe, expect, it } from "vitest";
import { EXPLANATION_LIST_CAP } from "./candidate-graph.ts";
import { planAssignments } from "./index.ts";
import { BERLIN, expert, NOW, north, ticket } from "./test-fixtures.ts";

describe("planAssignments", () => {
  it("assigns the nearest expert and explains the choice", () => {
    const experts = [expert({ id: "near" }), expert({ id: "far", ...north(BERLIN, 10) }), expert({ id: "off", onDuty: false })];
    const { assignments, explanations } = planAssignments([ticket({ id: "t", ...north(BERLIN, 2) })], experts, NOW);
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({ ticketId: "t", expertId: "near" });
    expect(assignments[0]!.distanceKm).toBeCloseTo(2, 2);
    expect(assignments[0]!.cost).toBeCloseTo(2, 2);
    expect(assignments[0]!.arrivalWindowStart).toEqual(new Date("2026-11-25T10:00:00Z"));
    expect(assignments[0]!.arrivalWindowEnd).toEqual(new Date("2026-11-25T12:00:00Z"));
    expect(explanations.t).toMatchObject({
      candidates: 3, eligible: 2, excluded: { on_duty: ["off"] }, excludedCounts: { on_duty: 1 },
      chosen: { expertId: "near", cost: assignments[0]!.cost },
    });
    expect(explanations.t!.costs.map((c) => c.expertId)).toEqual(["near", "far"]);
  });

  it("gives a busy expert's ticket to an idle one a little further away (load term)", () => {
    const experts = [expert({ id: "busy", openAssignments: 2 }), expert({ id: "idle", ...north(BERLIN, 4) })];
    const { assignments } = planAssignments([ticket({ id: "t" })], experts, NOW);
    expect(assignments[0]!.expertId).toBe("idle");
  });

  it("never exceeds remaining capacity, and leaves the rest unassigned with an explanation", () => {
    const tickets = ["a", "b", "c"].map((id) => ticket({ id }));
    const { assignments, explanations } = planAssignments(tickets, [expert({ id: "e", capacity: 3, openAssignments: 1 })], NOW);
    expect(assignments).toHaveLength(2);
    expect(new Set(assignments.map((a) => a.ticketId)).size).toBe(2);
    const left = tickets.find((t) => !assignments.some((a) => a.ticketId === t.id))!;
    expect(explanations[left.id]!.chosen).toBeNull();
    expect(explanations[left.id]!.eligible).toBe(1);
  });

  it("serves as many tickets as possible before caring about cost", () => {
    // Greedy nearest would give "both" to t1 (1 km) and strand t2; the optimum uses the far expert for t1.
    const experts = [expert({ id: "both", capacity: 1 }), expert({ id: "far", capacity: 1, ...north(BERLIN, 40) })];
    const tickets = [ticket({ id: "t1", ...north(BERLIN, 1) }), ticket({ id: "t2", ...north(BERLIN, -5), rejectedBy: ["far"] })];
    const { assignments } = planAssignments(tickets, experts, NOW);
    expect(assignments.map((a) => [a.ticketId, a.expertId]).sort()).toEqual([["t1", "far"], ["t2", "both"]]);
  });

  it("caps the excluded id lists but keeps exact counts", () => {
    const experts = Array.from({ length: 45 }, (_, i) => expert({ id: `x${i}`, skills: {} }));
    const { explanations } = planAssignments([ticket({ id: "t" })], experts, NOW);
    expect(explanations.t!.excluded.skill).toHaveLength(EXPLANATION_LIST_CAP);
    expect(explanations.t!.excludedCounts.skill).toBe(45);
  });

  it("handles no tickets and no experts", () => {
    expect(planAssignments([], [expert()], NOW).assignments).toEqual([]);
    expect(planAssignments([ticket()], [], NOW)).toMatchObject({ assignments: [], explanations: { t1: { candidates: 0, chosen: null } } });
  });
});
