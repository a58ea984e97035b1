/** The reason behind "Cancel ticket" / "Escalate", validated with the BFF's own `actionReasonForm`. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { Button, Group, Stack, Textarea } from "@sysops/design-system";
import { actionReasonForm } from "@sysops/bff-ticketing/inputs/helpdesk";
import type { ServerError } from "../shared/server-errors.ts";

interface ReasonFormProps {
  label: string;
  submitLabel: string;
  pending: boolean;
  serverError: ServerError | null;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

export function ReasonForm({ label, submitLabel, pending, serverError, onSubmit, onCancel }: ReasonFormProps) {
  const form = useForm({ resolver: zodResolver(actionReasonForm), defaultValues: { reason: "" } });
  const serverFieldError = serverError?.fieldErrors.reason?.[0];
  useEffect(() => {
    if (serverFieldError) form.setError("reason", { message: serverFieldError });
  }, [serverFieldError, form]);
  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit((values) => onSubmit(values.reason))(e)}>
      <Stack gap="xs">
        <Textarea label={label} withAsterisk autosize minRows={2} error={form.formState.errors.reason?.message} {...form.register("reason")} />
        <Group gap="xs">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          <Button type="button" variant="default" onClick={onCancel}>
            Back
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
