/** Sign in, sign out, and "who am I" for the shell. */
import type { FastifyInstance } from "fastify";
import { requestContext } from "@sysops/logger/request-context";
import { SESSION_COOKIE, sessionCookieOptions } from "../session/session-cookie.ts";
import type { SessionStore } from "../session/session-store.ts";
import type { IdentityClient } from "./identity-client.ts";
import { parseLogin } from "./login-input.ts";
import { loginRateLimit, type LoginLimit } from "./login-rate-limit.ts";

export interface AuthRoutesOptions {
  sessions: SessionStore;
  identity: IdentityClient;
  loginLimit: LoginLimit;
}

export function authRoutes(app: FastifyInstance, { sessions, identity, loginLimit }: AuthRoutesOptions): void {
  app.post("/auth/login", { config: { rateLimit: loginRateLimit(loginLimit) } }, async (request, reply) => {
    const parsed = parseLogin(request.body);
    if (!parsed.ok) return reply.code(400).send({ error: parsed.error, fieldErrors: parsed.fieldErrors });

    // Run inside the request context so the call to identity carries this request's id.
    const verified = await requestContext
      .run({ requestId: request.id }, () => identity.auth.verifyPassword.mutate(parsed.input))
      .catch((err: unknown) => {
        request.log.error({ err }, "identity service failed during sign-in");
        return null;
      });
    if (!verified) return reply.code(503).send({ error: "Sign-in is unavailable right now. Try again in a moment." });
    const { user } = verified;
    if (!user) return reply.code(401).send({ error: "Email or password is incorrect" });

    // A fresh id on every sign-in; a session the browser already had is ended (no session fixation).
    await sessions.destroy(request.cookies[SESSION_COOKIE]);
    const sessionId = await sessions.create(user);
    reply.setCookie(SESSION_COOKIE, sessionId, sessionCookieOptions(request));
    request.log.info({ userId: user.id, role: user.role }, "signed in");
    return { user: { id: user.id, name: user.name, email: user.email, role: user.role, customerId: user.customerId } };
  });

  app.post("/auth/logout", async (request, reply) => {
    await sessions.destroy(request.cookies[SESSION_COOKIE]);
    reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(request));
    return reply.code(204).send();
  });

  app.get("/auth/session", async (request, reply) => {
    const user = await sessions.touch(request.cookies[SESSION_COOKIE]);
    if (!user) return reply.code(401).send({ error: "Not signed in" });
    return { user };
  });
}
