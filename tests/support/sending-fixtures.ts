import { randomBytes } from 'node:crypto';
import type { Audience } from '@/lib/audiences/audience';
import { ALL_AUSTRALIAN_ZONES } from '@/lib/contacts/contact-time-zone';
import { quietHoursUntil } from '@/lib/sending/quiet-hours-until';
import { pgPool } from '@/lib/db/pg-pool';
import { inTransaction } from '@/lib/db/transaction';
import { db } from '@/lib/db/client';
import type { SenderKind } from '@/lib/generated/prisma/enums';
import type { OutboundSms, SendOutcome, SmsProvider } from '@/lib/providers/sms-provider';
import { buildSendQueue } from '@/lib/sending/build-send-queue';
import { createTenant } from './fixtures';

/** 12:00 in Sydney (AEDT) on a Wednesday: daytime everywhere in Australia. */
export const MIDDAY_SYDNEY = new Date('2026-11-25T01:00:00.000Z');
/** The first instant at or after `at` when it is daytime everywhere in Australia, for tests that go through real-time routes. */
export function daytimeAfter(at: Date): Date {
  return quietHoursUntil(at, ALL_AUSTRALIAN_ZONES, { start: 21 * 60, end: 9 * 60 }) ?? at;
}

export const LONG_AGO = new Date('2026-01-01T00:00:00.000Z');

export async function sendingTenant(
  options: { name?: string; tenantRatePerMinute?: number; numberRatePerMinute?: number } = {},
) {
  const tenant = await createTenant(options.name ?? 'Sender');
  await db().tenantSettings.update({
    where: { tenantId: tenant.id },
    data: {
      tenantRatePerMinute: options.tenantRatePerMinute ?? 100_000,
      numberRatePerMinute: options.numberRatePerMinute ?? 100_000,
      senderName: 'Acme',
    },
  });
  return tenant.id;
}

let numberSeq = 0;

/** A sending number past its warm-up unless told otherwise. */
export async function sendingNumber(
  tenantId: string,
  options: { kind?: SenderKind; warmupStartedAt?: Date; dailyCap?: number; value?: string } = {},
) {
  numberSeq += 1;
  const value =
    options.value ??
    (options.kind === 'ALPHANUMERIC'
      ? `Acme${numberSeq}`
      : `+6148${String(process.pid % 1000).padStart(3, '0')}${String(numberSeq).padStart(4, '0')}`);
  const number = await db().sendingNumber.create({
    data: {
      tenantId,
      value,
      kind: options.kind ?? 'LONG_CODE',
      warmupStartedAt: options.warmupStartedAt ?? LONG_AGO,
      dailyCap: options.dailyCap ?? 100_000,
    },
    select: { id: true, value: true },
  });
  return number;
}

/** The drain serves every tenant: a drain test starts from an empty queue, with a tenant and a seasoned number of its own. */
export async function emptyQueueAndSender(): Promise<{ tenantId: string; numberId: string }> {
  await db().sendJob.deleteMany();
  const tenantId = await sendingTenant();
  return { tenantId, numberId: (await sendingNumber(tenantId)).id };
}

/** `count` consenting Australian mobile contacts in Sydney, made in one statement. */
let contactBlock = 0;

export async function addContacts(
  tenantId: string,
  count: number,
  options: { state?: string | null; consent?: 'EXPLICIT' | 'IMPLIED' | 'UNKNOWN'; firstName?: string | null } = {},
): Promise<{ id: string; phoneE164: string }[]> {
  contactBlock += 1;
  const prefix = contactBlock;
  const { rows } = await pgPool().query<{ id: string; phoneE164: string }>(
    `INSERT INTO contacts (id, "tenantId", "phoneE164", "firstName", "consentStatus", state, "createdAt", "updatedAt")
     SELECT gen_random_uuid(), $1::uuid, '+614' || lpad($2::text, 4, '0') || lpad(g::text, 4, '0'), $5, $3::"ConsentStatus", $4, now(), now()
     FROM generate_series(1, $6::int) g
     RETURNING id, "phoneE164"`,
    [
      tenantId,
      prefix,
      options.consent ?? 'EXPLICIT',
      options.state === undefined ? 'NSW' : options.state,
      options.firstName === undefined ? 'Sam' : options.firstName,
      count,
    ],
  );
  return rows.sort((a, b) => a.phoneE164.localeCompare(b.phoneE164));
}

/** A running campaign with its jobs queued, as a launch leaves it. */
export async function runningCampaign(
  tenantId: string,
  options: {
    numberIds: string[];
    templates?: { body: string; weight?: number }[];
    linkUrl?: string | null;
    audience?: Exclude<Audience, { kind: 'segment' }>;
    rotation?: 'ROUND_ROBIN' | 'WEIGHTED';
    startAt?: Date;
  },
) {
  const campaign = await db().campaign.create({
    data: {
      tenantId,
      name: `Campaign ${randomBytes(3).toString('hex')}`,
      status: 'RUNNING',
      rotation: options.rotation ?? 'ROUND_ROBIN',
      linkUrl: options.linkUrl ?? null,
      audience: options.audience ?? { kind: 'all' },
      launchedAt: new Date(),
      templates: {
        create: (options.templates ?? [{ body: 'Hi {firstName|there}, our spring sale starts today.' }]).map(
          (t, position) => ({ tenantId, body: t.body, weight: t.weight ?? 1, position }),
        ),
      },
      numbers: { create: options.numberIds.map((sendingNumberId) => ({ tenantId, sendingNumberId })) },
    },
    select: { id: true },
  });
  const built = await inTransaction((tx) =>
    buildSendQueue(tx, {
      tenantId,
      campaignId: campaign.id,
      audience: options.audience ?? { kind: 'all' },
      startAt: options.startAt ?? LONG_AGO,
      now: new Date(),
    }),
  );
  return { campaignId: campaign.id, ...built };
}

export async function jobStates(campaignId: string): Promise<Record<string, number>> {
  const rows = await db().sendJob.groupBy({ by: ['state'], where: { campaignId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.state, r._count._all]));
}

/**
 * A provider that keeps every message handed to it (in this process) and answers
 * as told per recipient; tests count what would have reached a phone.
 */
export function recordingProvider(
  answer: (sms: OutboundSms) => SendOutcome | Promise<SendOutcome> = () => ({
    ok: true,
    providerMessageId: '',
    status: 'queued',
  }),
): SmsProvider & { sent: OutboundSms[] } {
  const sent: OutboundSms[] = [];
  let next = 0;
  return {
    name: 'twilio',
    sent,
    async send(sms) {
      const outcome = await answer(sms);
      if (outcome.ok) {
        sent.push(sms);
        next += 1;
        return {
          ...outcome,
          providerMessageId: outcome.providerMessageId || `SM${randomBytes(14).toString('hex')}${next}`,
        };
      }
      return outcome;
    },
    async findSent() {
      return null;
    },
  };
}
