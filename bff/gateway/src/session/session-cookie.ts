/**
 * The session cookie: HttpOnly (no script reads it), SameSite=Lax (not sent on cross-site POSTs), Secure
 * when the request came over https. No Max-Age: the browser keeps it for the session and Redis decides
 * when it expires.
 * @see https://github.com/fastify/fastify-cookie#sending
 */
import type { CookieSerializeOptions } from "@fastify/cookie";
import type { FastifyRequest } from "fastify";

export const SESSION_COOKIE = "sysops_session";

export const sessionCookieOptions = (request: FastifyRequest): CookieSerializeOptions => ({
  httpOnly: true,
  sameSite: "lax",
  path: "/",
  secure: request.protocol === "https",
});
