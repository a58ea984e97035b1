import { FileTicket } from "../file-ticket.tsx";
import { MyTickets } from "../my-tickets.tsx";

/** The customer portal: file a ticket, follow my tickets. */
export function CustomerPortal() {
  return (
    <>
      <FileTicket />
      <MyTickets />
    </>
  );
}
