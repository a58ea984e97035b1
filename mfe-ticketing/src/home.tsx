import type { SessionUser } from "@sysops/mf-config/contract";
import { CustomerPortal } from "./customer/customer-portal.tsx";
import { ExpertConsole } from "./expert/expert-console.tsx";
import { HelpdeskConsole } from "./helpdesk/helpdesk-console.tsx";

/** One console per role; each lives in its own folder (customer/, helpdesk/, expert/). */
export function Home({ user }: { user: SessionUser }) {
  switch (user.role) {
    case "customer":
      return <CustomerPortal />;
    case "agent":
      return <HelpdeskConsole />;
    case "expert":
      return <ExpertConsole />;
    default:
      return <p>Tickets are not part of the {user.role} portal.</p>;
  }
}
