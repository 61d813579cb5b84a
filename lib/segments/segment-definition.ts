import { z } from 'zod';
import { ALL_AUSTRALIAN_ZONES, STATE_ZONES } from '../contacts/contact-time-zone';

// A saved segment is a tree of AND / OR groups over conditions on what the app
// knows about a contact. The shape is versioned: a stored definition carries its
// version, so a later shape can read (or migrate) what was saved before it.

export const SEGMENT_DEFINITION_VERSION = 1;
/** Groups inside groups, at most this deep: deeper trees are hard to read and to count. */
export const MAX_SEGMENT_DEPTH = 4;
export const MAX_SEGMENT_CONDITIONS = 40;
export const MAX_WINDOW_DAYS = 3650;

export const SEGMENT_STATES = Object.keys(STATE_ZONES) as [string, ...string[]];

const days = z
  .number({ message: 'Enter a number of days.' })
  .int('Enter a whole number of days.')
  .min(1, 'The number of days must be at least 1.')
  .max(MAX_WINDOW_DAYS, `The number of days can be at most ${MAX_WINDOW_DAYS.toLocaleString('en-AU')}.`);

const tag = z.string().trim().min(1, 'A tag cannot be blank.').max(60, 'A tag has at most 60 characters.');
const postcode = z
  .string()
  .trim()
  .regex(/^\d{4}$/, 'A postcode has four digits, such as 3000.');
const isoDate = z.iso.date({ message: 'Enter a date, such as 2026-07-01.' });

export const TagsConditionSchema = z.object({
  type: z.literal('tags'),
  match: z.enum(['any', 'all', 'none'], { message: 'Choose any, all or none of the tags.' }),
  tags: z.array(tag).min(1, 'Enter at least one tag.').max(20, 'Use at most 20 tags in one condition.'),
});

export const ConsentConditionSchema = z.object({
  type: z.literal('consent'),
  statuses: z
    .array(z.enum(['EXPLICIT', 'IMPLIED', 'UNKNOWN'], { message: 'Choose a kind of consent from the list.' }))
    .min(1, 'Choose at least one kind of consent.'),
});

export const ConsentSourceConditionSchema = z.object({
  type: z.literal('consentSource'),
  sources: z
    .array(z.string().trim().min(1, 'A consent source cannot be blank.').max(200))
    .min(1, 'Enter at least one consent source.')
    .max(20, 'Use at most 20 consent sources in one condition.'),
});

export const StateConditionSchema = z.object({
  type: z.literal('state'),
  states: z
    .array(z.enum(SEGMENT_STATES, { message: 'Choose a state from the list.' }))
    .min(1, 'Choose at least one state.'),
});

export const PostcodeConditionSchema = z
  .object({ type: z.literal('postcode'), from: postcode, to: postcode })
  .refine((c) => c.from <= c.to, {
    message: 'The first postcode of a range must not be after the last.',
    path: ['to'],
  });

export const TimeZoneConditionSchema = z.object({
  type: z.literal('timeZone'),
  zones: z
    .array(z.enum(ALL_AUSTRALIAN_ZONES, { message: 'Choose a time zone from the list.' }))
    .min(1, 'Choose at least one time zone.'),
});

export const ImportBatchConditionSchema = z.object({
  type: z.literal('importBatch'),
  batchId: z.uuid('Choose an import.'),
});

export const CreatedConditionSchema = z.discriminatedUnion('when', [
  z.object({ type: z.literal('created'), when: z.literal('before'), date: isoDate }),
  z.object({ type: z.literal('created'), when: z.literal('after'), date: isoDate }),
  z.object({ type: z.literal('created'), when: z.literal('within'), days }),
]);

const fieldName = z
  .string()
  .trim()
  .min(1, 'Name the custom field.')
  .max(60, 'A custom field name has at most 60 characters.');

export const CustomFieldConditionSchema = z.discriminatedUnion('op', [
  z.object({
    type: z.literal('customField'),
    field: fieldName,
    op: z.literal('equals'),
    value: z.string().max(200, 'A value has at most 200 characters.'),
  }),
  z.object({
    type: z.literal('customField'),
    field: fieldName,
    op: z.literal('contains'),
    value: z.string().trim().min(1, 'Enter the text the field should contain.').max(200),
  }),
  z.object({ type: z.literal('customField'), field: fieldName, op: z.literal('isEmpty') }),
]);

export const EngagementConditionSchema = z.object({
  type: z.literal('engagement'),
  event: z.enum(['delivered', 'clicked', 'replied', 'optedIn'], { message: 'Choose what the contact did.' }),
  days,
});

export const NeverMessagedConditionSchema = z.object({ type: z.literal('neverMessaged') });

const CONDITION_SCHEMAS = [
  TagsConditionSchema,
  ConsentConditionSchema,
  ConsentSourceConditionSchema,
  StateConditionSchema,
  PostcodeConditionSchema,
  TimeZoneConditionSchema,
  ImportBatchConditionSchema,
  CreatedConditionSchema,
  CustomFieldConditionSchema,
  EngagementConditionSchema,
  NeverMessagedConditionSchema,
] as const;
export type SegmentCondition = z.infer<(typeof CONDITION_SCHEMAS)[number]>;
export type SegmentConditionType = SegmentCondition['type'];

const GroupSchema = z.object({
  type: z.literal('group'),
  op: z.enum(['and', 'or'], { message: 'A group joins its conditions with AND or OR.' }),
  get children(): z.ZodArray<typeof NodeSchema> {
    return z.array(NodeSchema).max(MAX_SEGMENT_CONDITIONS, `A group holds at most ${MAX_SEGMENT_CONDITIONS} parts.`);
  },
});

// Chosen by its type first, so a mistake in one condition is reported as that
// condition's problem, not as "matches none of twelve shapes".
const NodeSchema = z.discriminatedUnion('type', [GroupSchema, ...CONDITION_SCHEMAS], {
  message: 'That kind of condition is not known.',
});

export type SegmentGroup = z.infer<typeof GroupSchema>;
export type SegmentNode = z.infer<typeof NodeSchema>;

function depthOf(node: SegmentNode): number {
  return node.type === 'group' ? 1 + Math.max(0, ...node.children.map(depthOf)) : 0;
}

function conditionsOf(node: SegmentNode): number {
  return node.type === 'group' ? node.children.reduce((n, child) => n + conditionsOf(child), 0) : 1;
}

export const SegmentDefinitionSchema = z
  .object({
    version: z.literal(SEGMENT_DEFINITION_VERSION, {
      message: 'This segment was saved in a shape this app cannot read.',
    }),
    root: GroupSchema,
  })
  .superRefine((definition, ctx) => {
    if (depthOf(definition.root) > MAX_SEGMENT_DEPTH)
      ctx.addIssue({ code: 'custom', message: `Groups can be nested at most ${MAX_SEGMENT_DEPTH} deep.` });
    if (conditionsOf(definition.root) > MAX_SEGMENT_CONDITIONS)
      ctx.addIssue({ code: 'custom', message: `A segment can have at most ${MAX_SEGMENT_CONDITIONS} conditions.` });
  });
export type SegmentDefinition = z.infer<typeof SegmentDefinitionSchema>;

export const EMPTY_SEGMENT_DEFINITION: SegmentDefinition = {
  version: SEGMENT_DEFINITION_VERSION,
  root: { type: 'group', op: 'and', children: [] },
};
