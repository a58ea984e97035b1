import { z } from "zod";

export const loginInput = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address")),
  password: z.string().min(1, "Enter your password").max(1024, "Password is too long"),
});
export type LoginInput = z.infer<typeof loginInput>;

/** `{error, fieldErrors}` for a 400, or the parsed input. */
export function parseLogin(body: unknown): { ok: true; input: LoginInput } | { ok: false; error: string; fieldErrors: Record<string, string[]> } {
  const parsed = loginInput.safeParse(body ?? {});
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
  return { ok: false, error: "Check the email and password fields", fieldErrors };
}
