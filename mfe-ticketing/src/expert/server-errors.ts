/** What a failed mutation tells the expert: the server's field errors (per form field) and its message. */
import { TRPCClientError } from "@trpc/client";

export interface ServerError {
  code: string | undefined;
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
}

export function serverErrorOf(error: unknown): ServerError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { code?: string; fieldErrors?: Record<string, string[] | undefined> };
    return { code: data.code, message: error.message, fieldErrors: data.fieldErrors ?? {} };
  }
  return { code: undefined, message: "Something went wrong. Try again.", fieldErrors: {} };
}
