import type { Db } from "../db/client.ts";
import { sessionUserSelect, toSessionUser, type SessionUser } from "../users/session-user.ts";
import { dummyPasswordHash, passwordMatches } from "./password.ts";

/** The user whose password this is, or null for an unknown email or a wrong password (indistinguishable). */
export async function verifyCredentials(db: Db, email: string, password: string): Promise<SessionUser | null> {
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { ...sessionUserSelect, passwordHash: true } });
  const matches = await passwordMatches(user?.passwordHash ?? (await dummyPasswordHash()), password);
  return user && matches ? toSessionUser(user) : null;
}
