/**
 * CSRF defence on top of SameSite=Lax: a state-changing request must say it comes from a page of this
 * origin. Browsers send `Origin` on every cross-origin request and on same-origin POSTs; `Referer` is the
 * fallback for old clients. A request with neither is refused.
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html#using-standard-headers-to-verify-origin
 */
import type { FastifyReply, FastifyRequest } from "fastify";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

const urlOf = (value: string | undefined): URL | null => {
  if (!value || value === "null") return null;
  try {
    return new URL(value);
  } catch {
    return null;
  }
};

export function isSameOrigin(request: FastifyRequest): boolean {
  if (SAFE_METHODS.has(request.method)) return true;
  const claimed = urlOf(request.headers.origin) ?? urlOf(request.headers.referer);
  const host = request.headers.host;
  if (!claimed || !host) return false;
  // Parse our Host with the page's scheme so "localhost:80" and "http://localhost" compare equal.
  return urlOf(`${claimed.protocol}//${host}`)?.host === claimed.host;
}

export async function requireSameOrigin(request: FastifyRequest, reply: FastifyReply): Promise<void> {
  if (!isSameOrigin(request)) await reply.code(403).send({ error: "Cross-site request refused" });
}
