import Link from 'next/link';
import type { HeldMessages as Held } from '@/lib/reports/read-held-messages';
import { formatCount } from '@/lib/format/number';
import { WorkspaceTime } from '../ui/WorkspaceTime';

interface HeldMessagesProps {
  held: Held;
  timeZone: string;
}

/** Messages a gate is holding back, per campaign and reason, with when each is looked at again. */
export function HeldMessages({ held, timeZone }: HeldMessagesProps) {
  return (
    <section aria-labelledby="held-heading">
      <h2 id="held-heading">Held messages</h2>
      {held.total === 0 ? (
        <div className="empty">No message is held.</div>
      ) : (
        <>
          <p>
            {formatCount(held.total)} messages of running and paused campaigns are held by a gate; each goes when its
            reason clears.
          </p>
          <div className="table-scroll">
            <table aria-label="Held messages by reason" className="stack-on-phone">
              <thead>
                <tr>
                  <th>Campaign</th>
                  <th>Why held</th>
                  <th>Messages</th>
                  <th>Next attempt</th>
                </tr>
              </thead>
              <tbody>
                {held.campaigns.flatMap((c) =>
                  c.reasons.map((r) => (
                    <tr key={`${c.id}|${r.reason}`}>
                      <td>
                        <Link href={`/campaigns/${c.id}`}>{c.name}</Link>
                      </td>
                      <td data-label="Why held">{r.reason}</td>
                      <td data-label="Messages">{formatCount(r.count)}</td>
                      <td data-label="Next attempt">
                        {r.until ? <WorkspaceTime at={r.until} timeZone={timeZone} /> : 'when resumed'}
                      </td>
                    </tr>
                  )),
                )}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
