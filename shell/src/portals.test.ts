import { describe, expect, it } from "vitest";
import { USER_ROLES } from "@sysops/mf-config/contract";
import { APPS, PORTALS, appForPath, resolveRoute } from "./portals.ts";

describe("portals", () => {
  it("gives every role a landing route inside one of its own apps", () => {
    for (const role of USER_ROLES) {
      const portal = PORTALS[role];
      expect(portal.nav.map((n) => APPS[n.app].route)).toContain(portal.landing);
    }
  });

  it("matches routes by path segment", () => {
    expect(appForPath("/tickets")).toBe("ticketing");
    expect(appForPath("/tickets/T-000123")).toBe("ticketing");
    expect(appForPath("/ticketsx")).toBeUndefined();
    expect(appForPath("/")).toBeUndefined();
  });

  it("keeps allowed routes and redirects the rest to the role's landing", () => {
    expect(resolveRoute("customer", "/account")).toBe("/account");
    expect(resolveRoute("customer", "/admin")).toBe("/tickets");
    expect(resolveRoute("customer", "/")).toBe("/tickets");
    expect(resolveRoute("manager", "/tickets")).toBe("/reports");
    expect(resolveRoute("expert", "/account")).toBe("/tickets");
    expect(resolveRoute("admin", "/account/42")).toBe("/account/42");
    expect(resolveRoute("admin", "/kb")).toBe("/admin");
    expect(resolveRoute("customer", "/survey/abc")).toBe("/tickets/survey/abc");
  });
});
