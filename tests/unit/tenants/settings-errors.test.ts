import { describe, expect, it } from 'vitest';
import { toErrorResponse } from '@/app/_http/errors';
import { BudgetsSchema, UpdateTenantSettingsSchema } from '@/lib/tenants/schemas';

async function refusal(schema: { parse(input: unknown): unknown }, input: unknown) {
  try {
    schema.parse(input);
  } catch (error) {
    const response = toErrorResponse(error);
    return {
      status: response.status,
      message: ((await response.json()) as { error: { message: string } }).error.message,
    };
  }
  throw new Error('accepted');
}

describe('settings and budgets refuse bad values in words a person understands', () => {
  it('refuses a monthly cap below the daily cap, naming both amounts', async () => {
    expect(await refusal(BudgetsSchema, { dailyCapDollars: 50, monthlyCapDollars: 20 })).toEqual({
      status: 422,
      message:
        'The monthly cap ($20.00) is below the daily cap ($50.00), so the daily cap could never be reached. Raise the monthly cap or lower the daily one.',
    });
    expect(BudgetsSchema.parse({ dailyCapDollars: 50, monthlyCapDollars: 50 })).toEqual({
      dailyCapDollars: 50,
      monthlyCapDollars: 50,
    });
    expect(BudgetsSchema.parse({ dailyCapDollars: 50, monthlyCapDollars: null }).monthlyCapDollars).toBeNull();
  });

  it.each([
    [{ tenantRatePerMinute: 0 }, 'The workspace sending rate must be at least 1 message a minute.'],
    [{ numberRatePerMinute: 5000 }, 'The per-number sending rate can be at most 1,000 messages a minute.'],
    [{ tenantRatePerMinute: 'lots' }, 'The workspace sending rate must be a whole number of messages a minute.'],
    [{ timeZone: 'Sydney' }, 'Choose a time zone from the list, such as Australia/Sydney.'],
    [{ quietHoursStart: '9pm' }, 'Use a 24-hour time such as 21:00.'],
    [{ paused: true }, 'The form sent something this page no longer accepts: reload the page and try again.'],
  ])('answers %j with a sentence and no field name', async (input, message) => {
    const answer = await refusal(UpdateTenantSettingsSchema, input);
    expect(answer).toEqual({ status: 422, message });
    expect(answer.message).not.toMatch(/[a-z][A-Z]|Too small|expected/);
  });
});
