import { z } from 'zod';
import { AudienceSchema } from '../audiences/audience';
import { formatCount } from '../format/number';
import { parseTemplate } from '../messages/merge-fields';

// Shared by the route handlers and the editor in the browser, so both refuse the
// same campaign with the same words; keep it free of server-only imports.

export const MAX_TEMPLATES = 5;
export const MAX_TEMPLATE_CHARACTERS = 1000;
export const MAX_LINK_URL_CHARACTERS = 2000;

function isWebAddress(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.length > 0;
  } catch {
    return false;
  }
}

function usesLink(body: unknown): boolean {
  if (typeof body !== 'string') return false;
  try {
    return parseTemplate(body).usesLink;
  } catch {
    return false;
  }
}

const TemplateBodySchema = z
  .string({ message: 'Write the message.' })
  .max(MAX_TEMPLATE_CHARACTERS, `A message can have at most ${formatCount(MAX_TEMPLATE_CHARACTERS)} characters.`)
  .superRefine((body, ctx) => {
    if (body.trim() === '') {
      ctx.addIssue({ code: 'custom', message: 'Write the message.' });
      return;
    }
    try {
      parseTemplate(body);
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
    }
  });

const TemplateInputSchema = z.object({
  body: TemplateBodySchema,
  weight: z
    .number({ message: 'The weight must be a whole number from 1 to 100.' })
    .int('The weight must be a whole number from 1 to 100.')
    .min(1, 'The weight must be at least 1.')
    .max(100, 'The weight can be at most 100.')
    .default(1),
});

export const CampaignInputSchema = z
  .object({
    name: z
      .string({ message: 'Name the campaign.' })
      .trim()
      .min(1, 'Name the campaign.')
      .max(120, 'A campaign name can have at most 120 characters.'),
    audience: AudienceSchema,
    rotation: z
      .enum(['ROUND_ROBIN', 'WEIGHTED'], { message: 'Rotation must be ROUND_ROBIN or WEIGHTED.' })
      .default('ROUND_ROBIN'),
    templates: z
      .array(TemplateInputSchema, { message: 'Write at least one message.' })
      .min(1, 'Write at least one message.')
      .max(MAX_TEMPLATES, `A campaign can rotate at most ${MAX_TEMPLATES} messages.`),
    linkUrl: z
      .string()
      .trim()
      .max(MAX_LINK_URL_CHARACTERS, `The link URL can have at most ${formatCount(MAX_LINK_URL_CHARACTERS)} characters.`)
      .refine(isWebAddress, 'The link URL must be a full web address starting with https:// or http://.')
      .nullable()
      .optional(),
    sendingNumberIds: z
      .array(z.uuid('Unknown sending number.'), { message: 'Choose at least one sending number.' })
      .min(1, 'Choose at least one sending number.')
      .max(50, 'Choose at most 50 sending numbers.')
      .transform((ids) => [...new Set(ids)]),
    scheduledAt: z.iso
      .datetime({ offset: true, message: 'The schedule must be a date and time, such as 2026-07-01T09:00:00+10:00.' })
      // A minute's grace for the time it takes to press Save after picking "now".
      .refine(
        (value) => Date.parse(value) > Date.now() - 60_000,
        'That time has already passed: choose a later one, or leave the schedule empty to send when launched.',
      )
      .nullable()
      .optional(),
  })
  .superRefine((input, ctx) => {
    // Runs even when other fields have problems, so the editor shows every one at once.
    const templates = Array.isArray(input.templates) ? input.templates : [];
    const linked = templates.map((t, i) => (usesLink(t?.body) ? i + 1 : 0)).filter(Boolean);
    const hasLinkUrl = typeof input.linkUrl === 'string' && input.linkUrl !== '';
    if (linked.length > 0 && !hasLinkUrl) {
      const which = linked.length === 1 ? `Message ${linked[0]} uses` : `Messages ${linked.join(', ')} use`;
      ctx.addIssue({
        code: 'custom',
        path: ['linkUrl'],
        message: `${which} {link} but there is no link URL: enter the address {link} should lead to, or remove {link}.`,
      });
    }
    if (hasLinkUrl && templates.length > 0 && linked.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['linkUrl'],
        message:
          'A link URL is set but no message uses {link}: put {link} where the link should appear, or clear the link URL.',
      });
    }
  });

export type CampaignInput = z.infer<typeof CampaignInputSchema>;
export type CampaignInputFields = z.input<typeof CampaignInputSchema>;

export const AudienceSizeRequestSchema = z.object({ audience: AudienceSchema });

export const CampaignIdSchema = z.uuid();

export const PauseCampaignSchema = z
  .object({ reason: z.string().trim().max(200, 'Keep the reason under 200 characters.').optional() })
  .strict();

export const TestSendSchema = z
  .object({
    phone: z
      .string({ message: 'Enter the mobile number to send the test to.' })
      .trim()
      .min(1, 'Enter the mobile number to send the test to.')
      .max(30),
  })
  .strict();
