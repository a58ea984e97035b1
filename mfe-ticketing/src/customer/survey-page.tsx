/** /tickets/survey/:token — the survey link from the e-mail. The token is the credential. */
import { useMutation, useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Alert, Anchor, Loader, Stack, Text, Title } from "@sysops/design-system";
import { useTRPC } from "../trpc.ts";
import { SurveyFormFields } from "./survey-form.tsx";

export function SurveyPage() {
  const { token = "" } = useParams();
  const trpc = useTRPC();
  const survey = useQuery({ ...trpc.customer.surveyByToken.queryOptions({ token }), retry: false });
  const answer = useMutation(trpc.customer.answerSurveyByToken.mutationOptions());
  const [thanked, setThanked] = useState(false);
  const s = survey.data;

  return (
    <Stack component="section" aria-labelledby="survey-title" gap="sm">
      <Title order={2} id="survey-title">{s ? `How did we do on ticket ${s.ticketNumber}?` : "Satisfaction survey"}</Title>
      {survey.isPending && <Loader size="sm" aria-label="Loading the survey" />}
      {survey.isError && <Alert color="red" role="alert">{survey.error.message}</Alert>}
      {s && <Text>Your {s.productName} was looked after by a Sysops Squad expert. Tell us how it went.</Text>}
      {thanked ? (
        <Alert color="green" role="status" title="Thank you">Your answer was recorded.</Alert>
      ) : s?.answered ? (
        <Alert color="blue" role="status">This survey was already answered. Thank you!</Alert>
      ) : (
        s && (
          <SurveyFormFields
            onAnswer={async (values) => {
              await answer.mutateAsync({ token, ...values });
              setThanked(true);
            }}
          />
        )
      )}
      <Anchor component={Link} to="/">Back to my tickets</Anchor>
    </Stack>
  );
}
