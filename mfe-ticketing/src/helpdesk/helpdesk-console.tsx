/** The helpdesk console (call-center agents): find the caller and file for them; search every ticket. */
import { Stack, Title } from "@sysops/design-system";
import { CallerDesk } from "./caller-desk.tsx";
import { TicketSearch } from "./ticket-search.tsx";

export function HelpdeskConsole() {
  return (
    <Stack gap="xl">
      <Title order={1}>Helpdesk</Title>
      <CallerDesk />
      <TicketSearch />
    </Stack>
  );
}
