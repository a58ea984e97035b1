/** The gateway's session endpoints (same origin, HttpOnly cookie). */
import type { SessionUser } from "@sysops/mf-config/contract";

export type LoginResult =
  | { ok: true; user: SessionUser }
  | { ok: false; message: string; fieldErrors: Partial<Record<"email" | "password", string>> };

export async function fetchSession(): Promise<SessionUser | null> {
  const response = await fetch("/auth/session", { headers: { accept: "application/json" } });
  if (response.status === 401) return null;
  if (!response.ok) throw new Error(`The sign-in service answered ${response.status}.`);
  return ((await response.json()) as { user: SessionUser }).user;
}

export async function login(email: string, password: string): Promise<LoginResult> {
  const response = await fetch("/auth/login", {
    method: "POST",
    headers: { "content-type": "application/json", accept: "application/json" },
    body: JSON.stringify({ email, password }),
  });
  const body: unknown = await response.json().catch(() => ({}));
  if (response.ok) return { ok: true, user: (body as { user: SessionUser }).user };
  return { ok: false, ...loginErrorFrom(response.status, body) };
}

export async function logout(): Promise<void> {
  await fetch("/auth/logout", { method: "POST" });
}

/** What to tell a person after a failed sign-in, from the gateway's status and `{error, fieldErrors}`. */
export function loginErrorFrom(status: number, body: unknown): Omit<Extract<LoginResult, { ok: false }>, "ok"> {
  const { error, fieldErrors } = (typeof body === "object" && body !== null ? body : {}) as {
    error?: unknown;
    fieldErrors?: Record<string, string[] | string | undefined>;
  };
  const first = (v: string[] | string | undefined) => (Array.isArray(v) ? v[0] : v);
  const fields: Partial<Record<"email" | "password", string>> = {};
  const email = first(fieldErrors?.email);
  const password = first(fieldErrors?.password);
  if (email) fields.email = email;
  if (password) fields.password = password;
  const fallback =
    status === 401 ? "Email or password is incorrect." : status === 429 ? "Too many attempts. Wait a minute and try again." : status === 400 ? "Check the highlighted fields." : "Signing in failed. Try again in a moment.";
  return { message: typeof error === "string" && error ? error : fallback, fieldErrors: fields };
}
