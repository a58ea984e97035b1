/**
 * Who gets a message. Customers come from the customer service, managers from identity (both over
 * tRPC, signed as the notification service); experts from the local projection (`ExpertContact`).
 */
import { signCaller } from "@sysops/internal-auth";
import type { CustomerRouter } from "@sysops/svc-customer/api";
import type { IdentityRouter } from "@sysops/svc-identity/api";
import { createServiceClient } from "@sysops/trpc-server/service-client";

export interface Contact {
  name: string;
  email: string;
}

export interface ContactDirectory {
  customer(customerId: string): Promise<Contact>;
  /** Everyone who should hear about escalations and SLA breaches. */
  managers(): Promise<Contact[]>;
}

export interface ContactServiceUrls {
  customer: string;
  identity: string;
}

export function serviceContactDirectory(urls: ContactServiceUrls, internalSecret: string): ContactDirectory {
  const asNotification = () => signCaller({ kind: "service", service: "notification" }, internalSecret);
  const customers = createServiceClient<CustomerRouter>(urls.customer, asNotification);
  const identity = createServiceClient<IdentityRouter>(urls.identity, asNotification);
  return {
    async customer(customerId) {
      const { name, email } = await customers.customers.get.query({ customerId });
      return { name, email };
    },
    async managers() {
      const managers = await identity.users.byRole.query({ role: "manager" });
      return managers.map(({ name, email }) => ({ name, email }));
    },
  };
}
