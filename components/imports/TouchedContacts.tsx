import Link from 'next/link';
import { formatCount } from '@/lib/format/number';
import type { ImportBatch } from './import-batch';

interface TouchedContactsProps {
  batch: ImportBatch;
}

/** The contacts a batch created or changed, with a link to all of them when the page holds only the first. */
export function TouchedContacts({ batch }: TouchedContactsProps) {
  return (
    <div className="panel">
      <h2>Contacts this import created or changed</h2>
      <ul>
        {batch.touchedContacts.map((c) => (
          <li key={c.id}>
            <Link href={`/contacts/${c.id}`}>{c.phoneE164}</Link> {[c.firstName, c.lastName].filter(Boolean).join(' ')}{' '}
            <span className="badge">{c.action.toLowerCase()}</span>
          </li>
        ))}
      </ul>
      {batch.createCount + batch.updateCount > batch.touchedContacts.length && (
        <p>
          <Link href={`/contacts?batch=${batch.id}`}>
            All {formatCount(batch.createCount + batch.updateCount)} contacts of this import
          </Link>
        </p>
      )}
    </div>
  );
}
