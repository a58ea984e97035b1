/**
 * A demo customer signed in at the gateway, filing tickets the way the portal does: `customer.fileTicket`
 * (gateway → bff-ticketing → svc-ticketing, which asks svc-customer for the plan and product), with a fresh
 * idempotency key per ticket and no preferred visit window.
 */
import { randomUUID } from "node:crypto";
import { Agent, request } from "undici";
import { DEMO_PASSWORD } from "@sysops/demo-data";

export interface CustomerSession {
  gatewayUrl: string;
  cookie: string;
  productId: string;
  category: string;
  address: string;
}

/** Up to 128 sockets to the gateway: an open-loop benchmark must never wait for a free one. */
export const benchAgent = new Agent({ connections: 128, pipelining: 1, keepAliveTimeout: 30_000 });

export async function signInCustomer(gatewayUrl: string, email: string): Promise<CustomerSession> {
  const login = await request(`${gatewayUrl}/auth/login`, {
    method: "POST",
    dispatcher: benchAgent,
    headers: { "content-type": "application/json", origin: gatewayUrl },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  });
  if (login.statusCode !== 200) throw new Error(`sign-in of ${email} failed: ${login.statusCode} ${await login.body.text()}`);
  await login.body.dump();
  const cookie = String(login.headers["set-cookie"]).split(";")[0]!;
  const options = await request(`${gatewayUrl}/api/ticketing/customer.filingOptions`, { dispatcher: benchAgent, headers: { cookie } });
  if (options.statusCode !== 200) throw new Error(`filing options of ${email}: HTTP ${options.statusCode} ${await options.body.text()}`);
  const body = (await options.body.json()) as { result: { data: { products: { id: string; category: string }[]; defaultAddress: string } } };
  const product = body.result.data.products[0]!;
  return { gatewayUrl, cookie, productId: product.id, category: product.category, address: body.result.data.defaultAddress };
}

export interface FiledTicket {
  statusCode: number;
  ticket?: { id: string; number: string };
}

export async function fileTicket(session: CustomerSession, description: string): Promise<FiledTicket> {
  const res = await request(`${session.gatewayUrl}/api/ticketing/customer.fileTicket`, {
    method: "POST",
    dispatcher: benchAgent,
    headers: { "content-type": "application/json", origin: session.gatewayUrl, cookie: session.cookie },
    body: JSON.stringify({
      productId: session.productId,
      category: session.category,
      description,
      serviceAddress: session.address,
      saveAsDefault: false,
      preferredDate: "",
      preferredSlot: "any",
      idempotencyKey: randomUUID(),
      timeZone: "UTC",
    }),
  });
  const body = (await res.body.json()) as { result?: { data: { id: string; number: string } } };
  return { statusCode: res.statusCode, ...(body.result ? { ticket: body.result.data } : {}) };
}
