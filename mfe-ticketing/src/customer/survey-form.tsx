/** The satisfaction survey (1–5 and a comment), the same from the e-mail link and from the ticket page. */
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { Controller, useForm } from "react-hook-form";
import { Alert, Button, Group, Radio, Stack, Textarea } from "@sysops/design-system";
import { surveyForm, type SurveyForm } from "@sysops/bff-ticketing/inputs/customer";
import { applyServerErrors, serverErrorOf } from "../shared/server-errors.ts";

const FIELDS = ["rating", "comment"] as const;
const RATINGS = [
  { value: "1", label: "1 – poor" },
  { value: "2", label: "2" },
  { value: "3", label: "3" },
  { value: "4", label: "4" },
  { value: "5", label: "5 – excellent" },
];

export function SurveyFormFields({ onAnswer }: { onAnswer: (answer: { rating: number; comment: string }) => Promise<unknown> }) {
  const [formError, setFormError] = useState<string | null>(null);
  const { control, register, handleSubmit, setError, formState } = useForm<SurveyForm>({
    resolver: zodResolver(surveyForm),
    defaultValues: { comment: "" },
  });
  const onSubmit = handleSubmit(async (values) => {
    setFormError(null);
    try {
      await onAnswer({ rating: values.rating, comment: values.comment });
    } catch (error) {
      setFormError(applyServerErrors(serverErrorOf(error), FIELDS, setError));
    }
  });

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate aria-label="Satisfaction survey">
      <Stack gap="sm" maw={560}>
        <Controller
          control={control}
          name="rating"
          render={({ field, fieldState }) => (
            <Radio.Group
              label="How satisfied are you with the visit?"
              value={field.value === undefined ? "" : String(field.value)}
              onChange={(v) => field.onChange(Number(v))}
              error={fieldState.error?.message}
              name={field.name}
            >
              <Group mt="xs">
                {RATINGS.map((r) => (
                  <Radio key={r.value} value={r.value} label={r.label} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        <Textarea label="Comment (optional)" autosize minRows={2} error={formState.errors.comment?.message} {...register("comment")} />
        {formError && <Alert color="red" role="alert">{formError}</Alert>}
        <Group>
          <Button type="submit" loading={formState.isSubmitting}>Send answer</Button>
        </Group>
      </Stack>
    </form>
  );
}
