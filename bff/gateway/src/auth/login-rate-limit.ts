/**
 * Brute-force brake on sign-in: at most `max` attempts per IP and email in `timeWindow`, counted in Redis
 * so every gateway process shares the count. Runs at `preHandler`, after the body is parsed, so the key
 * can include the email.
 * @see https://github.com/fastify/fastify-rate-limit#options
 */
import type { FastifyRequest } from "fastify";
import type { RateLimitOptions } from "@fastify/rate-limit";

export interface LoginLimit {
  max: number;
  timeWindowMs: number;
}

export const DEFAULT_LOGIN_LIMIT: LoginLimit = { max: 10, timeWindowMs: 5 * 60 * 1000 };

const emailOf = (request: FastifyRequest): string => {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === "string" ? body.email.trim().toLowerCase().slice(0, 320) : "";
};

export class TooManyAttemptsError extends Error {
  readonly statusCode = 429;
}

export function loginRateLimit(limit: LoginLimit): RateLimitOptions {
  return {
    max: limit.max,
    timeWindow: limit.timeWindowMs,
    hook: "preHandler",
    keyGenerator: (request) => `login:${request.ip}:${emailOf(request)}`,
    errorResponseBuilder: (_request, context) =>
      new TooManyAttemptsError(`Too many sign-in attempts. Try again in ${Math.max(1, Math.ceil(context.ttl / 60_000))} minute(s).`),
  };
}
