import { describe, expect, it } from "vitest";
import { catalog, decodeEvent, eventKey, parseEvent, ticketStatusChanged } from "./catalog.ts";
import { toOutboxRow } from "./outbox.ts";
import { ticketPayload } from "./test-payloads.ts";

const ticketId = "0f8fad5b-d9cb-469f-a165-70867728950e";
const base = { id: "8d3b7d1a-2b1c-4f7e-9a9d-3c6f1e2d4b5a", type: "ticket.created", version: 1, occurredAt: "2026-11-25T09:00:00.000Z", aggregateType: "ticket", aggregateId: ticketId };

describe("catalog", () => {
  it("has one definition per type and version", () => {
    const keys = catalog.map((d) => eventKey(d.type, d.version));
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys).toContain("survey.submitted@v1");
  });

  it("accepts a valid envelope and returns the typed payload", () => {
    const result = parseEvent({ ...base, payload: ticketPayload(ticketId, 7) });
    expect(result.ok && result.event.type === "ticket.created" && result.event.payload.number).toBe(7);
  });

  it("names what is wrong with a bad envelope, an unknown version and a bad payload", () => {
    const missingId = parseEvent({ ...base, id: undefined, payload: {} });
    expect(!missingId.ok && missingId.reason).toMatch(/invalid envelope.*id/s);
    const unknown = parseEvent({ ...base, version: 2, payload: {} });
    expect(!unknown.ok && unknown.reason).toBe("unknown event ticket.created@v2");
    const badPayload = parseEvent({ ...base, payload: { ...ticketPayload(ticketId, 1), requiredSkillLevel: 6 } });
    expect(!badPayload.ok && badPayload.reason).toMatch(/requiredSkillLevel/);
    const notJson = decodeEvent("{");
    expect(!notJson.ok && notJson.reason).toMatch(/^malformed JSON/);
  });

  it("toOutboxRow refuses a payload that does not match its definition", () => {
    const payload = { ...ticketPayload(ticketId, 1), from: "new", to: "assigned", actorId: "system", actorRole: "system", channel: "fax", at: "2026-11-25T09:00:00.000Z" };
    expect(() => toOutboxRow(ticketStatusChanged, { aggregateType: "ticket", aggregateId: ticketId, payload: payload as never })).toThrow(/channel/);
  });
});
