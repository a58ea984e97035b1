/**
 * One error policy for every tRPC server of the suite:
 * - zod input errors become 400 with `data.fieldErrors` naming each field;
 * - `DomainError`s thrown by domain code become the matching tRPC code (via `toTRPCError` in a middleware);
 * - a 4xx from a downstream service keeps its code, message and field errors on the way up.
 */
import { TRPCClientError } from "@trpc/client";
import { TRPCError, type TRPC_ERROR_CODE_KEY } from "@trpc/server";
import type { DefaultErrorShape } from "@trpc/server/unstable-core-do-not-import";
import { DomainError, type DomainErrorKind } from "@sysops/domain-errors";
import { z, ZodError } from "zod";

export type FieldErrors = Record<string, string[] | undefined>;

const CODE_OF: Record<DomainErrorKind, TRPC_ERROR_CODE_KEY> = {
  not_found: "NOT_FOUND",
  invalid: "BAD_REQUEST",
  forbidden: "FORBIDDEN",
  conflict: "CONFLICT",
  unauthenticated: "UNAUTHORIZED",
};

interface DownstreamErrorData {
  code?: TRPC_ERROR_CODE_KEY;
  httpStatus?: number;
  fieldErrors?: FieldErrors;
}

/** Maps a thrown error to the TRPCError the client should see; unknown errors stay 500s. */
export function toTRPCError(cause: unknown): TRPCError {
  if (cause instanceof TRPCError) {
    return cause.cause instanceof DomainError || cause.cause instanceof TRPCClientError ? toTRPCError(cause.cause) : cause;
  }
  if (cause instanceof DomainError) return new TRPCError({ code: CODE_OF[cause.kind], message: cause.message, cause });
  if (cause instanceof TRPCClientError) {
    const data = (cause.data ?? {}) as DownstreamErrorData;
    if (data.code && data.httpStatus && data.httpStatus < 500) {
      return new TRPCError({ code: data.code, message: cause.message, cause });
    }
  }
  return new TRPCError({ code: "INTERNAL_SERVER_ERROR", message: "Internal error", cause });
}

function fieldErrorsOf(error: TRPCError): FieldErrors | undefined {
  const cause = error.cause;
  if (cause instanceof ZodError) return z.flattenError(cause).fieldErrors;
  if (cause instanceof DomainError && cause.field) return { [cause.field]: [cause.message] };
  if (cause instanceof TRPCClientError) return ((cause.data ?? {}) as DownstreamErrorData).fieldErrors;
  return undefined;
}

function messageOf(error: TRPCError): string {
  if (error.cause instanceof ZodError) {
    return error.cause.issues.map((i) => `${i.path.join(".") || "input"}: ${i.message}`).join("; ");
  }
  return error.message;
}

export function errorFormatter({ shape, error }: { shape: DefaultErrorShape; error: TRPCError }) {
  const fieldErrors = fieldErrorsOf(error);
  return {
    ...shape,
    message: messageOf(error),
    data: { code: shape.data.code, httpStatus: shape.data.httpStatus, path: shape.data.path, ...(fieldErrors ? { fieldErrors } : {}) },
  };
}
