/**
 * The e2e specs share one running suite, and a demo expert holds few tickets at once (Lena Fischer: 3). A test
 * that needs matching to assign its ticket to a particular expert first cancels, as an agent with a reason,
 * every ticket still open from earlier tests (pending ones too: they would compete for the freed capacity), so
 * it does not depend on which specs ran before it.
 */
import { expect, type PlaywrightWorkerArgs } from "@playwright/test";
import { demoUsers } from "@sysops/demo-data";
import { signInApi, trpcBody, trpcMutation, trpcQuery, type TicketingOutputs } from "./session.ts";
import { suiteEnv } from "./suite-env.ts";

type SearchPage = TicketingOutputs["helpdesk"]["searchTickets"];
type HelpdeskTicket = TicketingOutputs["helpdesk"]["ticket"];
const OPEN_STATUSES = ["new", "assigned", "accepted", "in_progress"] as const;

export async function cancelOpenTickets(playwright: PlaywrightWorkerArgs["playwright"]): Promise<void> {
  const agent = await playwright.request.newContext({ baseURL: suiteEnv.baseUrl });
  try {
    await signInApi(agent, demoUsers.agents[1]!.email);
    // Matching may assign a pending ticket between the search and the cancel (a version conflict): search again.
    await expect
      .poll(
        async () => {
          let open = 0;
          for (const status of OPEN_STATUSES) {
            const page = (await trpcBody<SearchPage>(await trpcQuery(agent, "ticketing", "helpdesk.searchTickets", { filters: { status } }))).result!.data;
            for (const ticket of page.items) {
              open++;
              const { version } = (await trpcBody<HelpdeskTicket>(await trpcQuery(agent, "ticketing", "helpdesk.ticket", { number: ticket.number }))).result!.data;
              const input = { ticketId: ticket.id, action: "cancel", reason: "e2e: clearing the queue for the next test", expectedVersion: version };
              const res = await trpcMutation(agent, "ticketing", "helpdesk.act", input);
              expect([200, 409], `cancel ${ticket.number}: ${await res.text()}`).toContain(res.status());
            }
          }
          return open;
        },
        { timeout: 30_000, intervals: [0, 250, 500] },
      )
      .toBe(0);
  } finally {
    await agent.dispose();
  }
}
