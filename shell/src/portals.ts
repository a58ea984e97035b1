/** Which portal each role gets: its title, the apps it may use (in nav order) and where it lands. */
import type { UserRole } from "@sysops/mf-config/contract";

export const APP_NAMES = ["ticketing", "customer", "kb", "admin", "reporting"] as const;
export type AppName = (typeof APP_NAMES)[number];

/** Route prefix of each app, and how to name it when it is unavailable. */
export const APPS: Record<AppName, { route: string; displayName: string }> = {
  ticketing: { route: "/tickets", displayName: "Ticketing" },
  customer: { route: "/account", displayName: "Accounts" },
  kb: { route: "/kb", displayName: "The knowledge base" },
  admin: { route: "/admin", displayName: "Administration" },
  reporting: { route: "/reports", displayName: "Reporting" },
};

export interface Portal {
  title: string;
  /** Apps in navigation order, each with the label this role sees. */
  nav: { app: AppName; label: string }[];
  landing: string;
}

export const PORTALS: Record<UserRole, Portal> = {
  customer: {
    title: "Customer portal",
    nav: [
      { app: "ticketing", label: "My tickets" },
      { app: "customer", label: "My account" },
      { app: "kb", label: "Knowledge base" },
    ],
    landing: "/tickets",
  },
  agent: {
    title: "Helpdesk console",
    nav: [
      { app: "ticketing", label: "Tickets" },
      { app: "customer", label: "Customers" },
      { app: "kb", label: "Knowledge base" },
    ],
    landing: "/tickets",
  },
  expert: {
    title: "Expert console",
    nav: [
      { app: "ticketing", label: "Assignments" },
      { app: "kb", label: "Knowledge base" },
    ],
    landing: "/tickets",
  },
  manager: { title: "Reporting dashboard", nav: [{ app: "reporting", label: "Reports" }], landing: "/reports" },
  admin: {
    title: "Admin console",
    nav: [
      { app: "admin", label: "Users" },
      { app: "customer", label: "Customers" },
    ],
    landing: "/admin",
  },
};

/** True when `pathname` is `route` or below it ("/tickets", "/tickets/T-1"), not "/ticketsx". */
export function isUnder(pathname: string, route: string): boolean {
  return pathname === route || pathname.startsWith(`${route}/`);
}

/** The app a path belongs to, if any. */
export function appForPath(pathname: string): AppName | undefined {
  return APP_NAMES.find((name) => isUnder(pathname, APPS[name].route));
}

/** Where a role should be for `pathname`: the path itself when allowed, otherwise its landing route. */
export function resolveRoute(role: UserRole, pathname: string): string {
  // The survey e-mail links `/survey/<token>` (notification's compose.ts); the survey page lives in ticketing.
  if (pathname.startsWith("/survey/")) pathname = `/tickets${pathname}`;
  const portal = PORTALS[role];
  const app = appForPath(pathname);
  return app && portal.nav.some((n) => n.app === app) ? pathname : portal.landing;
}
