/**
 * Who is calling, as a short-lived HS256 JWT signed with the suite's internal secret. The gateway signs it
 * for the signed-in user; BFFs verify it and forward it to services; a service calling another signs its
 * own `service` caller. A header without a valid signature is rejected, so it cannot be forged by a browser.
 * @see https://github.com/panva/jose/blob/main/docs/jwt/sign/classes/SignJWT.md
 */
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
const TTL = "2m";

const keyOf = (secret: string) => new TextEncoder().encode(secret);

export async function signCaller(caller: Caller, secret: string): Promise<string> {
  return new SignJWT({ caller }).setProtectedHeader({ alg: "HS256" }).setIssuer(ISSUER).setIssuedAt().setExpirationTime(TTL).sign(keyOf(secret));
}

export class CallerTokenError extends Error {}

export async function verifyCaller(token: string | undefined, secret: string): Promise<Caller> {
  if (!token) throw new CallerTokenError("missing caller token");
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { issuer: ISSUER, algorithms: ["HS256"] });
    return callerSchema.parse(payload.caller);
  } catch (cause) {
    throw new CallerTokenError(`invalid caller token: ${(cause as Error).message}`);
  }
}
