import { describe, expect, it } from "vitest";
import { formatWindow } from "./format.ts";
import { actorLabel, STATUS_LABEL, timelineTitle } from "./status.ts";

describe("timeline wording", () => {
  it("tells filing, reopening and requeueing apart by where the ticket came from", () => {
    expect(timelineTitle(null, "new", "customer")).toBe("Filed");
    expect(timelineTitle("resolved", "new", "customer")).toBe("Reopened");
    expect(timelineTitle("rejected", "new", "system")).toBe("Back in the queue");
  });

  it("says who closed a ticket and names every role", () => {
    expect(timelineTitle("resolved", "closed", "system")).toBe("Closed automatically");
    expect(timelineTitle("resolved", "closed", "customer")).toBe("Closed");
    expect(actorLabel("agent")).toBe("the help desk");
    expect(actorLabel("robot")).toBe("robot");
    expect(STATUS_LABEL.in_progress).toBe("In progress");
  });
});

describe("formatWindow", () => {
  it("writes a same-day window once with both times, and is null without both ends", () => {
    const text = formatWindow("2026-11-27T14:00:00.000Z", "2026-11-27T16:00:00.000Z", "en-GB");
    expect(text).toMatch(/–/);
    expect(text!.split("–")[1]!.trim()).toMatch(/^\d{2}:\d{2}$/);
    expect(formatWindow(null, "2026-11-27T16:00:00.000Z")).toBeNull();
    expect(formatWindow("nonsense", "2026-11-27T16:00:00.000Z")).toBeNull();
  });
});
