import { z } from 'zod';

export const InboxDigestSchema = z.object({
  enabled: z.boolean({ message: 'Say whether to send the digest: on or off.' }),
});
export type InboxDigestInput = z.infer<typeof InboxDigestSchema>;

export interface InboxDigestSetting {
  enabled: boolean;
  /** Whether the installation can send e-mail at all (EMAIL_SERVER). */
  mailConfigured: boolean;
  everyMinutes: number;
}
