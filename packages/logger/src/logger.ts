/**
 * One logger for every Node process: JSON lines on stdout with the process name and, inside a request,
 * its request id.
 */
import { pino, type Logger } from "pino";
import { currentRequestId } from "./request-context.ts";

export type { Logger };

export function createLogger(name: string, level = process.env.LOG_LEVEL ?? "info"): Logger {
  return pino({
    name,
    level,
    base: { pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    mixin() {
      const requestId = currentRequestId();
      return requestId ? { requestId } : {};
    },
    redact: { paths: ["password", "*.password", "req.headers.cookie", "headers.cookie"], censor: "[redacted]" },
  });
}
