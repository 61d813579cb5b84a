// One definition of each figure a campaign's messages are counted by, used by the
// campaign list, the campaign's live progress, Reports and the dashboard alike, so
// no two screens can disagree about the same campaign at the same moment.

/** What each figure counts, in the words the screens use to explain it. */
export const FIGURE_MEANINGS = {
  sent: 'Sent: accepted by the carrier, whatever it reported since.',
  delivered: 'Delivered: the carrier confirmed the handset received it.',
  failed: 'Failed: not delivered, whether refused when sent or reported undelivered.',
  deliveryRate:
    'Delivery rate: delivered ÷ sent messages whose final report is in; messages awaiting one are left out.',
} as const;

/**
 * Aggregates over send_jobs rows (aliased or not), to go in a SELECT list. Sent
 * means the provider took the message (it has the provider's id), so delivered
 * and reported-undelivered messages stay counted as sent.
 */
export const MESSAGE_FIGURES_SQL = `
  count(*) FILTER (WHERE state IN ('QUEUED', 'SENDING'))::int AS "waiting",
  count(*) FILTER (WHERE "providerMessageId" IS NOT NULL)::int AS "sent",
  count(*) FILTER (WHERE state = 'DELIVERED')::int AS "delivered",
  count(*) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED'))::int AS "failed",
  count(*) FILTER (WHERE state IN ('FAILED', 'UNDELIVERED') AND "providerMessageId" IS NOT NULL)::int AS "failedAfterSending",
  count(*) FILTER (WHERE state = 'SENT')::int AS "awaitingReport",
  count(*) FILTER (WHERE state = 'SKIPPED')::int AS "skipped"`;

export interface MessageFigures {
  /** Queued or being handed over (held messages included). */
  waiting: number;
  sent: number;
  delivered: number;
  failed: number;
  failedAfterSending: number;
  awaitingReport: number;
  skipped: number;
}

export const NO_MESSAGES: MessageFigures = {
  waiting: 0,
  sent: 0,
  delivered: 0,
  failed: 0,
  failedAfterSending: 0,
  awaitingReport: 0,
  skipped: 0,
};

/** Delivered over sent messages with a final report; null until one is in. */
export function deliveryRate(figures: MessageFigures): number | null {
  const reported = figures.delivered + figures.failedAfterSending;
  return reported > 0 ? figures.delivered / reported : null;
}
