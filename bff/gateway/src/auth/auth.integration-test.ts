/** Sign-in against real Redis and a real (stand-in) identity server over HTTP. */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SESSION_TTL_SECONDS } from "../session/session-store.ts";
import { HOST, ORIGIN, signIn, startGateway, type GatewayHarness } from "../testing/gateway-harness.ts";
import { STAND_IN_USER } from "../testing/identity-stand-in.ts";

let gw: GatewayHarness;
beforeAll(async () => {
  gw = await startGateway();
});
afterAll(() => gw.close());

const login = (payload: unknown, headers: Record<string, string> = { origin: ORIGIN, host: HOST }) =>
  gw.app.inject({ method: "POST", url: "/auth/login", headers, payload: payload as Record<string, unknown> });

describe("POST /auth/login", () => {
  it("signs in: HttpOnly Lax cookie, session in Redis with an 8 h TTL, the user in the body", async () => {
    const res = await login({ email: " Ann@Example.com ", password: STAND_IN_USER.password });
    expect(res.statusCode).toBe(200);
    const { password: _p, ...user } = STAND_IN_USER;
    expect(res.json()).toEqual({ user });

    const cookie = res.cookies.find((c) => c.name === "sysops_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax", path: "/" });
    expect(cookie?.secure).toBeFalsy();
    const key = `${gw.keyPrefix}session:${cookie?.value}`;
    expect(JSON.parse((await gw.redis.get(key)) ?? "null")).toEqual(user);
    expect(await gw.redis.ttl(key)).toBeGreaterThan(SESSION_TTL_SECONDS - 10);
    // The gateway asked identity as itself, with a token signed by the suite's secret.
    expect(gw.identity.callers.at(-1)).toEqual({ kind: "service", service: "gateway" });
  });

  it("refuses a wrong password with 401 and no cookie", async () => {
    const res = await login({ email: STAND_IN_USER.email, password: "wrong" });
    expect(res.statusCode).toBe(401);
    expect(res.json()).toEqual({ error: "Email or password is incorrect" });
    expect(res.cookies).toHaveLength(0);
  });

  it("rejects bad input with 400 naming the field", async () => {
    const res = await login({ email: "not-an-email", password: "" });
    expect(res.statusCode).toBe(400);
    const body = res.json<{ error: string; fieldErrors: Record<string, string[]> }>();
    expect(Object.keys(body.fieldErrors).sort()).toEqual(["email", "password"]);
  });

  it("refuses a sign-in posted from another site", async () => {
    const res = await login({ email: STAND_IN_USER.email, password: STAND_IN_USER.password }, { origin: "https://evil.example", host: HOST });
    expect(res.statusCode).toBe(403);
  });

  it("answers the 11th rapid attempt for one email with 429", async () => {
    const attempt = () => login({ email: "victim@example.com", password: "guess" });
    for (let i = 0; i < 10; i += 1) expect((await attempt()).statusCode).toBe(401);
    const res = await attempt();
    expect(res.statusCode).toBe(429);
    expect(res.json<{ error: string }>().error).toMatch(/Too many sign-in attempts/);
  });
});

describe("session and logout", () => {
  it("GET /auth/session returns the user, and 401 after logout", async () => {
    const session = await signIn(gw.app);
    const cookies = { sysops_session: session };
    const current = await gw.app.inject({ url: "/auth/session", cookies });
    expect(current.json<{ user: { id: string } }>().user.id).toBe(STAND_IN_USER.id);

    const out = await gw.app.inject({ method: "POST", url: "/auth/logout", cookies, headers: { origin: ORIGIN, host: HOST } });
    expect(out.statusCode).toBe(204);
    expect(out.cookies.find((c) => c.name === "sysops_session")?.value).toBe("");
    expect(await gw.redis.exists(`${gw.keyPrefix}session:${session}`)).toBe(0);
    expect((await gw.app.inject({ url: "/auth/session", cookies })).statusCode).toBe(401);
  });

  it("signing in again replaces the session the browser had", async () => {
    const first = await signIn(gw.app);
    const res = await gw.app.inject({
      method: "POST",
      url: "/auth/login",
      cookies: { sysops_session: first },
      headers: { origin: ORIGIN, host: HOST },
      payload: { email: STAND_IN_USER.email, password: STAND_IN_USER.password },
    });
    const second = res.cookies.find((c) => c.name === "sysops_session")?.value;
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(await gw.redis.exists(`${gw.keyPrefix}session:${first}`)).toBe(0);
  });

  it("GET /auth/session without a cookie is 401", async () => {
    expect((await gw.app.inject({ url: "/auth/session" })).statusCode).toBe(401);
  });
});

describe("POST /auth/login while identity is down", () => {
  it("answers 503 with a clear message, not a 500", async () => {
    await gw.identity.close();
    const res = await login({ email: STAND_IN_USER.email, password: STAND_IN_USER.password });
    expect(res.statusCode).toBe(503);
    expect(res.json<{ error: string }>().error).toMatch(/unavailable/);
  });
});
