import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState, type FormEvent } from "react";
import { useTRPC } from "./trpc.ts";
import { errorsFromServer, hasErrors, validateTicketForm, type TicketFormErrors, type TicketFormValues } from "./ticket-form.ts";
import { FieldError } from "./field-error.tsx";

const EMPTY: TicketFormValues = { productId: "", description: "", serviceAddress: "" };

export function FileTicket() {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const options = useQuery(trpc.filing.options.queryOptions());
  const [values, setValues] = useState(EMPTY);
  const [errors, setErrors] = useState<TicketFormErrors>({});
  const [filed, setFiled] = useState<string | null>(null);

  // Prefill once the options arrive; never overwrite what the person already typed.
  useEffect(() => {
    const defaults = options.data;
    if (!defaults) return;
    setValues((v) => ({
      ...v,
      productId: v.productId || (defaults.products[0]?.id ?? ""),
      serviceAddress: v.serviceAddress || (defaults.defaultAddress ?? ""),
    }));
  }, [options.data]);

  const create = useMutation(
    trpc.tickets.create.mutationOptions({
      onSuccess: async (ticket) => {
        setFiled(ticket.number);
        setValues((v) => ({ ...v, description: "" }));
        await queryClient.invalidateQueries({ queryKey: trpc.tickets.mine.queryKey() });
      },
      onError: (error) => setErrors(errorsFromServer(error)),
    }),
  );

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setFiled(null);
    const found = validateTicketForm(values);
    setErrors(found);
    if (!hasErrors(found)) create.mutate(values);
  }

  const set = (field: keyof TicketFormValues) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  return (
    <section aria-labelledby="file-ticket-title">
      <h2 id="file-ticket-title">File a ticket</h2>
      {options.isError && <p role="alert">Could not load your products: {options.error.message}</p>}
      <form onSubmit={onSubmit} noValidate className="stacked-form">
        <label htmlFor="ticket-product">Product</label>
        <select id="ticket-product" value={values.productId} onChange={set("productId")} aria-invalid={Boolean(errors.productId)} aria-describedby="ticket-product-error">
          <option value="">Choose a product…</option>
          {options.data?.products.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.category})
            </option>
          ))}
        </select>
        <FieldError id="ticket-product-error" message={errors.productId} />

        <label htmlFor="ticket-description">Problem description</label>
        <textarea id="ticket-description" rows={4} value={values.description} onChange={set("description")} aria-invalid={Boolean(errors.description)} aria-describedby="ticket-description-error" />
        <FieldError id="ticket-description-error" message={errors.description} />

        <label htmlFor="ticket-address">Service address</label>
        <input id="ticket-address" value={values.serviceAddress} onChange={set("serviceAddress")} aria-invalid={Boolean(errors.serviceAddress)} aria-describedby="ticket-address-error" />
        <FieldError id="ticket-address-error" message={errors.serviceAddress} />

        {errors.form && <p role="alert" className="field-error">{errors.form}</p>}
        <button type="submit" disabled={create.isPending}>
          {create.isPending ? "Filing…" : "File ticket"}
        </button>
      </form>
      {filed && (
        <p role="status" className="success">
          Ticket {filed} filed. We will assign an expert shortly.
        </p>
      )}
    </section>
  );
}
