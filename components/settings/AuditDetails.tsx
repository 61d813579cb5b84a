import type { Prisma } from '@/lib/generated/prisma/client';

type JsonValue = Prisma.JsonValue;

/** "dailyCapDollars" → "daily cap dollars": keys stored by the code, read by a person. */
function words(key: string): string {
  return key
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/_/g, ' ')
    .toLowerCase();
}

function valueText(value: JsonValue): string {
  if (value === null) return 'none';
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (Array.isArray(value)) return value.map(valueText).join(', ') || 'none';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

interface AuditDetailsProps {
  details: JsonValue;
}

/** An audit entry's details as a short list of what changed. */
export function AuditDetails({ details }: AuditDetailsProps) {
  if (!details || typeof details !== 'object' || Array.isArray(details) || !Object.keys(details).length) return null;
  return (
    <dl className="audit-details">
      {Object.entries(details).map(([key, value]) => (
        <div key={key}>
          <dt>{words(key)}</dt>
          <dd>
            {value && typeof value === 'object' && !Array.isArray(value) && 'from' in value && 'to' in value
              ? `${valueText(value.from as JsonValue)} → ${valueText(value.to as JsonValue)}`
              : valueText(value ?? null)}
          </dd>
        </div>
      ))}
    </dl>
  );
}
