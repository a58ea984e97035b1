import type { SessionUser } from "@sysops/mf-config/contract";
import { FileTicket } from "./file-ticket.tsx";
import { MyTickets } from "./my-tickets.tsx";
import { FindTicket } from "./find-ticket.tsx";
import { MyAssignments } from "./my-assignments.tsx";

export function Home({ user }: { user: SessionUser }) {
  switch (user.role) {
    case "customer":
      return (
        <>
          <FileTicket />
          <MyTickets />
        </>
      );
    case "agent":
      return <FindTicket />;
    case "expert":
      return <MyAssignments />;
    default:
      return <p>Tickets are not part of the {user.role} portal.</p>;
  }
}
