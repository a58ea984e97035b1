import { Badge } from "@sysops/design-system";
import type { TicketStatus } from "@sysops/bff-ticketing/ticket-dto";
import { STATUS_COLOR, STATUS_LABEL } from "./status.ts";

/** A ticket's status, the same on every console. */
export function StatusBadge({ status }: { status: TicketStatus }) {
  return (
    <Badge color={STATUS_COLOR[status]} variant="filled" data-status={status}>
      {STATUS_LABEL[status]}
    </Badge>
  );
}
