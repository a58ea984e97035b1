/**
 * Code that depends on the current time takes a `Clock`, so tests control time instead of sleeping.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock that only moves when told to (tests). */
export interface ManualClock extends Clock {
  set(at: Date): void;
  advance(ms: number): Date;
}

export function createManualClock(start: Date = new Date("2026-01-01T00:00:00.000Z")): ManualClock {
  let current = start.getTime();
  return {
    now: () => new Date(current),
    set: (at) => {
      current = at.getTime();
    },
    advance: (ms) => {
      current += ms;
      return new Date(current);
    },
  };
}
