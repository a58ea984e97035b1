/**
 * Who is calling, as a short-lived HS256 JWT signed with the suite's internal secret. The gateway signs it
 * for the signed-in user; BFFs verify it and forward it to services; a service calling another signs its
 * own `service` caller. A header without a valid signature is rejected, so it cannot be forged by a browser.
 * @see https://github.com/panva/jose/blob/main/docs/jwt/sign/classes/SignJWT.md
 */
import { webcrypto } from "node:crypto";
import { jwtVerify, SignJWT } from "jose";
import { z } from "zod";
import { userRoleSchema } from "./roles.ts";

export const CALLER_HEADER = "x-sysops-caller";

const userCallerSchema = z.object({
  kind: z.literal("user"),
  userId: z.string(),
  role: userRoleSchema,
  name: z.string(),
  /** Set for customers: their id in the customer service. */
  customerId: z.string().optional(),
});
const serviceCallerSchema = z.object({ kind: z.literal("service"), service: z.string() });
export const callerSchema = z.discriminatedUnion("kind", [userCallerSchema, serviceCallerSchema]);

export type UserCaller = z.infer<typeof userCallerSchema>;
export type ServiceCaller = z.infer<typeof serviceCallerSchema>;
export type Caller = z.infer<typeof callerSchema>;

const ISSUER = "sysops-suite";
const TTL_SECONDS = 120;
/** A signed token is handed out again while it has at least this long to live (see `signCaller`). */
const REUSE_SECONDS = 60;
/** Bound on each memo below; past it the oldest entries go (Map keeps insertion order). */
const MEMO_LIMIT = 10_000;

/** The HMAC key, imported once per secret: importing it on every sign and verify was a WebCrypto call each. */
const keys = new Map<string, Promise<webcrypto.CryptoKey>>();
const keyOf = (secret: string) => {
  let key = keys.get(secret);
  if (!key) {
    key = webcrypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign", "verify"]);
    keys.set(secret, key);
  }
  return key;
};

function remember<V>(memo: Map<string, V>, key: string, value: V) {
  memo.set(key, value);
  if (memo.size > MEMO_LIMIT) {
    for (const oldest of memo.keys()) {
      memo.delete(oldest);
      if (memo.size <= MEMO_LIMIT * 0.9) break;
    }
  }
}

const signed = new Map<string, { token: string; reuseUntil: number }>();

/**
 * Signs a token for the caller. Every request of a signed-in user needs one (the gateway signs per request,
 * after its own session check), so a token is reused while it has at least a minute of its 2 minutes left:
 * the same claims signed again would only differ in `iat`. Decision: reuse is keyed by the secret and the
 * whole caller, so a changed role or name gets a fresh token at once.
 */
export async function signCaller(caller: Caller, secret: string): Promise<string> {
  const memoKey = `${secret}\u0000${JSON.stringify(caller)}`;
  const now = Date.now();
  const hit = signed.get(memoKey);
  if (hit && hit.reuseUntil > now) return hit.token;
  const issuedAt = Math.floor(now / 1000);
  const token = await new SignJWT({ caller })
    .setProtectedHeader({ alg: "HS256" })
    .setIssuer(ISSUER)
    .setIssuedAt(issuedAt)
    .setExpirationTime(issuedAt + TTL_SECONDS)
    .sign(await keyOf(secret));
  remember(signed, memoKey, { token, reuseUntil: (issuedAt + TTL_SECONDS - REUSE_SECONDS) * 1000 });
  return token;
}

export class CallerTokenError extends Error {}

const verified = new Map<string, { caller: Caller; expiresAt: number }>();

/**
 * Verifies a token and returns its caller. One token travels every hop of a request (gateway → BFF →
 * service → service) and is reused for a minute, so a token that verified is remembered until it expires:
 * the signature check of the same bytes under the same secret cannot give another answer; expiry is still
 * checked on every call.
 */
export async function verifyCaller(token: string | undefined, secret: string): Promise<Caller> {
  if (!token) throw new CallerTokenError("missing caller token");
  const memoKey = `${secret}\u0000${token}`;
  const hit = verified.get(memoKey);
  if (hit) {
    if (hit.expiresAt > Date.now()) return hit.caller;
    verified.delete(memoKey);
    throw new CallerTokenError("invalid caller token: \"exp\" claim timestamp check failed");
  }
  try {
    const { payload } = await jwtVerify(token, await keyOf(secret), { issuer: ISSUER, algorithms: ["HS256"] });
    const caller = callerSchema.parse(payload.caller);
    if (payload.exp === undefined) throw new Error("the token has no expiry");
    remember(verified, memoKey, { caller, expiresAt: payload.exp * 1000 });
    return caller;
  } catch (cause) {
    throw new CallerTokenError(`invalid caller token: ${(cause as Error).message}`);
  }
}
