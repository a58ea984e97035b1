/** The notification service's procedures: messages and delivery rates for managers, sinks for e2e. */
import { DomainError } from "@sysops/domain-errors";
import { z } from "zod";
import { deliveryRates } from "../delivery/delivery-rates.ts";
import { requireRole, router } from "./trpc.ts";

const channel = z.enum(["email", "sms"]);

export const notificationRouter = router({
  messages: router({
    /** The newest messages, optionally of one ticket event or recipient. */
    list: requireRole("manager", "admin", "service")
      .input(z.object({ eventId: z.uuid().optional(), recipient: z.string().trim().min(1).max(320).optional(), limit: z.number().int().min(1).max(200).default(50) }))
      .query(({ ctx, input }) =>
        ctx.db.message.findMany({
          where: { ...(input.eventId ? { eventId: input.eventId } : {}), ...(input.recipient ? { recipient: input.recipient } : {}) },
          orderBy: { createdAt: "desc" },
          take: input.limit,
        }),
      ),
  }),
  deliveryRates: requireRole("manager", "admin", "service").query(({ ctx }) => deliveryRates(ctx.db)),
  sinks: router({
    /** What the local sinks received (NOTIFY_SINKS=local only): for e2e tests. */
    list: requireRole("service")
      .input(z.object({ channel: channel.optional(), to: z.string().trim().min(1).max(320).optional() }).default({}))
      .query(({ ctx, input }) => {
        if (!ctx.sinks) throw new DomainError("not_found", "The local sinks are not running (start with NOTIFY_SINKS=local)");
        return ctx.sinks.list(input);
      }),
  }),
});

export type NotificationRouter = typeof notificationRouter;
export type { ProviderRate } from "../delivery/delivery-rates.ts";
