import type { SegmentCondition } from '@/lib/segments/segment-definition';

/** What the builder's "Kind of condition" menu offers; engagement is one entry per thing a person did. */
export const CONDITION_KINDS = [
  { value: 'tags', label: 'Tags' },
  { value: 'state', label: 'State' },
  { value: 'postcode', label: 'Postcode range' },
  { value: 'timeZone', label: 'Time zone' },
  { value: 'consent', label: 'Consent' },
  { value: 'consentSource', label: 'Consent source' },
  { value: 'importBatch', label: 'Came from an import' },
  { value: 'created', label: 'Date added' },
  { value: 'customField', label: 'Custom field' },
  { value: 'engagement:clicked', label: 'Clicked a link' },
  { value: 'engagement:delivered', label: 'Was delivered a message' },
  { value: 'engagement:replied', label: 'Replied' },
  { value: 'engagement:optedIn', label: 'Opted in' },
  { value: 'neverMessaged', label: 'Never messaged' },
] as const;
export type ConditionKind = (typeof CONDITION_KINDS)[number]['value'];

export function kindOf(condition: SegmentCondition): ConditionKind {
  return condition.type === 'engagement' ? `engagement:${condition.event}` : condition.type;
}

/** A new condition of a kind, with the values a person most often starts from. */
export function newCondition(kind: ConditionKind, firstBatchId: string): SegmentCondition {
  switch (kind) {
    case 'tags':
      return { type: 'tags', match: 'any', tags: [] };
    case 'state':
      return { type: 'state', states: [] };
    case 'postcode':
      return { type: 'postcode', from: '3000', to: '3999' };
    case 'timeZone':
      return { type: 'timeZone', zones: [] };
    case 'consent':
      return { type: 'consent', statuses: ['EXPLICIT', 'IMPLIED'] };
    case 'consentSource':
      return { type: 'consentSource', sources: [] };
    case 'importBatch':
      return { type: 'importBatch', batchId: firstBatchId };
    case 'created':
      return { type: 'created', when: 'within', days: 30 };
    case 'customField':
      return { type: 'customField', field: '', op: 'equals', value: '' };
    case 'neverMessaged':
      return { type: 'neverMessaged' };
    default:
      return { type: 'engagement', event: kind.slice('engagement:'.length) as 'clicked', days: 30 };
  }
}
