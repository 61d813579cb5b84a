import { isValidTimeZone } from '../time/zoned-time';

// Australian mobile numbers carry no location, so a contact's zone comes from
// what we know about them: an explicit zone, their state, or their postcode.

export const STATE_ZONES: Record<string, string> = {
  NSW: 'Australia/Sydney',
  ACT: 'Australia/Sydney',
  VIC: 'Australia/Melbourne',
  TAS: 'Australia/Hobart',
  QLD: 'Australia/Brisbane',
  SA: 'Australia/Adelaide',
  NT: 'Australia/Darwin',
  WA: 'Australia/Perth',
};

/**
 * Every zone an Australian may be in. A contact with an Australian number and
 * nothing else known is only messaged when it is daytime in all of them.
 */
export const ALL_AUSTRALIAN_ZONES = [
  'Australia/Perth',
  'Australia/Darwin',
  'Australia/Adelaide',
  'Australia/Broken_Hill',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Australia/Melbourne',
  'Australia/Hobart',
  'Australia/Lord_Howe',
] as const;

/** Each Australian zone as people know it: by its cities and states. */
export const AUSTRALIAN_ZONE_LABELS: Record<(typeof ALL_AUSTRALIAN_ZONES)[number], string> = {
  'Australia/Perth': 'Perth (WA)',
  'Australia/Darwin': 'Darwin (NT)',
  'Australia/Adelaide': 'Adelaide (SA)',
  'Australia/Broken_Hill': 'Broken Hill (NSW, on Adelaide time)',
  'Australia/Brisbane': 'Brisbane (QLD, no daylight saving)',
  'Australia/Sydney': 'Sydney, Canberra (NSW, ACT)',
  'Australia/Melbourne': 'Melbourne (VIC)',
  'Australia/Hobart': 'Hobart (TAS)',
  'Australia/Lord_Howe': 'Lord Howe Island',
};

/** Postcode ranges (Australia Post) to zones; the towns that keep another state's clock first. */
function zoneForPostcode(postcode: string): string | null {
  if (!/^\d{4}$/.test(postcode)) return null;
  const n = Number(postcode);
  if (n === 2880) return 'Australia/Broken_Hill';
  if (n === 2898) return 'Australia/Lord_Howe';
  if (n >= 800 && n <= 999) return 'Australia/Darwin';
  if (n >= 200 && n <= 299) return 'Australia/Sydney';
  if (n >= 1000 && n <= 2999) return 'Australia/Sydney';
  if ((n >= 3000 && n <= 3999) || (n >= 8000 && n <= 8999)) return 'Australia/Melbourne';
  if ((n >= 4000 && n <= 4999) || (n >= 9000 && n <= 9999)) return 'Australia/Brisbane';
  if (n >= 5000 && n <= 5999) return 'Australia/Adelaide';
  if (n >= 6000 && n <= 6999) return 'Australia/Perth';
  if (n >= 7000 && n <= 7999) return 'Australia/Hobart';
  return null;
}

/**
 * The zone a contact's quiet hours are measured in: their own zone, their state's,
 * their postcode's; for an Australian number with none of those, every Australian
 * zone at once (`null`); for a number from elsewhere, the tenant's zone.
 */
export function contactTimeZone(
  contact: { timeZone: string | null; state: string | null; postcode: string | null; phoneE164: string },
  tenantZone: string,
): string | null {
  if (contact.timeZone && isValidTimeZone(contact.timeZone)) return contact.timeZone;
  const byState = contact.state ? STATE_ZONES[contact.state.trim().toUpperCase()] : undefined;
  if (byState) return byState;
  const byPostcode = contact.postcode ? zoneForPostcode(contact.postcode.trim()) : null;
  if (byPostcode) return byPostcode;
  return contact.phoneE164.startsWith('+61') ? null : tenantZone;
}

/** The zones whose quiet hours apply to a contact: its own, or all of Australia's when unknown. */
export function contactQuietZones(
  contact: Parameters<typeof contactTimeZone>[0],
  tenantZone: string,
): readonly string[] {
  const zone = contactTimeZone(contact, tenantZone);
  return zone ? [zone] : ALL_AUSTRALIAN_ZONES;
}
