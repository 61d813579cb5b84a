import type { SendJobState } from '../generated/prisma/enums';

/** The state a message (a campaign's job or a staff reply) is in once Twilio reports each status. */
export const STATE_FOR_TWILIO_STATUS: Record<string, SendJobState> = {
  accepted: 'SENDING',
  scheduled: 'SENDING',
  queued: 'SENDING',
  sending: 'SENDING',
  sent: 'SENT',
  delivered: 'DELIVERED',
  read: 'DELIVERED',
  undelivered: 'UNDELIVERED',
  failed: 'FAILED',
  canceled: 'FAILED',
};

// Callbacks arrive late, twice or out of order; a message's state only ever moves forward.
export const STATE_RANK: Record<SendJobState, number> = {
  QUEUED: 0,
  SENDING: 1,
  SENT: 2,
  DELIVERED: 3,
  FAILED: 3,
  UNDELIVERED: 3,
  SKIPPED: 3,
};

/** `STATE_RANK` of the row's `state` column, for a guard in SQL. */
export const STATE_RANK_SQL = `CASE state WHEN 'QUEUED' THEN 0 WHEN 'SENDING' THEN 1 WHEN 'SENT' THEN 2 ELSE 3 END`;
