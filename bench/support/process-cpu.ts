/**
 * CPU time of a running suite's processes, read from /proc (Linux): the processes whose environment carries
 * the suite's SYSOPS_PORT_BASE, named by their entry script, plus every PostgreSQL and Redis server process
 * on the machine (shared with anything else running: read them on a quiet machine). Benchmarks take a
 * snapshot before and after a phase and divide by the work done, e.g. CPU milliseconds per ticket created.
 */
import { readdirSync, readFileSync } from "node:fs";

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

export type CpuSnapshot = Map<string, number>;

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

/** Milliseconds of CPU (user + system) so far, per process name (processes of one name are summed). */
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
    totals.set(name, (totals.get(name) ?? 0) + (ticks * 1000) / TICKS_PER_SECOND);
  }
  return totals;
}

/** CPU ms per unit of work between two snapshots, largest first, with the total. */
export function cpuPerUnit(before: CpuSnapshot, after: CpuSnapshot, units: number): { name: string; ms: number }[] {
  const rows = [...after].map(([name, ms]) => ({ name, ms: (ms - (before.get(name) ?? 0)) / units })).filter((r) => r.ms > 0.005);
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
