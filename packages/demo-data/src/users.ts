import type { ProductCategory } from "./catalog.ts";
import { demoCustomers } from "./customers.ts";
import { demoId } from "./ids.ts";

/** Same values as `USER_ROLES` in @sysops/internal-auth (demo data stays free of server packages). */
export type DemoRole = "customer" | "agent" | "expert" | "manager" | "admin";

export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: DemoRole;
  /** Set for customers: their id in the customer service. */
  customerId: string | null;
}

export interface DemoSkill {
  category: ProductCategory;
  /** 1 (basic) … 5 (specialist). */
  level: number;
}

/** A weekly slot in the expert's time zone; weekday 0 = Sunday. */
export interface DemoWorkingHours {
  weekday: number;
  start: string;
  end: string;
}

export interface DemoExpert extends DemoUser {
  role: "expert";
  profile: { homeLat: number; homeLon: number; radiusKm: number; capacity: number; onDuty: boolean; timeZone: string; phone: string };
  workingHours: DemoWorkingHours[];
  skills: DemoSkill[];
}

const days = (weekdays: number[], start: string, end: string): DemoWorkingHours[] => weekdays.map((weekday) => ({ weekday, start, end }));
/** Most demo experts are on call around the clock so a demo finds someone at any hour. */
const ALWAYS = days([0, 1, 2, 3, 4, 5, 6], "00:00", "23:59");

export interface DemoCustomerUser extends DemoUser {
  role: "customer";
  customerId: string;
}

let userNo = 0;
const staff = <R extends DemoRole>(name: string, email: string, role: R) => ({ id: demoId("user", ++userNo), email, name, role, customerId: null });

let expertNo = 0;
const expert = (
  name: string,
  email: string,
  home: [lat: number, lon: number],
  radiusKm: number,
  capacity: number,
  skills: DemoSkill[],
  workingHours: DemoWorkingHours[] = ALWAYS,
): DemoExpert => ({
  ...staff(name, email, "expert"),
  profile: { homeLat: home[0], homeLon: home[1], radiusKm, capacity, onDuty: true, timeZone: "America/Chicago", phone: `+1312555${String(++expertNo).padStart(4, "0")}` },
  workingHours,
  skills,
});

const admin = staff("Ada Admin", "admin@sysops.example", "admin");
const manager = staff("Morgan Manager", "manager@sysops.example", "manager");
const agents = [staff("Priya Agent", "priya.agent@sysops.example", "agent"), staff("Tom Agent", "tom.agent@sysops.example", "agent")];

const experts: DemoExpert[] = [
  expert("Sam Rivera", "sam.rivera@sysops.example", [41.8819, -87.6278], 15, 4, [
    { category: "laptop", level: 5 },
    { category: "desktop", level: 4 },
    { category: "network", level: 3 },
  ]),
  expert("Lena Fischer", "lena.fischer@sysops.example", [41.9484, -87.6553], 12, 3, [
    { category: "tv", level: 5 },
    { category: "audio", level: 4 },
  ]),
  expert("Omar Said", "omar.said@sysops.example", [42.0451, -87.6877], 20, 3, [
    { category: "phone", level: 5 },
    { category: "laptop", level: 2 },
  ]),
  expert("Mei Chen", "mei.chen@sysops.example", [41.7508, -88.1535], 25, 2, [
    { category: "printer", level: 4 },
    { category: "desktop", level: 3 },
    { category: "tv", level: 2 },
  ], days([1, 2, 3, 4, 5], "08:00", "17:00")),
  expert("Kofi Mensah", "kofi.mensah@sysops.example", [41.8781, -87.7846], 18, 4, [
    { category: "network", level: 5 },
    { category: "printer", level: 3 },
  ]),
  expert("Nora Walsh", "nora.walsh@sysops.example", [41.7906, -87.5831], 10, 2, [
    { category: "audio", level: 3 },
    { category: "phone", level: 3 },
    { category: "laptop", level: 1 },
  ], days([0, 6], "09:00", "18:00")),
];

const customers: DemoCustomerUser[] = demoCustomers.map((c) => ({ ...staff(c.name, c.email, "customer"), customerId: c.id }));

/** Everyone who can sign in (password `DEMO_PASSWORD`), by role. */
export const demoUsers = { admin, manager, agents, experts, customers };

export const allDemoUsers: DemoUser[] = [admin, manager, ...agents, ...experts, ...customers];
