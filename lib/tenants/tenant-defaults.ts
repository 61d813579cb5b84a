// What a workspace uses where its settings row has no value (or no row yet). The
// same values are the column defaults in prisma/schema.prisma, so a new settings
// row and a missing one behave alike.
export const TENANT_DEFAULTS = {
  timeZone: 'Australia/Sydney',
  /** Minutes after local midnight: 21:00 to 09:00. */
  quietHoursStart: 21 * 60,
  quietHoursEnd: 9 * 60,
  tenantRatePerMinute: 100,
  numberRatePerMinute: 10,
  suppressionDays: 90,
  pricePerPartMicros: 55_000,
} as const;
