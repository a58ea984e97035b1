/** Access matrix (every procedure × every role, tripwire services): see `@sysops/trpc-server/access-matrix`. */
import { describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { z } from "zod";
import { codeOf, describeAccessMatrix } from "@sysops/trpc-server/access-matrix";
import { createServices } from "./clients.ts";
import { appRouter } from "./router.ts";
import { createCallerFactory, createContextInner } from "./trpc.ts";

const matrix = describeAccessMatrix({
  title: "bff-customer access matrix",
  services: (url) => createServices(() => url),
  api: (caller, services) => createCallerFactory(appRouter)(createContextInner(caller, services)),
  rows: [
    { name: "account.mine", allowed: ["customer"], call: (api) => api.account.mine() },
    { name: "customers.search", allowed: ["agent", "admin"], call: (api) => api.customers.search({ query: "Ann" }) },
  ],
});

describe("bff-customer input and caller checks", () => {
  it("rejects a one-letter search with the field named, before any service call", async () => {
    const before = matrix.hits();
    const err = await matrix.as("agent").customers.search({ query: " a " }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect(z.flattenError((err as TRPCError).cause as z.ZodError).fieldErrors).toHaveProperty("query");
    expect(matrix.hits()).toBe(before);
  });

  it("refuses a customer token without a customer record before calling a service", async () => {
    const before = matrix.hits();
    await expect(codeOf(matrix.as("customer", { customerId: undefined }).account.mine())).resolves.toBe("FORBIDDEN");
    expect(matrix.hits()).toBe(before);
  });
});
