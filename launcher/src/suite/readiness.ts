/** Polls each process's `/readyz` until all answer 200 or the deadline passes. */
export async function waitUntilReady(urls: string[], timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  const pending = new Set(urls);
  while (pending.size > 0) {
    await Promise.all(
      [...pending].map(async (url) => {
        try {
          const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
          if (res.ok) pending.delete(url);
        } catch {
          // not listening yet
        }
      }),
    );
    if (pending.size === 0) return;
    if (Date.now() > deadline) throw new Error(`not ready after ${timeoutMs} ms: ${[...pending].join(", ")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}
