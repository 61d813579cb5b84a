'use client';

import type { SendingNumberView } from '@/lib/sending-numbers/sending-number-view';
import { AddSendingNumberForm } from './AddSendingNumberForm';
import { SendingNumberRow } from './SendingNumberRow';

interface SendingNumbersPanelProps {
  numbers: SendingNumberView[];
  canEdit: boolean;
}

export function SendingNumbersPanel({ numbers, canEdit }: SendingNumbersPanelProps) {
  return (
    <section aria-labelledby="sending-numbers-heading">
      <h2 id="sending-numbers-heading">Sending numbers</h2>
      <p className="muted">
        The long codes and alphanumeric sender IDs messages go out from. A new number warms up over four days (50, 100,
        200, then 300 messages a day) before it may send its daily cap. Alphanumeric IDs cannot receive replies; a long
        code can belong to only one workspace.
      </p>
      {canEdit && <AddSendingNumberForm />}
      {numbers.length === 0 ? (
        <div className="empty">No sending numbers yet.{canEdit ? ' Add one above.' : ' An admin can add them.'}</div>
      ) : (
        <div className="table-scroll">
          <table aria-label="Sending numbers">
            <thead>
              <tr>
                <th>Number or sender ID</th>
                <th>Kind</th>
                <th>Registration</th>
                <th>Daily allowance</th>
                <th>Status</th>
              </tr>
            </thead>
            <tbody>
              {numbers.map((n) => (
                <SendingNumberRow key={n.id} number={n} canEdit={canEdit} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      {!canEdit && <p className="muted">Only admins can add or change sending numbers.</p>}
    </section>
  );
}
