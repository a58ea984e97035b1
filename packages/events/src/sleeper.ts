/** A sleep that `wake()` cuts short, so a polling loop stops at once instead of finishing its wait. */
export interface Sleeper {
  sleep(ms: number): Promise<void>;
  wake(): void;
}

export function createSleeper(): Sleeper {
  let pending: { timer: NodeJS.Timeout; resolve: () => void } | undefined;
  return {
    sleep: (ms) =>
      new Promise<void>((resolve) => {
        const timer = setTimeout(() => {
          pending = undefined;
          resolve();
        }, ms);
        pending = { timer, resolve };
      }),
    wake: () => {
      if (!pending) return;
      clearTimeout(pending.timer);
      pending.resolve();
      pending = undefined;
    },
  };
}

/** Exponential backoff capped at `maxMs`: 1st failure → baseMs, then doubling. */
export function backoffMs(failures: number, baseMs = 100, maxMs = 5_000): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, failures - 1));
}
