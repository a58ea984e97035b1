/** The helpdesk console (call-center agents): find the caller and file for them; search every ticket. The shell's h1 names the console. */
import { Stack } from "@sysops/design-system";
import { CallerDesk } from "./caller-desk.tsx";
import { TicketSearch } from "./ticket-search.tsx";

export function HelpdeskConsole() {
  return (
    <Stack gap="xl">
      <CallerDesk />
      <TicketSearch />
    </Stack>
  );
}
