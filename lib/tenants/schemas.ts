import { z } from 'zod';
import { isValidTimeZone } from '../time/zoned-time';
import { RESERVED_KEYWORDS } from './join-keyword';

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

const blankToNull = (value: unknown) => (value === '' || value === undefined ? null : value);

const FrequencyCapMessages = z.preprocess(
  blankToNull,
  z.coerce
    .number({ message: 'The frequency cap must be a whole number of messages, or blank for no cap.' })
    .int('The frequency cap must be a whole number of messages, or blank for no cap.')
    .min(1, 'The frequency cap must allow at least 1 message; leave it blank for no cap.')
    .max(50, 'The frequency cap can be at most 50 messages per window.')
    .nullable(),
);

const FrequencyCapWindow = z.preprocess(
  blankToNull,
  z.coerce
    .number({ message: 'The frequency cap’s window must be a whole number of hours or days.' })
    .int('The frequency cap’s window must be a whole number of hours or days.')
    .min(1, 'The frequency cap’s window must be at least 1 hour or day.')
    .nullable(),
);

/** The longest window a cap may count over: 90 days. */
const MAX_WINDOW_HOURS = 90 * 24;

const JoinKeyword = z
  .string()
  .trim()
  .transform((word) => word.toUpperCase())
  .refine(
    (word) => word === '' || /^[A-Z0-9]+$/.test(word),
    'The join keyword must be one word of letters or digits, such as JOIN.',
  )
  .refine((word) => word.length <= 20, 'Keep the join keyword to 20 characters.')
  .refine((word) => word === '' || word.length >= 2, 'The join keyword needs at least 2 letters, such as JOIN.')
  .superRefine((word, ctx) => {
    if (RESERVED_KEYWORDS.includes(word))
      ctx.addIssue({
        code: 'custom',
        message: `${word} already means opt out, opt in or help to every sender; choose another word, such as JOIN.`,
      });
  })
  .transform((word) => word || null);

// Blank answers with the default, which names the business and says how to opt out.
const JoinReply = z
  .string()
  .trim()
  .max(320, 'Keep replies to 320 characters (two SMS parts).')
  .refine(
    (text) => text === '' || /\bSTOP\b/i.test(text),
    'The join confirmation must say how to opt out, such as “Reply STOP to opt out”.',
  );

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
    frequencyCapMessages: FrequencyCapMessages,
    frequencyCapWindow: FrequencyCapWindow,
    frequencyCapUnit: z.enum(['hours', 'days'], { message: 'Count the frequency cap in hours or days.' }),
    joinKeyword: JoinKeyword,
    joinReply: JoinReply,
  })
  .partial()
  .strict()
  .superRefine((input, ctx) => {
    if (input.frequencyCapMessages == null) return;
    if (input.frequencyCapWindow == null || !input.frequencyCapUnit)
      return void ctx.addIssue({
        code: 'custom',
        path: ['frequencyCapWindow'],
        message: 'Say over how many hours or days the frequency cap counts, such as 1 message per 12 hours.',
      });
    const hours = input.frequencyCapWindow * (input.frequencyCapUnit === 'days' ? 24 : 1);
    if (hours > MAX_WINDOW_HOURS)
      ctx.addIssue({
        code: 'custom',
        path: ['frequencyCapWindow'],
        message: 'The frequency cap’s window can be at most 90 days.',
      });
  })
  // The cap is stored as messages and hours; a window sent without a cap turns the cap off.
  .transform(
    ({
      frequencyCapWindow,
      frequencyCapUnit,
      frequencyCapMessages,
      ...settings
    }): typeof settings & {
      frequencyCapMessages?: number | null;
      frequencyCapHours?: number | null;
    } => {
      if (frequencyCapMessages === undefined) return settings;
      const hours =
        frequencyCapMessages === null || frequencyCapWindow == null
          ? null
          : frequencyCapWindow * (frequencyCapUnit === 'days' ? 24 : 1);
      return {
        ...settings,
        frequencyCapMessages: hours === null ? null : frequencyCapMessages,
        frequencyCapHours: hours,
      };
    },
  );
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
