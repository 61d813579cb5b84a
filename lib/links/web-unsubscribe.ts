import 'server-only';
import { optOutNumber } from '../contacts/opt-out';
import { db } from '../db/client';
import { inTransaction } from '../db/transaction';
import { verifyUnsubscribeToken } from './unsubscribe-token';

export type UnsubscribeState =
  { kind: 'unknown' } | { kind: 'test' } | { kind: 'subscribed' | 'unsubscribed'; sender: string; phoneEnding: string };

// Test messages to staff carry a link for job 0: there is nobody to unsubscribe.
const TEST_JOB = 0n;

async function findRecipient(token: string) {
  const jobId = verifyUnsubscribeToken(token);
  if (jobId === null) return { kind: 'unknown' as const };
  if (jobId === TEST_JOB) return { kind: 'test' as const };
  const job = await db().sendJob.findUnique({ where: { id: jobId }, select: { tenantId: true, toE164: true } });
  if (!job) return { kind: 'unknown' as const };
  const tenant = await db().tenant.findUniqueOrThrow({
    where: { id: job.tenantId },
    select: { name: true, settings: { select: { senderName: true } } },
  });
  return { kind: 'found' as const, ...job, sender: tenant.settings?.senderName?.trim() || tenant.name };
}

/** What the unsubscribe page shows for a link: never more than the sender and the last digits of the number. */
export async function describeUnsubscribe(token: string): Promise<UnsubscribeState> {
  const recipient = await findRecipient(token);
  if (recipient.kind !== 'found') return recipient;
  const onDnc = await db().dncEntry.findUnique({
    where: { tenantId_phoneE164: { tenantId: recipient.tenantId, phoneE164: recipient.toE164 } },
    select: { id: true },
  });
  return {
    kind: onDnc ? 'unsubscribed' : 'subscribed',
    sender: recipient.sender,
    phoneEnding: recipient.toE164.slice(-3),
  };
}

/**
 * The web opt-out for messages that cannot take a STOP reply (alphanumeric
 * senders): one press, no login, no personal details. It takes effect at once —
 * on the DNC list, every waiting job skipped — in one transaction, and pressing
 * it again changes nothing.
 */
export async function unsubscribeByToken(token: string): Promise<UnsubscribeState> {
  const recipient = await findRecipient(token);
  if (recipient.kind !== 'found') return recipient;
  await inTransaction((tx) =>
    optOutNumber(tx, {
      tenantId: recipient.tenantId,
      phoneE164: recipient.toE164,
      source: 'WEB_UNSUBSCRIBE',
      reason: 'Unsubscribed with the link in a message',
    }),
  );
  return { kind: 'unsubscribed', sender: recipient.sender, phoneEnding: recipient.toE164.slice(-3) };
}
