import type { DncSource } from '../generated/prisma/enums';

/** How each entry came onto the do-not-contact list, as people read it. */
export const DNC_SOURCE_LABELS: Record<DncSource, string> = {
  STOP_REPLY: 'Replied STOP',
  ADVANCED_OPT_OUT: 'Opted out with the carrier',
  PROVIDER_OPTED_OUT: 'Reported opted out by Twilio',
  WEB_UNSUBSCRIBE: 'Unsubscribed on the web',
  ADMIN: 'Added by staff',
  IMPORT: 'From an import',
};
