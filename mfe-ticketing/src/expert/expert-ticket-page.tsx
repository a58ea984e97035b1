/**
 * One of my tickets (/tickets/T-000123): header with only the actions the service allows now
 * (`allowedActions`), the customer's contact and the visit address, the problem, and the ticket's history.
 * Works at 360 px: one column, buttons wrap. A ticket that changed meanwhile (stale version) shows the
 * server's "This ticket changed…" and is refetched.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { inferRouterOutputs } from "@trpc/server";
import { useState, type ReactNode } from "react";
import { Link, useNavigate, useParams } from "react-router";
import { Alert, Anchor, Button, Card, Loader, Stack, Text, Title } from "@sysops/design-system";
import type { AppRouter } from "@sysops/bff-ticketing/router";
import { rejectReason, resolveNotes } from "@sysops/bff-ticketing/inputs/expert";
import { TicketHeader } from "../shared/ticket-header.tsx";
import { TicketTimeline } from "../shared/ticket-timeline.tsx";
import { useTRPC } from "../trpc.ts";
import { isStaleTicket, serverErrorOf, type ServerError } from "../shared/server-errors.ts";
import { ReasonForm } from "../shared/reason-form.tsx";

export function ExpertTicketPage() {
  const trpc = useTRPC();
  const { number } = useParams();
  const assignments = useQuery(trpc.expert.assignments.queryOptions());
  const ticketId = assignments.data?.find((a) => a.number === number)?.id;
  const ticket = useQuery({ ...trpc.expert.ticket.queryOptions({ ticketId: ticketId ?? "" }), enabled: ticketId !== undefined });

  const back = (
    <Anchor component={Link} to="/">
      ← My assignments
    </Anchor>
  );
  if (assignments.isPending || (ticketId && ticket.isPending)) return <Loader aria-label="Loading the ticket" />;
  const loadError = assignments.error ?? ticket.error;
  if (loadError) {
    return (
      <Stack gap="sm">
        {back}
        <Alert color="red" role="alert" title="Could not load the ticket">
          {loadError.message}
        </Alert>
      </Stack>
    );
  }
  if (!ticketId || !ticket.data) {
    return (
      <Stack gap="sm">
        {back}
        <Text role="alert">Ticket {number} is not among your assignments.</Text>
      </Stack>
    );
  }
  return <TicketWork key={ticket.data.id} ticket={ticket.data} back={back} />;
}

type Ticket = inferRouterOutputs<AppRouter>["expert"]["ticket"];

function TicketWork({ ticket, back }: { ticket: Ticket; back: ReactNode }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [form, setForm] = useState<"reject" | "resolve" | null>(null);
  const [error, setError] = useState<ServerError | null>(null);

  const settle = {
    onMutate: () => setError(null),
    onError: (e: unknown) => {
      const serverError = serverErrorOf(e);
      setError(serverError);
      // A stale page: fetch the ticket as it is now (status, version, allowedActions).
      if (isStaleTicket(serverError)) void queryClient.invalidateQueries({ queryKey: trpc.expert.pathKey() });
    },
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: trpc.expert.pathKey() }),
  };
  const accept = useMutation(trpc.expert.accept.mutationOptions(settle));
  const start = useMutation(trpc.expert.start.mutationOptions(settle));
  const reject = useMutation(
    trpc.expert.reject.mutationOptions({ ...settle, onSuccess: () => void navigate("/", { state: { notice: `You rejected ticket ${ticket.number}; it goes to another expert.` } }) }),
  );
  const resolve = useMutation(
    trpc.expert.resolve.mutationOptions({ ...settle, onSuccess: () => void navigate("/", { state: { notice: `Ticket ${ticket.number} is resolved. Thank you!` } }) }),
  );
  const pending = accept.isPending || start.isPending || reject.isPending || resolve.isPending;
  const version = { ticketId: ticket.id, expectedVersion: ticket.version };
  const allowed = new Set(ticket.allowedActions);

  return (
    <Stack gap="md" maw={720}>
      {back}
      <TicketHeader ticket={ticket}>
        {allowed.has("accept") && (
          <Button onClick={() => accept.mutate(version)} loading={accept.isPending} disabled={pending}>
            Accept
          </Button>
        )}
        {allowed.has("reject") && (
          <Button color="red.9" variant="outline" onClick={() => setForm("reject")} disabled={pending}>
            Reject…
          </Button>
        )}
        {allowed.has("start") && (
          <Button onClick={() => start.mutate(version)} loading={start.isPending} disabled={pending}>
            Start work
          </Button>
        )}
        {allowed.has("resolve") && (
          <Button onClick={() => setForm("resolve")} disabled={pending}>
            Resolve…
          </Button>
        )}
      </TicketHeader>

      {error && !error.fieldErrors.reason && !error.fieldErrors.notes && (
        <Alert color="red" role="alert" title={isStaleTicket(error) ? "This ticket changed" : "That did not work"}>
          {error.message}
        </Alert>
      )}
      {form === "reject" && allowed.has("reject") && (
        <ReasonForm
          schema={rejectReason}
          label="Why are you rejecting this ticket?"
          submitLabel="Reject ticket"
          cancelLabel="Cancel"
          minRows={3}
          pending={reject.isPending}
          serverError={error}
          onCancel={() => setForm(null)}
          onSubmit={(reason) => reject.mutate({ ...version, reason })}
        />
      )}
      {form === "resolve" && allowed.has("resolve") && (
        <ReasonForm
          schema={resolveNotes}
          label="How did you resolve the problem?"
          submitLabel="Resolve ticket"
          cancelLabel="Cancel"
          minRows={3}
          pending={resolve.isPending}
          serverError={error}
          onCancel={() => setForm(null)}
          onSubmit={(notes) => resolve.mutate({ ...version, notes })}
        />
      )}

      <Card withBorder padding="sm" component="section" aria-labelledby="customer-title">
        <Title order={3} id="customer-title">
          Customer
        </Title>
        <Text fw={700}>{ticket.contact.name}</Text>
        <Text>
          Phone: <Anchor href={`tel:${ticket.contact.phone}`}>{ticket.contact.phone}</Anchor>
        </Text>
        <Text>
          Email: <Anchor href={`mailto:${ticket.contact.email}`}>{ticket.contact.email}</Anchor>
        </Text>
        <Text>Address: {ticket.serviceAddress}</Text>
      </Card>

      <Card withBorder padding="sm" component="section" aria-labelledby="problem-title">
        <Title order={3} id="problem-title">
          Problem
        </Title>
        <Text style={{ whiteSpace: "pre-wrap" }}>{ticket.description}</Text>
      </Card>

      <Title order={3}>History</Title>
      <TicketTimeline entries={ticket.timeline} title="History" />
    </Stack>
  );
}
