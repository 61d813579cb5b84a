import 'server-only';
import type { Actor } from '../auth/actor';
import { writeAudit } from '../auth/audit';
import { normalisePhone } from '../contacts/phone';
import { db } from '../db/client';
import { recordMissing } from '../db/errors';
import { pgPool } from '../db/pg-pool';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors';
import { createShortLink } from '../links/create-short-link';
import { configuredSmsProvider } from '../providers/configured-sms-provider';
import type { SmsProvider } from '../providers/sms-provider';
import { assertRateLimit } from '../rate-limit/assert-rate-limit';
import { composeMessage } from '../messages/compose-message';
import { loadSendingPolicies } from '../sending/load-sending-policies';
import { addUsage, lockedUsageLedger, spendKeys, usageKeyString } from '../sending/usage-ledger';
import { describeProviderError } from '../providers/twilio-errors';
import { CAMPAIGN_NOT_FOUND } from './get-campaign';
import { CampaignIdSchema } from './schemas';

export interface SendTestMessageOptions {
  actor: Actor;
  campaignId: string;
  phone: string;
  provider?: SmsProvider;
  now?: Date;
}

/**
 * Sends a campaign's first message, as a recipient would get it, to the staff
 * member's own phone before launch. It goes through the provider for real, so it
 * respects what must never be bypassed — the kill switch, the DNC list and the
 * budget — and is charged to the spend ledger; quiet hours and the campaign's
 * pace do not apply to a message staff asked for.
 */
export async function sendTestMessage(options: SendTestMessageOptions) {
  const { actor, campaignId } = options;
  const now = options.now ?? new Date();
  if (!CampaignIdSchema.safeParse(campaignId).success) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  const phone = normalisePhone(options.phone);
  if (!phone.ok) throw new AppError('invalid', `That is not a phone number we can send to: ${phone.reason}.`);
  if (phone.kind === 'landline')
    throw new AppError('invalid', 'That is a landline; a test message needs a mobile number.');
  await assertRateLimit({ policy: 'test-send', key: actor.userId });

  const { tenants, campaigns } = await loadSendingPolicies(pgPool(), {
    tenantIds: [actor.tenantId],
    campaignIds: [campaignId],
  });
  const tenant = tenants.get(actor.tenantId)!;
  const campaign = campaigns.get(campaignId);
  if (!campaign) throw new AppError('not_found', CAMPAIGN_NOT_FOUND);
  if (!campaign.templates.length) throw new AppError('invalid', 'Write a message before sending a test.');
  const number = campaign.numbers.find((n) => n.kind === 'LONG_CODE') ?? campaign.numbers[0];
  if (!number) throw new AppError('invalid', 'Choose an active sending number before sending a test.');
  if (tenant.paused)
    throw new AppError(
      'conflict',
      `Sending is stopped for the whole workspace${tenant.pausedReason ? `: ${tenant.pausedReason}` : ''}.`,
    );
  if (
    await db().dncEntry.findUnique({
      where: { tenantId_phoneE164: { tenantId: actor.tenantId, phoneE164: phone.e164 } },
      select: { id: true },
    })
  ) {
    throw new AppError(
      'conflict',
      `${phone.e164} has opted out of this workspace's messages, so no test can go to it.`,
    );
  }

  const link = campaign.linkUrl
    ? await inTransaction((tx) =>
        createShortLink(tx, {
          tenantId: actor.tenantId,
          campaignId,
          sendJobId: null,
          targetUrl: campaign.linkUrl!,
          baseUrl: campaign.shortLinkBase,
        }),
      )
    : null;
  const [firstName, ...rest] = (actor.name ?? '').split(' ').filter(Boolean);
  const message = composeMessage({
    jobId: 0n,
    contact: {
      firstName: firstName ?? null,
      lastName: rest.join(' ') || null,
      email: actor.email,
      phoneE164: phone.e164,
      customFields: {},
    },
    campaign,
    shortUrl: link?.url ?? null,
  });

  const spend = spendKeys(actor.tenantId, now, tenant.timeZone);
  const charge = [
    { key: spend.day, amount: message.costMicros },
    { key: spend.month, amount: message.costMicros },
  ];
  await inTransaction(async (tx) => {
    const ledger = lockedUsageLedger(tx);
    const used = await ledger.read([spend.day, spend.month]);
    const over = (cap: number | null, key: typeof spend.day) =>
      cap !== null && (used.get(usageKeyString(key)) ?? 0) + message.costMicros > cap;
    if (over(tenant.dailyBudgetMicros, spend.day))
      throw new AppError('conflict', "Today's budget is spent, so a test message cannot be sent.");
    if (over(tenant.monthlyBudgetMicros, spend.month))
      throw new AppError('conflict', "This month's budget is spent, so a test message cannot be sent.");
    await ledger.add(charge);
  });

  const provider = options.provider ?? configuredSmsProvider();
  const outcome = await provider.send({
    jobId: 0n,
    to: phone.e164,
    from: number.value,
    messagingServiceSid: number.messagingServiceSid,
    body: message.body,
  });
  if (!outcome.ok) {
    await addUsage(
      pgPool(),
      charge.map((c) => ({ ...c, amount: -c.amount })),
    );
    const why = describeProviderError(outcome.code, outcome.message);
    throw new AppError(
      outcome.kind === 'permanent' ? 'invalid' : 'unavailable',
      `The test message was not sent: ${why}`,
    );
  }
  await inTransaction(async (tx) => {
    await tx.query(
      `INSERT INTO spend_ledger ("tenantId", "amountMicros", description) VALUES ($1::uuid, $2::bigint, $3)`,
      [actor.tenantId, message.costMicros, `test message for campaign ${campaignId} (${message.parts} part(s))`],
    );
    const { rowCount } = await tx.query(`UPDATE users SET "phoneE164" = $2 WHERE id = $1::uuid`, [
      actor.userId,
      phone.e164,
    ]);
    if (!rowCount) throw recordMissing();
    await writeAudit(tx, {
      tenantId: actor.tenantId,
      actorUserId: actor.userId,
      action: 'campaign.test_sent',
      entityType: 'campaign',
      entityId: campaignId,
      details: { to: phone.e164, providerMessageId: outcome.providerMessageId },
    });
  });
  return { sent: { to: phone.e164, body: message.body, parts: message.parts } };
}
