/**
 * "File a ticket": validated in the browser with the BFF's own zod schema (`fileTicketForm`), so every
 * message next to a field is the BFF's; what the BFF still refuses comes back onto the same fields.
 * One idempotency key per form instance: a double-clicked submit (or a retry) files one ticket.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { Alert, Anchor, Button, Checkbox, Group, NativeSelect, QueryState, SimpleGrid, Stack, Textarea, TextInput, Title } from "@sysops/design-system";
import { fileTicketForm, type FileTicketForm } from "@sysops/bff-ticketing/inputs/customer";
import { applyServerErrors, serverErrorOf } from "../shared/server-errors.ts";
import { useTRPC } from "../trpc.ts";
import { initialValues, type FilingOptions } from "./filing-defaults.ts";


const FIELDS = ["productId", "category", "description", "serviceAddress", "saveAsDefault", "preferredDate", "preferredSlot"] as const;

const browserTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";

export function FileTicket() {
  const trpc = useTRPC();
  const options = useQuery(trpc.customer.filingOptions.queryOptions());
  return (
    <Stack component="section" aria-labelledby="file-ticket-title" gap="sm">
      <Title order={2} id="file-ticket-title">File a ticket</Title>
      <QueryState query={options} loadingLabel="Loading the form" errorPrefix="Could not load your products">
        {(data) => <FileTicketFields options={data} />}
      </QueryState>
    </Stack>
  );
}

function FileTicketFields({ options }: { options: FilingOptions }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const [filed, setFiled] = useState<string | null>(null);
  const [formError, setFormError] = useState<string | null>(null);
  const { register, handleSubmit, setError, setValue, reset, getValues, formState } = useForm<FileTicketForm>({
    resolver: zodResolver(fileTicketForm),
    defaultValues: initialValues(options),
  });
  const file = useMutation(trpc.customer.fileTicket.mutationOptions());
  const errors = formState.errors;

  const onSubmit = handleSubmit(async (values) => {
    setFiled(null);
    setFormError(null);
    try {
      const ticket = await file.mutateAsync({ ...values, idempotencyKey, timeZone: browserTimeZone() });
      setFiled(ticket.number);
      // A new form instance: the next ticket gets its own key; product and address stay for convenience.
      setIdempotencyKey(crypto.randomUUID());
      const { productId, category, serviceAddress } = getValues();
      reset({ ...initialValues(options), productId, category, serviceAddress });
      await queryClient.invalidateQueries({ queryKey: trpc.customer.myTickets.queryKey() });
      if (values.saveAsDefault) await queryClient.invalidateQueries({ queryKey: trpc.customer.filingOptions.queryKey() });
    } catch (error) {
      setFormError(applyServerErrors(serverErrorOf(error), FIELDS, setError));
    }
  });

  const product = register("productId", {
    // The category follows the product (the problem is usually about the product itself); it can be changed after.
    onChange: (e: { target: { value: string } }) => {
      const chosen = options.products.find((p) => p.id === e.target.value);
      if (chosen) setValue("category", chosen.category);
    },
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="File a ticket">
      <Stack gap="sm" maw={640}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <NativeSelect
            label="Product"
            data={[{ value: "", label: "Choose a product…" }, ...options.products.map((p) => ({ value: p.id, label: `${p.name} (${p.category})` }))]}
            error={errors.productId?.message}
            {...product}
          />
          <NativeSelect
            label="Category"
            description="What the problem is about"
            data={[{ value: "", label: "Choose a category…" }, ...options.categories.map((c) => ({ value: c, label: c }))]}
            error={errors.category?.message}
            {...register("category")}
          />
        </SimpleGrid>
        <Textarea label="Problem description" autosize minRows={3} error={errors.description?.message} {...register("description")} />
        <TextInput label="Service address" error={errors.serviceAddress?.message} {...register("serviceAddress")} />
        <Checkbox label="Save as my default address" {...register("saveAsDefault")} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput type="date" label="Preferred date" description="Leave empty for the first available visit" error={errors.preferredDate?.message} {...register("preferredDate")} />
          <NativeSelect label="Preferred time" data={options.slots} error={errors.preferredSlot?.message} {...register("preferredSlot")} />
        </SimpleGrid>
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        <Group>
          <Button type="submit" loading={formState.isSubmitting}>File ticket</Button>
        </Group>
        {filed && (
          <Alert color="green" role="status" title="Ticket filed">
            Ticket <Anchor component={Link} to={`/${filed}`} c="inherit" underline="always">{filed}</Anchor> filed. We will assign an expert shortly.
          </Alert>
        )}
      </Stack>
    </form>
  );
}
