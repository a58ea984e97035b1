/**
 * Survey link tokens: 32 random bytes (base64url) in the link, only their SHA-256 in the database, so a
 * database leak does not reveal working links. A hash lookup is enough (no slow KDF): the token is random,
 * not a password.
 */
import { createHash, randomBytes } from "node:crypto";

export const newSurveyToken = (): string => randomBytes(32).toString("base64url");

export const hashSurveyToken = (token: string): string => createHash("sha256").update(token).digest("hex");
