/**
 * Runs each service, BFF and the gateway as its own Node process. A process that dies is restarted with
 * backoff (one broken part must not take the others down); on stop every process gets SIGTERM to drain,
 * then SIGKILL after a grace period.
 */
import { spawn, type ChildProcess } from "node:child_process";
import type { Logger } from "@sysops/logger";

export interface ProcessSpec {
  name: string;
  script: string;
  readyUrl: string;
}

interface Managed {
  spec: ProcessSpec;
  child?: ChildProcess;
  restarts: number;
  timer?: NodeJS.Timeout;
}

export class Supervisor {
  private readonly managed: Managed[] = [];
  private stopping = false;

  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly logger: Logger,
    /** Extra Node flags for a process (`--cpu-prof …` when profiling), by its name. */
    private readonly nodeFlags: (name: string) => readonly string[] = () => [],
  ) {}

  start(spec: ProcessSpec): void {
    const entry: Managed = { spec, restarts: 0 };
    this.managed.push(entry);
    this.launch(entry);
  }

  private launch(entry: Managed): void {
    // Source-mapped stacks in the logs have a price, measured 2026-12-04 on 2 cores: the first time a process
    // reads an error's stack (Node reads it on every stream destroyed with an error, e.g. an idle keep-alive
    // socket timing out) it parses its bundle's source map on the event loop, 100–800 ms per process, a stall of
    // every request in flight (seen as a cluster of slow requests in bench:tickets). Parsing them all at start
    // instead was tried and not kept: +185 MB of RSS across the suite for a once-per-process stall.
    const child = spawn(process.execPath, ["--enable-source-maps", ...this.nodeFlags(entry.spec.name), entry.spec.script], { env: this.env, stdio: ["ignore", "inherit", "inherit"] });
    entry.child = child;
    const startedAt = Date.now();
    child.once("exit", (code, signal) => {
      if (this.stopping) return;
      // A process that ran for a while gets a fresh backoff.
      if (Date.now() - startedAt > 30_000) entry.restarts = 0;
      const delay = Math.min(500 * 2 ** entry.restarts, 15_000);
      entry.restarts += 1;
      this.logger.error({ process: entry.spec.name, code, signal, restartInMs: delay }, "process exited; restarting");
      entry.timer = setTimeout(() => this.launch(entry), delay);
    });
  }

  async stop(graceMs = 12_000): Promise<void> {
    this.stopping = true;
    await Promise.all(
      this.managed.map(async ({ child, timer, spec }) => {
        clearTimeout(timer);
        if (!child || child.exitCode !== null || child.signalCode !== null) return;
        const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
        child.kill("SIGTERM");
        const killer = setTimeout(() => {
          this.logger.warn({ process: spec.name }, "did not drain in time; killing");
          child.kill("SIGKILL");
        }, graceMs);
        await exited;
        clearTimeout(killer);
      }),
    );
  }
}
