import { describe, expect, it } from "vitest";
import { allDemoUsers, demoCustomers, demoPlans, demoTickets, demoUsers, PRODUCT_CATEGORIES } from "./index.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-8[0-9a-f]{3}-[0-9a-f]{12}$/;

describe("demo data", () => {
  it("has the promised cast", () => {
    expect(demoUsers.agents).toHaveLength(2);
    expect(demoUsers.experts).toHaveLength(6);
    expect(demoCustomers).toHaveLength(10);
    expect(demoPlans).toHaveLength(3);
    expect(demoTickets.length).toBeGreaterThanOrEqual(8);
  });

  it("uses unique, valid ids and unique emails", () => {
    const ids = [...allDemoUsers, ...demoCustomers, ...demoPlans, ...demoCustomers.flatMap((c) => c.products), ...demoTickets].map((x) => x.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(UUID);
    const emails = allDemoUsers.map((u) => u.email);
    expect(new Set(emails).size).toBe(emails.length);
  });

  it("links customer users, plans and ticket products consistently", () => {
    demoUsers.customers.forEach((u, i) => expect(u.customerId).toBe(demoCustomers[i]?.id));
    const planIds = new Set<string>(demoPlans.map((p) => p.id));
    for (const c of demoCustomers) {
      expect(planIds.has(c.planId)).toBe(true);
      expect(c.products.length).toBeGreaterThanOrEqual(1);
      expect(c.products.length).toBeLessThanOrEqual(3);
    }
    for (const t of demoTickets) {
      const owner = demoCustomers.find((c) => c.id === t.customerId);
      expect(owner?.products.some((p) => p.id === t.productId)).toBe(true);
      expect(t.history[0]?.toStatus).toBe("new");
    }
  });

  it("gives experts skills in known categories at levels 1-5", () => {
    for (const e of demoUsers.experts) {
      expect(e.skills.length).toBeGreaterThan(0);
      for (const s of e.skills) {
        expect(PRODUCT_CATEGORIES).toContain(s.category);
        expect(s.level).toBeGreaterThanOrEqual(1);
        expect(s.level).toBeLessThanOrEqual(5);
      }
    }
  });

  it("gives experts distinct phones and valid weekly hours, with someone on call every hour of the week", () => {
    const phones = demoUsers.experts.map((e) => e.profile.phone);
    expect(new Set(phones).size).toBe(phones.length);
    for (const e of demoUsers.experts) {
      expect(e.workingHours.length).toBeGreaterThan(0);
      for (const h of e.workingHours) {
        expect(h.weekday).toBeGreaterThanOrEqual(0);
        expect(h.weekday).toBeLessThanOrEqual(6);
        expect(h.start).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(h.end).toMatch(/^([01]\d|2[0-3]):[0-5]\d$/);
        expect(h.start < h.end).toBe(true);
      }
    }
    for (let weekday = 0; weekday < 7; weekday++) {
      expect(demoUsers.experts.some((e) => e.workingHours.some((h) => h.weekday === weekday && h.start === "00:00" && h.end === "23:59"))).toBe(true);
    }
  });

  it("gives plans SLA targets that tighten with the tier", () => {
    const [basic, plus, premier] = demoPlans;
    expect(premier).toMatchObject({ requiredSkillLevel: 4, assignTargetMinutes: 30 });
    for (const [lower, higher] of [[basic, plus], [plus, premier]] as const) {
      expect(higher.requiredSkillLevel).toBeGreaterThanOrEqual(lower.requiredSkillLevel);
      expect(higher.assignTargetMinutes).toBeLessThan(lower.assignTargetMinutes);
      expect(higher.acceptTargetMinutes).toBeLessThan(lower.acceptTargetMinutes);
      expect(higher.resolveTargetMinutes).toBeLessThan(lower.resolveTargetMinutes);
    }
  });
});
