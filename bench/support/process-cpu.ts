/**
 * CPU time of a running suite's processes, read from /proc (Linux): the processes whose environment carries
 * the suite's SYSOPS_PORT_BASE, named by their entry script, plus every PostgreSQL and Redis server process
 * on the machine (shared with anything else running: read them on a quiet machine). Benchmarks take a
 * snapshot before and after a phase and divide by the work done, e.g. CPU milliseconds per ticket created.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** Per process id: its name and its CPU milliseconds so far. */
export type CpuSnapshot = Map<string, { name: string; ms: number }>;

function read(path: string): string | null {
  try {
    return readFileSync(path, "latin1");
  } catch {
    return null;
  }
}

/** `services/ticketing/dist/worker-main.js` → `ticketing-worker`; `bff/gateway/dist/main.js` → `bff/gateway`. */
function nameOf(cmdline: string[]): string | null {
  const script = cmdline.find((a) => /\/(services|bff)\/[^/]+\/dist\/[\w-]+\.js$/.test(a));
  if (!script) return null;
  const [, tier, pkg, entry] = /\/(services|bff)\/([^/]+)\/dist\/([\w-]+)\.js$/.exec(script)!;
  return `${tier === "services" ? "svc" : "bff"}-${pkg}${entry === "main" ? "" : `-${entry!.replace("-main", "")}`}`;
}

/** Milliseconds of CPU (user + system) so far, per process (cpuPerUnit sums the processes of one name). */
export function cpuSnapshot(portBase: number): CpuSnapshot {
  const totals: CpuSnapshot = new Map();
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    const cmdline = read(`/proc/${pid}/cmdline`)?.split("\0").filter(Boolean) ?? [];
    let name: string | null = null;
    if (/postgres/.test(cmdline[0] ?? "")) name = "postgresql";
    else if (/redis-server/.test(cmdline[0] ?? "")) name = "redis";
    else if (read(`/proc/${pid}/environ`)?.includes(`\0SYSOPS_PORT_BASE=${portBase}\0`)) name = nameOf(cmdline);
    if (!name) continue;
    const stat = read(`/proc/${pid}/stat`);
    if (!stat) continue;
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const ticks = Number(fields[11]) + Number(fields[12]); // utime, stime
    totals.set(pid, { name, ms: (ticks * 1000) / TICKS_PER_SECOND });
  }
  return totals;
}

/**
 * CPU ms per unit of work between two snapshots, per process name, largest first, with the total. Differences
 * are taken per process: one that ended in between (a PostgreSQL backend of a closed pool) is missing from
 * `after` and counts nothing, instead of taking its whole past CPU off the others of its name.
 */
export function cpuPerUnit(before: CpuSnapshot, after: CpuSnapshot, units: number): { name: string; ms: number }[] {
  const byName = new Map<string, number>();
  for (const [pid, { name, ms }] of after) byName.set(name, (byName.get(name) ?? 0) + ms - (before.get(pid)?.ms ?? 0));
  const rows = [...byName].map(([name, ms]) => ({ name, ms: ms / units })).filter((r) => r.ms > 0.005);
  rows.sort((a, b) => b.ms - a.ms);
  return [...rows, { name: "total", ms: rows.reduce((sum, r) => sum + r.ms, 0) }];
}

/**
 * Milliseconds of CPU the whole machine has been busy so far (all cores, from /proc/stat: user, nice, system,
 * irq, softirq, steal). Beside the per-process sums: it also holds what those miss, e.g. PostgreSQL backends
 * that ended during the phase (a pool closing idle connections), the bench's own process and the kernel's
 * network work, so it is the honest upper figure.
 */
export function machineBusyMs(): number {
  const cpu = (read("/proc/stat") ?? "").split("\n")[0]!.trim().split(/\s+/).slice(1).map(Number);
  const [user = 0, nice = 0, system = 0, , , irq = 0, softirq = 0, steal = 0] = cpu;
  return ((user + nice + system + irq + softirq + steal) * 1000) / TICKS_PER_SECOND;
}

export const formatCpu = (rows: { name: string; ms: number }[]) => rows.map((r) => `${r.name} ${r.ms.toFixed(2)}`).join(", ");
