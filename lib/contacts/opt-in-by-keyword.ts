import 'server-only';
import type { Tx } from '../db/transaction';
import { optInNumber } from './opt-in';

export interface OptInByKeywordOptions {
  tenantId: string;
  phoneE164: string;
  /** The text as the person sent it, the number they sent it to, its MessageSid and when it came: the proof. */
  body: string;
  toNumber: string;
  messageSid: string;
  receivedAt: Date;
}

// A new number becomes a contact with explicit consent; a known one has its
// consent made explicit. The consent record keeps the message itself as proof.
const GRANT = `
WITH contact AS (
  INSERT INTO contacts ("tenantId", "phoneE164", "consentStatus", "consentSource", "consentAt", "updatedAt")
  VALUES ($1::uuid, $2, 'EXPLICIT', 'keyword', $3::timestamp, $3::timestamp)
  ON CONFLICT ("tenantId", "phoneE164") DO UPDATE
    SET "consentStatus" = 'EXPLICIT', "consentSource" = 'keyword', "consentAt" = $3::timestamp, "updatedAt" = $3::timestamp
  RETURNING id, (xmax = 0) AS created
), event AS (
  INSERT INTO consent_events ("tenantId", "contactId", action, status, source, details, "occurredAt")
  SELECT $1::uuid, contact.id, 'GRANTED', 'EXPLICIT', 'keyword', $4::jsonb, $3::timestamp FROM contact
)
SELECT id, created FROM contact`;

/**
 * The sender texted the workspace's join keyword: their own request to hear from
 * it. As with START, a number on the do-not-contact list comes off it (the person
 * asked, so no admin is needed), and they are opted in with explicit consent.
 */
export async function optInByKeyword(
  tx: Tx,
  options: OptInByKeywordOptions,
): Promise<{ contactId: string; created: boolean }> {
  const { tenantId, phoneE164, receivedAt } = options;
  await optInNumber(tx, { tenantId, phoneE164, source: 'keyword' });
  const proof = {
    proof: {
      message: options.body,
      messageSid: options.messageSid,
      to: options.toNumber,
      receivedAt: receivedAt.toISOString(),
    },
  };
  const { rows } = await tx.query<{ id: string; created: boolean }>(GRANT, [
    tenantId,
    phoneE164,
    receivedAt.toISOString(),
    JSON.stringify(proof),
  ]);
  return { contactId: rows[0].id, created: rows[0].created };
}
