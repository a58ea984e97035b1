/**
 * Password hashing with argon2id (the @node-rs/argon2 default, with its OWASP-level memory/time cost).
 * @see https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id
 */
import { hash, verify } from "@node-rs/argon2";

export const hashPassword = (password: string): Promise<string> => hash(password);

export const passwordMatches = (passwordHash: string, password: string): Promise<boolean> => verify(passwordHash, password);

let dummy: Promise<string> | undefined;

/** A real hash to verify against when the email is unknown, so both answers take about as long. */
export const dummyPasswordHash = (): Promise<string> => (dummy ??= hash("not-a-real-password"));
