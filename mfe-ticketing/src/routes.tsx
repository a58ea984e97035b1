/**
 * Routes inside mfe-ticketing. The shell mounts this app under `/tickets`, so paths here are relative to it:
 *   /tickets                 the role's home (home.tsx)
 *   /tickets/:number         one ticket, shaped by role (T-000123)
 *   /tickets/survey/:token   the satisfaction survey linked from the e-mail (customers)
 * Each console adds its routes/elements with a one-line edit in the tables below.
 */
import { Suspense, type ReactNode } from "react";
import { BrowserRouter, Route, Routes } from "react-router";
import { Loader, Text } from "@sysops/design-system";
import type { SessionUser, UserRole } from "@sysops/mf-config/contract";
import { Home } from "./home.tsx";
import { lazyPage } from "./lazy-page.ts";

// Pages load on demand (see lazy-page.ts): add a console's page as `lazyPage(async () => (await import(…)).Page)`.
const CustomerTicketPage = lazyPage(async () => (await import("./customer/ticket-page.tsx")).CustomerTicketPage);
const SurveyPage = lazyPage(async () => (await import("./customer/survey-page.tsx")).SurveyPage);
const ExpertTicketPage = lazyPage(async () => (await import("./expert/expert-ticket-page.tsx")).ExpertTicketPage);
const HelpdeskTicketPage = lazyPage(async () => (await import("./helpdesk/helpdesk-ticket-page.tsx")).HelpdeskTicketPage);

/** The ticket page of each role; a role without one gets "not part of your portal". */
const TICKET_PAGE: Partial<Record<UserRole, () => ReactNode>> = {
  customer: () => <CustomerTicketPage />,
  expert: () => <ExpertTicketPage />,
  agent: () => <HelpdeskTicketPage />,
};

/** The survey link from the e-mail is for the customer who got it. */
const SURVEY_PAGE: Partial<Record<UserRole, () => ReactNode>> = { customer: () => <SurveyPage /> };

function ByRole({ user, pages }: { user: SessionUser; pages: Partial<Record<UserRole, () => ReactNode>> }) {
  const page = pages[user.role];
  return page ? page() : <Text role="alert">This page is not part of the {user.role} portal.</Text>;
}

export function TicketingRoutes({ user }: { user: SessionUser }) {
  return (
    <BrowserRouter basename="/tickets">
      <Suspense fallback={<Loader size="sm" aria-label="Loading" />}>
        <Routes>
          <Route index element={<Home user={user} />} />
          <Route path="survey/:token" element={<ByRole user={user} pages={SURVEY_PAGE} />} />
          <Route path=":number" element={<ByRole user={user} pages={TICKET_PAGE} />} />
          <Route path="*" element={<Text role="alert">There is no such page in ticketing.</Text>} />
        </Routes>
      </Suspense>
    </BrowserRouter>
  );
}
