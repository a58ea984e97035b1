/** Valid payloads for tests (no I/O). */
export function ticketPayload(ticketId: string, number: number) {
  return {
    ticketId,
    number,
    customerId: "7d1f6a43-5a8e-4c8e-9a51-0d2f3c1b9e11",
    productCategory: "television",
    requiredSkillLevel: 2,
    serviceLat: 41.88,
    serviceLon: -87.63,
    planTier: "gold",
    channel: "web",
    createdAt: "2026-11-25T09:00:00.000Z",
  };
}
