/** Form state and error mapping for "File a ticket", kept out of the component so tests can reach it. */
export interface TicketFormValues {
  productId: string;
  description: string;
  serviceAddress: string;
}

export type TicketFormErrors = Partial<Record<keyof TicketFormValues | "form", string>>;

const FIELDS = ["productId", "description", "serviceAddress"] as const;

/** Client-side checks that save a round trip; the BFF validates again and has the last word. */
export function validateTicketForm(values: TicketFormValues): TicketFormErrors {
  const errors: TicketFormErrors = {};
  if (!values.productId) errors.productId = "Choose the product that needs help.";
  if (!values.description.trim()) errors.description = "Describe the problem.";
  if (!values.serviceAddress.trim()) errors.serviceAddress = "Enter the address where the expert should come.";
  return errors;
}

export function hasErrors(errors: TicketFormErrors): boolean {
  return Object.values(errors).some(Boolean);
}

interface ErrorLike {
  message?: unknown;
  data?: { fieldErrors?: Record<string, string[] | undefined> | null } | null;
}

/**
 * Maps a failed `tickets.create` (a TRPCClientError whose `data.fieldErrors` comes from the BFF's error
 * formatter) to messages next to their fields; anything else becomes a form-level message.
 */
export function errorsFromServer(error: unknown): TicketFormErrors {
  const { message, data } = (error ?? {}) as ErrorLike;
  const errors: TicketFormErrors = {};
  for (const [field, messages] of Object.entries(data?.fieldErrors ?? {})) {
    const first = messages?.[0];
    if (!first) continue;
    const key = (FIELDS as readonly string[]).includes(field) ? (field as keyof TicketFormValues) : "form";
    errors[key] = errors[key] ? `${errors[key]} ${first}` : first;
  }
  if (!hasErrors(errors)) errors.form = typeof message === "string" && message ? message : "Filing the ticket failed.";
  return errors;
}
