import type { SessionUser } from "@sysops/mf-config/contract";
import { lazyPage } from "./lazy-page.ts";

const CustomerPortal = lazyPage(async () => (await import("./customer/customer-portal.tsx")).CustomerPortal);
const HelpdeskConsole = lazyPage(async () => (await import("./helpdesk/helpdesk-console.tsx")).HelpdeskConsole);
const ExpertConsole = lazyPage(async () => (await import("./expert/expert-console.tsx")).ExpertConsole);

/** One console per role; each lives in its own folder (customer/, helpdesk/, expert/) and chunk. */
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
