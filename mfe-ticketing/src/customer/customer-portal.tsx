import { Stack } from "@sysops/design-system";
import { FileTicket } from "./file-ticket-form.tsx";
import { MyTickets } from "./my-tickets.tsx";

/** The customer portal's home (/tickets): file a ticket, follow my tickets. */
export function CustomerPortal() {
  return (
    <Stack gap="xl">
      <FileTicket />
      <MyTickets />
    </Stack>
  );
}
