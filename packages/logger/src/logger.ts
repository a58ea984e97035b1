/**
 * One logger for every Node process: JSON lines on stdout with the process name and, inside a request,
 * its request id.
 *
 * Lines go out asynchronously and in batches (`pino.destination({ sync: false, minLength })`, one per
 * process): they collect in a buffer that is written once it holds `BATCH_BYTES`, or every `FLUSH_EVERY_MS`,
 * so the event loop never waits on stdout and one write carries many lines. Decision: measured with CPU
 * profiles, synchronous writes were ~14 % of the gateway's busy time at 50 tickets/s, and one asynchronous
 * write per line (a thread-pool round trip each) still ~17 % at 100/s. pino flushes what is buffered when the
 * process exits; a SIGKILL can lose up to the last 100 ms of lines, which is acceptable for logs (nothing that
 * must survive a crash lives only in a log: the databases record it).
 * @see https://github.com/pinojs/pino/blob/main/docs/asynchronous.md
 */
import { pino, type DestinationStream, type Logger } from "pino";
import { currentRequestId } from "./request-context.ts";

export type { DestinationStream, Logger };

let stdout: DestinationStream | undefined;

const BATCH_BYTES = 8 * 1024;
const FLUSH_EVERY_MS = 100;

function batchedStdout(): DestinationStream {
  const destination = pino.destination({ dest: 1, sync: false, minLength: BATCH_BYTES });
  // A line still leaves within FLUSH_EVERY_MS when no more come. The timer is armed by a write, not kept
  // running: a process with nothing to log is not woken ten times a second for nothing.
  let flushTimer: NodeJS.Timeout | null = null;
  const write = destination.write.bind(destination);
  destination.write = (line: string) => {
    const accepted = write(line);
    flushTimer ??= setTimeout(() => {
      flushTimer = null;
      destination.flush();
    }, FLUSH_EVERY_MS).unref();
    return accepted;
  };
  return destination;
}

/** `destination` defaults to this process's stdout; tests pass their own to read what was logged. */
export function createLogger(name: string, level = process.env.LOG_LEVEL ?? "info", destination?: DestinationStream): Logger {
  return pino(
    {
      name,
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      mixin() {
        const requestId = currentRequestId();
        return requestId ? { requestId } : {};
      },
      redact: { paths: ["password", "*.password", "req.headers.cookie", "headers.cookie"], censor: "[redacted]" },
    },
    destination ?? (stdout ??= batchedStdout()),
  );
}
