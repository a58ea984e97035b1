/**
 * SLA timers (time to assign, accept, resolve; warning at 80 %, breach at 100 %). Transitions call
 * `scheduleFor` / `cancelFor` after commit; svc-ticketing-worker fires them (`startSlaWorker`), the API
 * process only schedules them (`startSlaScheduler`).
 */
export type { SlaTicket } from "./sla-ticket.ts";
export { cancelFor, scheduleFor } from "./sla-timers.ts";
export { startSlaWorker, type SlaWorker, type SlaWorkerOptions } from "./sla-worker.ts";
export { SLA_QUEUE, startSlaScheduler, type SlaScheduler, type SlaSchedulerOptions } from "./sla-scheduler.ts";
export { reconcileSla, type ReconcileResult } from "./reconcile-sla.ts";
export { fireSlaTimer, type FireResult } from "./fire-sla.ts";
export { getSlaStatus, type SlaStatus } from "./sla-status.ts";
export { slaRouter } from "./sla-router.ts";
