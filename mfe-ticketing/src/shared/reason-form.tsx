/**
 * The form behind the actions that need one required text: the help desk's "Cancel ticket" / "Escalate"
 * (a reason) and the expert's "Reject" / "Resolve" (a reason / resolution notes). It is validated with the
 * BFF's own zod schema of that one field, passed in as `schema` (e.g. `actionReasonForm`, `resolveNotes`);
 * the server's error for the same field (named as in the schema) lands on the text box.
 */
import { zodResolver } from "@hookform/resolvers/zod";
import { useEffect, useMemo } from "react";
import { useForm } from "react-hook-form";
import { z } from "zod";
import { Button, Group, Stack, Textarea } from "@sysops/design-system";
import type { ServerError } from "./server-errors.ts";

interface ReasonFormProps<F extends string> {
  /** The BFF's schema of the one text field, e.g. `z.object({ reason: z.string().trim().min(1, "…") })`. */
  schema: z.ZodObject<Record<F, z.ZodString>>;
  /** The text box's label (the question the text answers). */
  label: string;
  submitLabel: string;
  /** The button that closes the form without acting. */
  cancelLabel: string;
  /** The text box's initial height in rows. */
  minRows?: number;
  pending: boolean;
  serverError: ServerError | null;
  onSubmit: (text: string) => void;
  onCancel: () => void;
}

export function ReasonForm<F extends string>({ schema, label, submitLabel, cancelLabel, minRows = 2, pending, serverError, onSubmit, onCancel }: ReasonFormProps<F>) {
  const field = Object.keys(schema.shape)[0] as F;
  // Under one form field name (`text`) whatever the schema calls it.
  const text: z.ZodString = schema.shape[field];
  const resolver = useMemo(() => zodResolver(z.object({ text })), [text]);
  const form = useForm({ resolver, defaultValues: { text: "" } });
  const serverFieldError = serverError?.fieldErrors[field]?.[0];
  useEffect(() => {
    if (serverFieldError) form.setError("text", { message: serverFieldError });
  }, [serverFieldError, form]);

  return (
    <form noValidate onSubmit={(e) => void form.handleSubmit((values) => onSubmit(values.text))(e)}>
      <Stack gap="xs">
        <Textarea label={label} withAsterisk autosize minRows={minRows} error={form.formState.errors.text?.message} {...form.register("text")} />
        <Group gap="xs">
          <Button type="submit" loading={pending}>
            {submitLabel}
          </Button>
          <Button type="button" variant="default" onClick={onCancel}>
            {cancelLabel}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
