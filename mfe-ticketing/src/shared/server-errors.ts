/**
 * What a failed tRPC call tells a screen: the code (CONFLICT for a ticket that changed meanwhile), the
 * message, and the BFF's field errors, which forms put next to their fields.
 */
import { TRPCClientError } from "@trpc/client";
import type { FieldPath, FieldValues, UseFormSetError } from "react-hook-form";

export interface ServerError {
  code: string | undefined;
  message: string;
  fieldErrors: Record<string, string[] | undefined>;
}

export function serverErrorOf(error: unknown): ServerError {
  if (error instanceof TRPCClientError) {
    const data = (error.data ?? {}) as { code?: string; fieldErrors?: Record<string, string[] | undefined> | null };
    return { code: data.code, message: error.message, fieldErrors: data.fieldErrors ?? {} };
  }
  return { code: undefined, message: "Something went wrong. Try again.", fieldErrors: {} };
}

/**
 * An action on a ticket refused with CONFLICT: the page offered it from the ticket as it was loaded, so the
 * ticket changed since — a newer version (optimistic concurrency) or a status that no longer allows it.
 */
export const isStaleTicket = (error: ServerError) => error.code === "CONFLICT";

/**
 * Puts the server's field errors on the form's fields; returns the message for the form itself when some
 * error names no field of this form (or none is named at all).
 */
export function applyServerErrors<T extends FieldValues>(error: ServerError, fields: readonly FieldPath<T>[], setError: UseFormSetError<T>): string | null {
  let unplaced = false;
  let placed = false;
  for (const [field, messages] of Object.entries(error.fieldErrors)) {
    const message = messages?.[0];
    if (!message) continue;
    if ((fields as readonly string[]).includes(field)) {
      setError(field as FieldPath<T>, { type: "server", message });
      placed = true;
    } else unplaced = true;
  }
  return unplaced || !placed ? error.message : null;
}
