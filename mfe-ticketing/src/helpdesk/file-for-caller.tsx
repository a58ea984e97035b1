/**
 * Filing what the caller reports on the phone, validated with the BFF's own schema (`fileForCallerForm`);
 * the server's field errors land on the same fields. One idempotency key per form instance (a new one after
 * each filed ticket), so a double-clicked submit files one ticket.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { useForm } from "react-hook-form";
import { Link } from "react-router";
import { Alert, Anchor, Button, NativeSelect, Stack, Textarea, TextInput, Title } from "@sysops/design-system";
import { fileForCallerForm } from "@sysops/bff-ticketing/inputs/helpdesk";
import { applyServerErrors, serverErrorOf } from "../shared/server-errors.ts";
import { useTRPC } from "../trpc.ts";

interface Caller {
  id: string;
  defaultAddress: string;
  products: { id: string; name: string; category: string }[];
}

const FIELDS = ["productId", "description", "serviceAddress"] as const;

export function FileForCaller({ caller }: { caller: Caller }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const defaults = { productId: caller.products[0]?.id ?? "", description: "", serviceAddress: caller.defaultAddress };
  const form = useForm({ resolver: zodResolver(fileForCallerForm), defaultValues: defaults });
  const file = useMutation(
    trpc.helpdesk.fileForCaller.mutationOptions({
      onSuccess: async () => {
        form.reset(defaults);
        setIdempotencyKey(crypto.randomUUID());
        await queryClient.invalidateQueries({ queryKey: trpc.helpdesk.pathKey() });
      },
    }),
  );
  /** The server's field errors go onto the fields; what names no field here is shown above the button. */
  const [formError, setFormError] = useState<string | null>(null);
  useEffect(() => {
    setFormError(file.error ? applyServerErrors(serverErrorOf(file.error), FIELDS, form.setError) : null);
  }, [file.error, form.setError]);
  const errors = form.formState.errors;

  return (
    <form
      aria-labelledby="file-for-caller-title"
      noValidate
      onSubmit={(e) => void form.handleSubmit((values) => file.mutate({ ...values, customerId: caller.id, idempotencyKey }))(e)}
    >
      <Stack gap="sm">
        <Title order={4} id="file-for-caller-title">
          File a ticket for this caller
        </Title>
        <NativeSelect
          label="Product"
          withAsterisk
          data={caller.products.map((p) => ({ value: p.id, label: `${p.name} (${p.category})` }))}
          error={errors.productId?.message}
          {...form.register("productId")}
        />
        <Textarea label="What is the problem?" withAsterisk autosize minRows={3} error={errors.description?.message} {...form.register("description")} />
        <TextInput label="Service address" withAsterisk error={errors.serviceAddress?.message} {...form.register("serviceAddress")} />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        {file.data && (
          <Alert color="teal.9" variant="outline" role="status" title="Ticket filed">
            <Anchor component={Link} to={`/${file.data.number}`}>
              {file.data.number}
            </Anchor>{" "}
            filed by phone for {file.data.customerName}.
          </Alert>
        )}
        <Button type="submit" loading={file.isPending}>
          File ticket
        </Button>
      </Stack>
    </form>
  );
}
