import 'server-only';
import type { Queryable } from '../db/queryable';
import type { CampaignStatus, Rotation, SenderKind } from '../generated/prisma/enums';
import { parseTemplate } from '../messages/merge-fields';
import { shortLinkBase } from '../links/create-short-link';
import type { MessageSetup } from '../messages/compose-message';
import type { CampaignPolicy, TenantPolicy } from './gates/gate';
import { TENANT_DEFAULTS } from '../tenants/tenant-defaults';

/** What the drain needs to write a campaign's messages, beside what its gates check. */
export interface CampaignSetup extends CampaignPolicy, MessageSetup {
  linkUrl: string | null;
}

export interface SendingPolicies {
  tenants: Map<string, TenantPolicy>;
  campaigns: Map<string, CampaignSetup>;
}

/** The tenants and campaigns whose policies to read. */
export interface LoadSendingPoliciesOptions {
  tenantIds: string[];
  campaignIds: string[];
}

/** Read fresh for every batch, so a kill switch or a pause takes effect within one batch. */
export async function loadSendingPolicies(db: Queryable, scope: LoadSendingPoliciesOptions): Promise<SendingPolicies> {
  // One after another: inside the claim transaction they share one connection.
  const tenantRows = await db.query<{
    id: string;
    name: string;
    paused: boolean | null;
    pausedReason: string | null;
    timeZone: string | null;
    quietHoursStart: number | null;
    quietHoursEnd: number | null;
    tenantRatePerMinute: number | null;
    numberRatePerMinute: number | null;
    senderName: string | null;
    shortLinkBaseUrl: string | null;
    pricePerPartMicros: number | null;
    frequencyCapMessages: number | null;
    frequencyCapHours: number | null;
    daily: string | null;
    monthly: string | null;
  }>(
    `SELECT t.id, t.name, s.paused, s."pausedReason", s."timeZone", s."quietHoursStart", s."quietHoursEnd", s."tenantRatePerMinute", s."numberRatePerMinute",
            s."senderName", s."shortLinkBaseUrl", s."pricePerPartMicros", s."frequencyCapMessages", s."frequencyCapHours",
            (SELECT "capMicros" FROM budgets b WHERE b."tenantId" = t.id AND b.period = 'DAILY') AS daily,
            (SELECT "capMicros" FROM budgets b WHERE b."tenantId" = t.id AND b.period = 'MONTHLY') AS monthly
     FROM tenants t LEFT JOIN tenant_settings s ON s."tenantId" = t.id
     WHERE t.id = ANY($1::uuid[])`,
    [scope.tenantIds],
  );
  const campaignRows = await db.query<{
    id: string;
    tenantId: string;
    name: string;
    status: CampaignStatus;
    rotation: Rotation;
    linkUrl: string | null;
  }>(
    `SELECT id, "tenantId", name, status, rotation, "linkUrl" FROM campaigns WHERE "tenantId" = ANY($1::uuid[]) AND id = ANY($2::uuid[])`,
    [scope.tenantIds, scope.campaignIds],
  );
  const templateRows = await db.query<{ id: string; campaignId: string; body: string; weight: number }>(
    `SELECT id, "campaignId", body, weight FROM templates WHERE "tenantId" = ANY($1::uuid[]) AND "campaignId" = ANY($2::uuid[]) ORDER BY "campaignId", position, "createdAt"`,
    [scope.tenantIds, scope.campaignIds],
  );
  const numberRows = await db.query<{
    campaignId: string;
    id: string;
    value: string;
    kind: SenderKind;
    warmupStartedAt: Date;
    dailyCap: number;
    messagingServiceSid: string | null;
  }>(
    `SELECT c."campaignId", n.id, n.value, n.kind, n."warmupStartedAt", n."dailyCap", n."messagingServiceSid"
     FROM campaign_sending_numbers c JOIN sending_numbers n ON n.id = c."sendingNumberId" AND n."tenantId" = c."tenantId"
     WHERE c."tenantId" = ANY($1::uuid[]) AND c."campaignId" = ANY($2::uuid[]) AND n.active
     ORDER BY n."createdAt", n.id`,
    [scope.tenantIds, scope.campaignIds],
  );

  const tenants = new Map<string, TenantPolicy>();
  const tenantExtras = new Map<string, { senderName: string; shortLinkBase: string; pricePerPartMicros: number }>();
  for (const t of tenantRows.rows) {
    tenants.set(t.id, {
      tenantId: t.id,
      paused: t.paused ?? false,
      pausedReason: t.pausedReason,
      timeZone: t.timeZone ?? TENANT_DEFAULTS.timeZone,
      quietHours: {
        start: t.quietHoursStart ?? TENANT_DEFAULTS.quietHoursStart,
        end: t.quietHoursEnd ?? TENANT_DEFAULTS.quietHoursEnd,
      },
      tenantRatePerMinute: t.tenantRatePerMinute ?? TENANT_DEFAULTS.tenantRatePerMinute,
      numberRatePerMinute: t.numberRatePerMinute ?? TENANT_DEFAULTS.numberRatePerMinute,
      dailyBudgetMicros: t.daily === null ? null : Number(t.daily),
      monthlyBudgetMicros: t.monthly === null ? null : Number(t.monthly),
      frequencyCap:
        t.frequencyCapMessages && t.frequencyCapHours
          ? { messages: t.frequencyCapMessages, hours: t.frequencyCapHours }
          : null,
    });
    tenantExtras.set(t.id, {
      senderName: t.senderName?.trim() || t.name,
      shortLinkBase: shortLinkBase(t.shortLinkBaseUrl),
      pricePerPartMicros: t.pricePerPartMicros ?? TENANT_DEFAULTS.pricePerPartMicros,
    });
  }

  const campaigns = new Map<string, CampaignSetup>();
  for (const c of campaignRows.rows) {
    const extras = tenantExtras.get(c.tenantId)!;
    const numbers = numberRows.rows
      .filter((n) => n.campaignId === c.id)
      .map((n) => ({
        id: n.id,
        value: n.value,
        kind: n.kind,
        warmupStartedAt: n.warmupStartedAt,
        dailyCap: n.dailyCap,
        messagingServiceSid: n.messagingServiceSid,
      }));
    campaigns.set(c.id, {
      id: c.id,
      tenantId: c.tenantId,
      name: c.name,
      status: c.status,
      numbers,
      rotation: c.rotation,
      templates: templateRows.rows
        .filter((t) => t.campaignId === c.id)
        .map((t) => ({ id: t.id, weight: t.weight, parsed: parseTemplate(t.body) })),
      linkUrl: c.linkUrl,
      senderName: extras.senderName,
      canReceiveReplies: numbers.every((n) => n.kind === 'LONG_CODE'),
      shortLinkBase: extras.shortLinkBase,
      pricePerPartMicros: extras.pricePerPartMicros,
    });
  }
  return { tenants, campaigns };
}
