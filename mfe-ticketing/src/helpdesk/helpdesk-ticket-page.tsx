/**
 * One ticket as the agent sees it (`/tickets/T-000123`): header, what the customer reported, the SLA clock
 * of the running target, the timeline, how matching chose (or failed to choose) an expert, and cancel /
 * escalate with a reason — offered only when the ticket's `allowedActions` has them.
 */
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link, useParams } from "react-router";
import { Alert, Anchor, Badge, Button, Card, Group, List, Loader, Paper, SimpleGrid, Stack, Table, Text, Title } from "@sysops/design-system";
import type { AssignmentDecisionDTO, HelpdeskTicketDTO } from "@sysops/bff-ticketing/helpdesk-dto";
import { actionReasonForm } from "@sysops/bff-ticketing/inputs/helpdesk";
import { ReasonForm } from "../shared/reason-form.tsx";
import { TicketHeader } from "../shared/ticket-header.tsx";
import { TicketTimeline } from "../shared/ticket-timeline.tsx";
import { formatDateTime } from "../shared/format.ts";
import { isStaleTicket, serverErrorOf } from "../shared/server-errors.ts";
import { useTRPC } from "../trpc.ts";
import { formatTimeLeft, SLA_COLOR, SLA_TARGET_LABEL } from "./sla-format.ts";

type Action = "cancel" | "escalate";
const ACTION_LABEL: Record<Action, string> = { cancel: "Cancel ticket", escalate: "Escalate" };

export function HelpdeskTicketPage() {
  const { number = "" } = useParams();
  const trpc = useTRPC();
  const ticket = useQuery(trpc.helpdesk.ticket.queryOptions({ number }));
  return (
    <Stack gap="md">
      <Anchor component={Link} to="/">
        ← Helpdesk
      </Anchor>
      {ticket.isPending && <Loader role="status" aria-label="Loading the ticket" />}
      {ticket.isError && (
        <Alert color="red" role="alert">
          {ticket.error.data?.code === "NOT_FOUND" ? `There is no ticket ${number}.` : `Could not load ${number}: ${ticket.error.message}`}
        </Alert>
      )}
      {ticket.data && <TicketDetail ticket={ticket.data} />}
    </Stack>
  );
}

function TicketDetail({ ticket }: { ticket: HelpdeskTicketDTO }) {
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const [action, setAction] = useState<Action | null>(null);
  const act = useMutation(
    trpc.helpdesk.act.mutationOptions({
      onSuccess: () => setAction(null),
      onSettled: () => queryClient.invalidateQueries({ queryKey: trpc.helpdesk.pathKey() }),
    }),
  );
  const offered = (["cancel", "escalate"] as const).filter((a) => ticket.allowedActions.includes(a));
  const serverError = act.error ? serverErrorOf(act.error) : null;

  return (
    <Stack gap="lg">
      <TicketHeader ticket={ticket}>
        {offered.map((a) => (
          <Button key={a} variant={a === "cancel" ? "default" : "filled"} color={a === "cancel" ? "red.9" : undefined} onClick={() => setAction(a)}>
            {ACTION_LABEL[a]}
          </Button>
        ))}
      </TicketHeader>
      {serverError && isStaleTicket(serverError) && (
        <Alert color="orange" role="alert" title="This ticket changed">
          Someone changed this ticket while you were looking at it. It has been reloaded: check it and try again.
        </Alert>
      )}
      {action && (
        <Paper withBorder p="md" aria-label={ACTION_LABEL[action]} component="section">
          <ReasonForm
            schema={actionReasonForm}
            label={action === "cancel" ? "Why is the ticket cancelled?" : "Why does this ticket need escalating?"}
            submitLabel={ACTION_LABEL[action]}
            cancelLabel="Back"
            pending={act.isPending}
            serverError={serverError}
            onSubmit={(reason) => act.mutate({ ticketId: ticket.id, action, expectedVersion: ticket.version, reason })}
            onCancel={() => setAction(null)}
          />
        </Paper>
      )}
      {serverError && !isStaleTicket(serverError) && Object.keys(serverError.fieldErrors).length === 0 && (
        <Alert color="red" role="alert">
          {serverError.message}
        </Alert>
      )}
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="xs" component="section" aria-label="What the customer reported">
          <Title order={3}>Reported</Title>
          <Text>
            <strong>{ticket.customerName}</strong> · {ticket.channel === "phone" ? "by phone" : "on the web"}
          </Text>
          <Text>{ticket.description}</Text>
          <Text size="sm">Service address: {ticket.serviceAddress}</Text>
        </Stack>
        <SlaClocks sla={ticket.sla} />
      </SimpleGrid>
      <Stack gap="xs">
        <Title order={3}>Timeline</Title>
        <TicketTimeline entries={ticket.timeline} />
      </Stack>
      <AssignmentExplanations decisions={ticket.assignments} />
    </Stack>
  );
}

function SlaClocks({ sla }: { sla: HelpdeskTicketDTO["sla"] }) {
  const color = { ok: SLA_COLOR.ok, warning: SLA_COLOR.warning, overdue: SLA_COLOR.breached };
  return (
    <Stack gap="xs" component="section" aria-label="SLA">
      <Title order={3}>SLA</Title>
      {sla.breached && (
        <Badge color="red.9" variant="filled">
          A target was missed
        </Badge>
      )}
      {sla.running ? (
        <Card withBorder padding="sm" data-sla-state={sla.running.state}>
          <Group gap="xs">
            <Text fw={700}>{SLA_TARGET_LABEL[sla.running.target]}</Text>
            <Badge color={color[sla.running.state]} variant="filled">
              {sla.running.state === "ok" ? "On time" : sla.running.state === "warning" ? "Due soon" : "Overdue"}
            </Badge>
          </Group>
          <Text size="sm">
            Due {formatDateTime(sla.running.dueAt)} ({formatTimeLeft(sla.running.msLeft)}) · warning from {formatDateTime(sla.running.warnAt)}
          </Text>
        </Card>
      ) : (
        <Text size="sm">No SLA clock is running for this ticket now.</Text>
      )}
      {sla.firings.length > 0 && (
        <List size="sm" aria-label="SLA warnings and breaches">
          {sla.firings.map((f) => (
            <List.Item key={`${f.target}-${f.kind}`}>
              {f.kind === "breach" ? "Missed" : "Warned about"} the {f.target} target at {formatDateTime(f.firedAt)}
            </List.Item>
          ))}
        </List>
      )}
    </Stack>
  );
}

function AssignmentExplanations({ decisions }: { decisions: AssignmentDecisionDTO[] }) {
  return (
    <Stack gap="xs" component="section" aria-label="Assignment explanation">
      <Title order={3}>Why this expert</Title>
      {decisions.length === 0 && <Text size="sm">Matching has not assigned this ticket yet.</Text>}
      {decisions.map((d) => (
        <Card key={d.decidedAt} withBorder padding="sm">
          <Text>
            <strong>{d.chosen.name}</strong> chosen {formatDateTime(d.decidedAt)} · {d.chosen.distanceKm.toFixed(1)} km · cost {d.chosen.cost.toFixed(1)} ·{" "}
            {d.status}
            {d.endReason && ` (${d.endReason})`}
          </Text>
          <Text size="sm">
            {d.candidates} experts considered, {d.eligible} eligible.
          </Text>
          {d.exclusions.length > 0 && (
            <List size="sm" aria-label="Excluded experts">
              {d.exclusions.map((x) => (
                <List.Item key={x.rule}>
                  {x.count} {x.rule}
                  {x.experts.length > 0 && `: ${x.experts.join(", ")}${x.count > x.experts.length ? ", …" : ""}`}
                </List.Item>
              ))}
            </List>
          )}
          {d.costs.length > 0 && (
            <Table aria-label="Cheapest eligible experts" mt="xs">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">Eligible expert</Table.Th>
                  <Table.Th scope="col">Cost</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {d.costs.map((c) => (
                  <Table.Tr key={c.name}>
                    <Table.Td>{c.name}</Table.Td>
                    <Table.Td>{c.cost.toFixed(1)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </Card>
      ))}
    </Stack>
  );
}
