/**
 * Time-ordered UUIDs (RFC 9562 version 7) with a monotonic counter, so outbox rows written by one process
 * sort by id in the order they were written (PostgreSQL compares uuids byte by byte).
 * @see https://www.rfc-editor.org/rfc/rfc9562#name-uuid-version-7
 */
import { randomBytes } from "node:crypto";

let lastMs = 0;
let counter = 0;

export function uuidV7(nowMs: number = Date.now()): string {
  // 12-bit counter in rand_a; when it overflows within one millisecond, borrow the next millisecond.
  if (nowMs <= lastMs) {
    counter += 1;
    if (counter > 0xfff) {
      lastMs += 1;
      counter = 0;
    }
  } else {
    lastMs = nowMs;
    counter = 0;
  }
  const bytes = randomBytes(16);
  const ms = BigInt(lastMs);
  for (let i = 0; i < 6; i += 1) bytes[i] = Number((ms >> BigInt(8 * (5 - i))) & 0xffn);
  bytes[6] = 0x70 | (counter >> 8);
  bytes[7] = counter & 0xff;
  bytes[8] = 0x80 | ((bytes[8] ?? 0) & 0x3f);
  const hex = bytes.toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
