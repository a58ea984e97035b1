/**
 * The demo world shared by every service's seed and by the e2e tests: one module, deterministic ids, so a
 * customer id seeded by the customer service is the same one identity and ticketing refer to.
 */
export { DEMO_PASSWORD, PRODUCT_CATEGORIES, type ProductCategory } from "./catalog.ts";
export { demoId, type DemoEntity } from "./ids.ts";
export { demoPlans, type DemoPlan } from "./plans.ts";
export { demoCustomers, type DemoCustomer, type DemoProduct } from "./customers.ts";
export { allDemoUsers, demoUsers, type DemoCustomerUser, type DemoExpert, type DemoRole, type DemoSkill, type DemoUser, type DemoWorkingHours } from "./users.ts";
export { demoTickets, MATCHING_ACTOR, statusOf, type DemoTicket, type DemoTicketStatus, type DemoTransition } from "./tickets.ts";
