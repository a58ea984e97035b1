/**
 * Errors that domain code throws. Domain code never imports tRPC; the API layer maps `kind` to a status.
 */
export type DomainErrorKind = "not_found" | "invalid" | "forbidden" | "conflict" | "unauthenticated";

export class DomainError extends Error {
  constructor(
    readonly kind: DomainErrorKind,
    message: string,
    /** The input field the error is about, so the UI can show it next to that field. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (what: string, id: string) => new DomainError("not_found", `${what} ${id} not found`);
export const invalid = (field: string, message: string) => new DomainError("invalid", message, field);
export const forbidden = (message = "You may not do that") => new DomainError("forbidden", message);
export const conflict = (message: string) => new DomainError("conflict", message);
