import { Group, Stack, Text, Title } from "@sysops/design-system";
import type { ReactNode } from "react";
import type { TicketDetailDTO } from "@sysops/bff-ticketing/ticket-dto";
import { formatDateTime, formatWindow } from "./format.ts";
import { StatusBadge } from "./status-badge.tsx";

type HeaderTicket = Pick<TicketDetailDTO, "number" | "status" | "productName" | "productCategory" | "createdAt" | "expertFirstName" | "arrivalWindowStart" | "arrivalWindowEnd" | "preferredWindowStart" | "preferredWindowEnd"
>;

/**
 * The top of a ticket's page on every console: number, status, product, who is coming and when, and the
 * visit window the customer asked for.
 * `children` go on the right (a console's action buttons).
 */
export function TicketHeader({ ticket, children }: { ticket: HeaderTicket; children?: ReactNode }) {
  const arrival = formatWindow(ticket.arrivalWindowStart, ticket.arrivalWindowEnd);
  const preferred = formatWindow(ticket.preferredWindowStart, ticket.preferredWindowEnd);
  return (
    <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
      <Stack gap={4}>
        <Group gap="sm">
          <Title order={2}>Ticket {ticket.number}</Title>
          <StatusBadge status={ticket.status} />
        </Group>
        <Text>
          {ticket.productName} <Text span c="dimmed">({ticket.productCategory})</Text> · filed {formatDateTime(ticket.createdAt)}
        </Text>
        {ticket.expertFirstName && (
          <Text>
            Expert: <strong>{ticket.expertFirstName}</strong>
            {arrival && <> · arriving {arrival}</>}
          </Text>
        )}
        <Text>Preferred visit: {preferred ?? "first available"}</Text>
      </Stack>
      {children && <Group gap="xs">{children}</Group>}
    </Group>
  );
}
