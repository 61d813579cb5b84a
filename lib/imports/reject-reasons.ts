/** Why a row of a file is not imported, each as the summary of rejects names it. */
export const REJECT_REASONS = {
  malformed: 'Malformed row',
  invalid_phone: 'Invalid phone number',
  not_mobile: 'Not a mobile number',
  duplicate: 'Same number as an earlier row',
  on_dnc: 'On the do-not-contact list',
  opted_out_in_file: 'Did not consent, says the file',
  missing_consent: 'Missing consent',
  unreadable_consent: 'Consent not understood',
  invalid_consent_date: 'Consent date not usable',
  invalid_email: 'Invalid e-mail',
  invalid_time_zone: 'Unknown time zone',
  unstorable_value: 'A value that cannot be stored',
} as const;

export type RejectCode = keyof typeof REJECT_REASONS;

export const REJECT_CODES = Object.keys(REJECT_REASONS) as [RejectCode, ...RejectCode[]];
