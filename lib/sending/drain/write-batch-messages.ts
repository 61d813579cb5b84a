import { composeMessage, type ComposedMessage } from '../../messages/compose-message';
import type { LinkedJob, WrittenJob } from './batch-job';

/**
 * The message a job sends: the one written on an earlier attempt, as it was, or
 * the campaign's template written now for this contact with its short link; null
 * when the campaign has no message.
 */
function messageOf({ claimed, campaign, link }: LinkedJob): ComposedMessage | null {
  if (claimed.body !== null)
    return {
      body: claimed.body,
      templateId: claimed.templateId!,
      encoding: claimed.encoding as ComposedMessage['encoding'],
      parts: claimed.parts ?? 1,
      costMicros: claimed.costMicros ?? 0,
    };
  if (!campaign?.templates.length) return null;
  return composeMessage({
    jobId: claimed.id,
    contact: {
      firstName: claimed.firstName,
      lastName: claimed.lastName,
      email: claimed.email,
      phoneE164: claimed.toE164,
      customFields: claimed.customFields,
    },
    campaign,
    shortUrl: link?.url ?? null,
  });
}

/** Writes (and so prices) each job's message before the gates run. */
export function writeBatchMessages(jobs: readonly LinkedJob[]): WrittenJob[] {
  return jobs.map((job) => ({ ...job, message: messageOf(job), freshMessage: job.claimed.body === null }));
}
