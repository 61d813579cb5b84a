import { distance } from 'fastest-levenshtein';
import { BUILT_IN_FIELDS, LINK_FIELD } from './merge-fields';

// Pure, so the editor names a misspelt field as it is typed and the server refuses
// the same one with the same words when the campaign is saved.

export interface FindUnknownMergeFieldsOptions {
  /** The fields a message uses, as parseTemplate lists them. */
  fields: readonly string[];
  /** Custom fields imported with this workspace's contacts. */
  customFieldNames: readonly string[];
}

export interface UnknownMergeField {
  field: string;
  /** The known field the person most likely meant, when one is close enough. */
  suggestion: string | null;
}

function loose(name: string): string {
  return name.toLowerCase().replace(/[_\s-]/g, '');
}

function closestKnown(field: string, known: readonly string[]): string | null {
  const wanted = loose(field);
  let best: { name: string; distance: number } | null = null;
  for (const name of known) {
    const d = distance(wanted, loose(name));
    if (!best || d < best.distance) best = { name, distance: d };
  }
  // A third of the name may be wrong before the guess is more likely a different word.
  return best && best.distance <= Math.max(1, Math.floor(wanted.length / 3)) ? best.name : null;
}

/** The fields a message names that neither the app nor any import defines, each with its likely intended name. */
export function findUnknownMergeFields({
  fields,
  customFieldNames,
}: FindUnknownMergeFieldsOptions): UnknownMergeField[] {
  const known = [...BUILT_IN_FIELDS, LINK_FIELD, ...customFieldNames];
  const knownSet = new Set(known);
  return fields
    .filter((field) => !knownSet.has(field))
    .map((field) => ({ field, suggestion: closestKnown(field, known) }));
}

export function describeUnknownMergeFields(unknown: readonly UnknownMergeField[]): string {
  return unknown
    .map(({ field, suggestion }) =>
      suggestion
        ? `{${field}} is not a merge field: did you mean {${suggestion}}?`
        : `{${field}} is not a merge field: use {firstName}, {lastName}, {fullName}, {email}, {phone}, {link} or a custom field from an import.`,
    )
    .join(' ');
}
