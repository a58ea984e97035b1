/**
 * The form behind "Reject" and "Resolve": one required text (a rejection reason / resolution notes),
 * validated with the BFF's own zod schema; the server's field error lands on the same field.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button, Group, Stack, Textarea } from "@sysops/design-system";
import { rejectReason, resolveNotes } from "@sysops/bff-ticketing/inputs/expert";
import type { ServerError } from "../shared/server-errors.ts";

type Kind = "reason" | "notes";
/** The BFF's own field schema, under one form field name (`text`) for both kinds. */
const SCHEMA: Record<Kind, z.ZodObject<{ text: z.ZodString }>> = {
  reason: z.object({ text: rejectReason.shape.reason }),
  notes: z.object({ text: resolveNotes.shape.notes }),
};
const LABEL: Record<Kind, string> = { reason: "Why are you rejecting this ticket?", notes: "How did you resolve the problem?" };

interface ReasonFormProps {
  kind: Kind;
  submitLabel: string;
  pending: boolean;
  serverError: ServerError | null;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

export function ReasonForm({ kind, submitLabel, pending, serverError, onSubmit, onCancel }: ReasonFormProps) {
  const form = useForm({ resolver: zodResolver(SCHEMA[kind]), defaultValues: { text: "" } });
  const serverFieldError = serverError?.fieldErrors[kind]?.[0];
  useEffect(() => {
    if (serverFieldError) form.setError("text", { message: serverFieldError });
  }, [serverFieldError, form]);

  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit((values) => onSubmit(values.text))(e)}>
      <Stack gap="xs">
        <Textarea label={LABEL[kind]} withAsterisk autosize minRows={3} error={form.formState.errors.text?.message} {...form.register("text")} />
        <Group gap="xs">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          <Button type="button" variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
