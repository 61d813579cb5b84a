import { z } from 'zod';
import { isValidTimeZone } from '../time/zoned-time';

const TimeOfDaySchema = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 21:00.')
  .transform((t) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5)));

const TimeZoneSchema = z
  .string()
  .refine(isValidTimeZone, 'Choose a time zone from the list, such as Australia/Sydney.');

const Reply = z
  .string()
  .trim()
  .min(1, 'A reply cannot be empty.')
  .max(320, 'Keep replies to 320 characters (two SMS parts).');

export const UpdateTenantSettingsSchema = z
  .object({
    timeZone: TimeZoneSchema,
    quietHoursStart: TimeOfDaySchema,
    quietHoursEnd: TimeOfDaySchema,
    tenantRatePerMinute: z.coerce
      .number({ message: 'The workspace sending rate must be a whole number of messages a minute.' })
      .int('The workspace sending rate must be a whole number of messages a minute.')
      .min(1, 'The workspace sending rate must be at least 1 message a minute.')
      .max(10000, 'The workspace sending rate can be at most 10,000 messages a minute.'),
    numberRatePerMinute: z.coerce
      .number({ message: 'The per-number sending rate must be a whole number of messages a minute.' })
      .int('The per-number sending rate must be a whole number of messages a minute.')
      .min(1, 'The per-number sending rate must be at least 1 message a minute.')
      .max(1000, 'The per-number sending rate can be at most 1,000 messages a minute.'),
    senderName: z.string().trim().max(40, 'Keep the sender name to 40 characters.'),
    optOutReply: Reply,
    optInReply: Reply,
    helpReply: Reply,
  })
  .partial()
  .strict();
export type UpdateTenantSettingsInput = z.infer<typeof UpdateTenantSettingsSchema>;

export const KillSwitchSchema = z
  .object({
    paused: z.boolean({ message: 'Say whether sending should stop (true) or resume (false).' }),
    reason: z.string().trim().max(200, 'Keep the reason under 200 characters.').optional(),
  })
  .strict();
export type KillSwitchInput = z.infer<typeof KillSwitchSchema>;

const Dollars = z
  .number({ message: 'Enter an amount in dollars, or leave it blank for no cap.' })
  .positive('A cap must be more than $0; leave it blank for no cap.')
  .max(10_000_000, 'A cap above $10,000,000 is not a cap.')
  .nullable();

const dollars = (amount: number) =>
  amount.toLocaleString('en-AU', { style: 'currency', currency: 'AUD', maximumFractionDigits: 2 });

export const BudgetsSchema = z
  .object({ dailyCapDollars: Dollars, monthlyCapDollars: Dollars })
  .strict()
  .superRefine(({ dailyCapDollars, monthlyCapDollars }, ctx) => {
    if (dailyCapDollars !== null && monthlyCapDollars !== null && monthlyCapDollars < dailyCapDollars)
      ctx.addIssue({
        code: 'custom',
        path: ['monthlyCapDollars'],
        message: `The monthly cap (${dollars(monthlyCapDollars)}) is below the daily cap (${dollars(dailyCapDollars)}), so the daily cap could never be reached. Raise the monthly cap or lower the daily one.`,
      });
  });
export type BudgetsInput = z.infer<typeof BudgetsSchema>;

/**
 * A workspace's id. Not `uuid()`: that insists on an RFC version digit, and the
 * seeded workspace `primary` has the fixed id 00000000-0000-0000-0000-000000000001.
 */
export const TenantIdSchema = z.guid('Unknown workspace.');
