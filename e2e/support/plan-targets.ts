/**
 * Plans' time-to-assign targets, changed the way an admin changes them: svc-customer's `plans.setTargets`
 * (as the demo admin, with a caller token signed by the suite's internal secret), which re-announces every
 * customer on the plan (`customer.profile_changed`). Tickets snapshot the targets from ticketing's projection
 * of those events, so `setAssignTargets` waits until the projection shows the new target for every customer.
 */
import pg from "pg";
import { suitePorts } from "@sysops/config/ports";
import { demoUsers } from "@sysops/demo-data";
import { CALLER_HEADER, signCaller } from "@sysops/internal-auth";
import { pollUntil } from "./suite-processes.ts";

export interface PlanSuite {
  portBase: number;
  internalSecret: string;
  databaseUrl: string;
}

interface Plan {
  id: string;
  name: string;
  assignTargetMinutes: number;
}

async function callCustomerService<T>(suite: PlanSuite, procedure: string, input?: unknown): Promise<T> {
  const admin = demoUsers.admin;
  const token = await signCaller({ kind: "user", userId: admin.id, role: "admin", name: admin.name }, suite.internalSecret);
  const url = `http://127.0.0.1:${suitePorts(suite.portBase).service.customer}/${procedure}`;
  const res = await fetch(url, {
    method: input === undefined ? "GET" : "POST",
    headers: { [CALLER_HEADER]: token, "content-type": "application/json" },
    ...(input === undefined ? {} : { body: JSON.stringify(input) }),
  });
  if (!res.ok) throw new Error(`${procedure}: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { result: { data: T } }).result.data;
}

async function projectedEverywhere(suite: PlanSuite, minutes: number): Promise<boolean> {
  const db = new pg.Client({ connectionString: suite.databaseUrl });
  db.on("error", () => {});
  await db.connect();
  try {
    const { rows } = await db.query<{ stale: string }>(
      `SELECT (SELECT count(*) FROM customer."Customer") - (SELECT count(*) FROM ticketing."CustomerProjection" WHERE "assignTargetMinutes" = $1) AS stale`,
      [minutes],
    );
    return Number(rows[0]!.stale) === 0;
  } finally {
    await db.end();
  }
}

/** Sets every plan's time-to-assign target; returns a function that restores the old ones. */
export async function setAssignTargets(suite: PlanSuite, minutes: number): Promise<() => Promise<void>> {
  const plans = await callCustomerService<Plan[]>(suite, "plans.list");
  for (const plan of plans) await callCustomerService(suite, "plans.setTargets", { planId: plan.id, assignTargetMinutes: minutes });
  await pollUntil(`ticketing's customer projection to show a ${minutes}-minute assign target`, 30_000, async () => ((await projectedEverywhere(suite, minutes)) ? true : undefined), 100);
  return async () => {
    for (const plan of plans) await callCustomerService(suite, "plans.setTargets", { planId: plan.id, assignTargetMinutes: plan.assignTargetMinutes });
  };
}
