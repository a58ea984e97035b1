import { expect, type APIRequestContext, type APIResponse, type Page } from "@playwright/test";
import type { AppRouter } from "@sysops/bff-ticketing/router";
import type { inferRouterOutputs } from "@trpc/server";
import { DEMO_PASSWORD } from "@sysops/demo-data";
import { suiteEnv } from "./suite-env.ts";

/** The gateway refuses unsafe requests without a same-origin `Origin` (CSRF); a browser sends it, an API client must. */
const sameOrigin = () => ({ origin: suiteEnv.baseUrl });

/** Signs in through the login page, as a person would. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto("/");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** Signs in over HTTP (for requests that bypass the UI on purpose). */
export async function signInApi(request: APIRequestContext, email: string): Promise<void> {
  const res = await request.post("/auth/login", { data: { email, password: DEMO_PASSWORD }, headers: sameOrigin() });
  expect(res.status()).toBe(200);
}

/** Calls a tRPC procedure of a BFF through the gateway, with the request's session cookie. */
export async function trpcQuery(request: APIRequestContext, domain: string, path: string, input: unknown) {
  return request.get(`/api/${domain}/${path}?input=${encodeURIComponent(JSON.stringify(input))}`);
}

export async function trpcMutation(request: APIRequestContext, domain: string, path: string, input: unknown) {
  return request.post(`/api/${domain}/${path}`, { data: input, headers: sameOrigin() });
}

export type TicketingOutputs = inferRouterOutputs<AppRouter>;

/** tRPC's HTTP envelope (no transformer): `result.data` on success, `error` on failure. */
export interface TrpcEnvelope<T> {
  result?: { data: T };
  error?: { message: string; data: { code: string; httpStatus: number; fieldErrors?: Record<string, string[] | undefined> } };
}

export async function trpcBody<T>(res: APIResponse): Promise<TrpcEnvelope<T>> {
  return (await res.json()) as TrpcEnvelope<T>;
}
