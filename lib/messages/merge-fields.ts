// A template is text with merge fields: {firstName}, {firstName|there} (with a
// fallback for contacts who lack it), {link} (the per-recipient short link) and
// any custom field imported with the contact, e.g. {store}.

export const BUILT_IN_FIELDS = ['firstName', 'lastName', 'fullName', 'email', 'phone'] as const;
export const LINK_FIELD = 'link';

export type TemplatePart = string | { field: string; fallback: string };

export interface ParsedTemplate {
  parts: TemplatePart[];
  fields: string[];
  usesLink: boolean;
}

const FIELD = /^([A-Za-z][A-Za-z0-9_]{0,39})(?:\|([^{}|]{0,60}))?$/;

/** Splits a body into text and fields; throws with a message a person can act on. */
export function parseTemplate(body: string): ParsedTemplate {
  const parts: TemplatePart[] = [];
  const fields = new Set<string>();
  let text = '';
  let i = 0;
  while (i < body.length) {
    const ch = body[i];
    if (ch === '}') throw new Error(`A "}" at character ${i + 1} has no matching "{".`);
    if (ch !== '{') {
      text += ch;
      i += 1;
      continue;
    }
    const close = body.indexOf('}', i);
    if (close < 0) throw new Error(`A "{" at character ${i + 1} is never closed.`);
    const inner = body.slice(i + 1, close);
    const match = FIELD.exec(inner.trim());
    if (!match)
      throw new Error(
        `"{${inner}}" is not a merge field: use a name such as {firstName}, optionally with a fallback as in {firstName|there}.`,
      );
    if (text) parts.push(text);
    text = '';
    parts.push({ field: match[1], fallback: match[2] ?? '' });
    fields.add(match[1]);
    i = close + 1;
  }
  if (text) parts.push(text);
  return { parts, fields: [...fields], usesLink: fields.has(LINK_FIELD) };
}

export interface MergeContact {
  firstName: string | null;
  lastName: string | null;
  email: string | null;
  phoneE164: string;
  customFields: Record<string, unknown>;
}

function fieldValue(field: string, contact: MergeContact, link: string | null): string {
  switch (field) {
    case LINK_FIELD:
      return link ?? '';
    case 'firstName':
      return contact.firstName ?? '';
    case 'lastName':
      return contact.lastName ?? '';
    case 'fullName':
      return [contact.firstName, contact.lastName].filter(Boolean).join(' ');
    case 'email':
      return contact.email ?? '';
    case 'phone':
      return contact.phoneE164;
    default: {
      const value = contact.customFields[field];
      return value === undefined || value === null ? '' : String(value);
    }
  }
}

export function renderTemplate(template: ParsedTemplate, contact: MergeContact, link: string | null): string {
  let out = '';
  for (const part of template.parts) {
    if (typeof part === 'string') out += part;
    else out += fieldValue(part.field, contact, link).trim() || part.fallback;
  }
  return out;
}
