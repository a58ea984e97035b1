/**
 * /tickets/:number for a customer: who is coming when, the full timeline, the actions the service allows
 * now (cancel before work starts, confirm or reopen after resolution) and the survey. Acting on a ticket
 * that changed since the page loaded is refused by the service (CONFLICT): the page says so and reloads it.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Alert, Anchor, Button, Card, Loader, SimpleGrid, Stack, Text, Title } from "@sysops/design-system";
import { isStaleTicket, serverErrorOf } from "../shared/server-errors.ts";
import { TicketHeader } from "../shared/ticket-header.tsx";
import { TicketTimeline } from "../shared/ticket-timeline.tsx";
import { useTRPC } from "../trpc.ts";
import { SurveyFormFields } from "./survey-form.tsx";

/** The customer's actions, in the order the page offers them, with their button text. */
const CUSTOMER_ACTIONS = [
  { action: "confirm", label: "Confirm it is fixed", color: "teal.9" },
  { action: "reopen", label: "Reopen: the problem is back", color: "violet.9" },
  { action: "cancel", label: "Cancel ticket", color: "red.9" },
] as const;
type CustomerAction = (typeof CUSTOMER_ACTIONS)[number]["action"];

export const STALE_MESSAGE = "This ticket changed since you opened it. The page now shows its current state: check it and try again.";

export function CustomerTicketPage() {
  const { number = "" } = useParams();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const ticket = useQuery({ ...trpc.customer.ticket.queryOptions({ number }), retry: false });
  const [notice, setNotice] = useState<{ kind: "error" | "done"; text: string } | null>(null);
  const options = { onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.customer.pathKey() }) };
  const mutations: Record<CustomerAction, ReturnType<typeof useMutation<unknown, unknown, { ticketId: string; expectedVersion: number }>>> = {
    cancel: useMutation(trpc.customer.cancel.mutationOptions(options)),
    confirm: useMutation(trpc.customer.confirm.mutationOptions(options)),
    reopen: useMutation(trpc.customer.reopen.mutationOptions(options)),
  };
  const answer = useMutation(trpc.customer.answerTicketSurvey.mutationOptions(options));
  const t = ticket.data;

  async function act(action: CustomerAction, label: string) {
    if (!t) return;
    setNotice(null);
    try {
      await mutations[action].mutateAsync({ ticketId: t.id, expectedVersion: t.version });
      setNotice({ kind: "done", text: `Done: ${label.toLowerCase()}.` });
    } catch (error) {
      const e = serverErrorOf(error);
      setNotice({ kind: "error", text: isStaleTicket(e) ? STALE_MESSAGE : e.message });
    }
  }

  if (ticket.isPending) return <Loader size="sm" aria-label="Loading the ticket" />;
  if (ticket.isError || !t) {
    return (
      <Stack>
        <Alert color="red" role="alert">{ticket.error?.message ?? "Ticket not found"}</Alert>
        <Anchor component={Link} to="/">Back to my tickets</Anchor>
      </Stack>
    );
  }
  const offered = CUSTOMER_ACTIONS.filter((a) => t.allowedActions.includes(a.action));
  const busy = Object.values(mutations).some((m) => m.isPending);

  return (
    <Stack component="article" aria-label={`Ticket ${t.number}`} gap="md">
      <Anchor component={Link} to="/">← My tickets</Anchor>
      <TicketHeader ticket={t}>
        {offered.map((a) => (
          <Button key={a.action} color={a.color} variant="filled" disabled={busy} onClick={() => void act(a.action, a.label)}>
            {a.label}
          </Button>
        ))}
      </TicketHeader>
      {notice && (
        <Alert color={notice.kind === "error" ? "red" : "green"} role={notice.kind === "error" ? "alert" : "status"}>
          {notice.text}
        </Alert>
      )}
      <Card withBorder>
        <SimpleGrid component="dl" cols={{ base: 1, sm: 2 }} spacing="xs" m={0}>
          {(
            [
              ["Problem", t.description],
              ["Service address", t.serviceAddress],
              ["Category", t.productCategory],
            ] as const
          ).map(([label, value]) => (
            <div key={label}>
              <Text component="dt" fw={600}>{label}</Text>
              <Text component="dd" m={0}>{value}</Text>
            </div>
          ))}
        </SimpleGrid>
      </Card>
      <Title order={3}>Timeline</Title>
      <TicketTimeline entries={t.timeline} />
      {t.survey.state !== "none" && (
        <Stack component="section" aria-labelledby="ticket-survey-title" gap="xs">
          <Title order={3} id="ticket-survey-title">Survey</Title>
          {t.survey.state === "open" && (
            <SurveyFormFields onAnswer={(values) => answer.mutateAsync({ ticketId: t.id, ...values })} />
          )}
          {t.survey.state === "answered" && <Text>You rated this visit {t.survey.rating} out of 5. Thank you!</Text>}
          {t.survey.state === "expired" && <Text>The survey for this ticket has closed.</Text>}
        </Stack>
      )}
    </Stack>
  );
}
