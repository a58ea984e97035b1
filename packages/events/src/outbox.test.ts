import { describe, expect, it } from "vitest";
import { ticketCreated } from "./catalog.ts";
import { createManualClock } from "./clock.ts";
import { toOutboxRow } from "./outbox.ts";
import { ticketPayload } from "./test-payloads.ts";
import { uuidV7 } from "./uuid-v7.ts";

const ticketId = "0f8fad5b-d9cb-469f-a165-70867728950e";

describe("toOutboxRow", () => {
  it("builds a row with the definition's type and version, the validated payload and the given time", () => {
    const clock = createManualClock(new Date("2026-03-01T10:00:00.000Z"));
    const row = toOutboxRow(ticketCreated, { aggregateType: "ticket", aggregateId: ticketId, payload: ticketPayload(ticketId, 3), occurredAt: clock.now() });
    expect(row).toMatchObject({ type: "ticket.created", version: 1, aggregateId: ticketId, payload: { number: 3 } });
    expect(row.occurredAt.toISOString()).toBe("2026-03-01T10:00:00.000Z");
  });

  it("strips payload fields the schema does not know", () => {
    const row = toOutboxRow(ticketCreated, { aggregateType: "ticket", aggregateId: ticketId, payload: { ...ticketPayload(ticketId, 1), cardNumber: "4111" } as never });
    expect(row.payload).not.toHaveProperty("cardNumber");
  });
});

describe("uuidV7", () => {
  it("is a version-7 RFC 9562 uuid", () => {
    expect(uuidV7()).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it("sorts in generation order, also many within one millisecond and when the clock steps back", () => {
    const ids = [uuidV7(1_000), ...Array.from({ length: 5_000 }, () => uuidV7(2_000)), uuidV7(1_500), uuidV7(3_000)];
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });
});
