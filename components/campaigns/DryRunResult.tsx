import type { DryRunResult as DryRun } from '@/lib/sending/simulate-campaign-sends';
import { formatCount, formatQuantity } from '@/lib/format/number';
import { formatDateTime } from '@/lib/format/date-time';
import { StatGrid } from '../ui/StatGrid';
import { SkippedReasons } from './SkippedReasons';
import { dryRunTotals } from './dry-run-totals';
import { dollars } from './format';

interface DryRunResultProps {
  dryRun: DryRun;
  timeZone: string;
}

/** What launching now would do, from a dry run through the real gates: nothing was sent or queued. */
export function DryRunResult({ dryRun, timeZone }: DryRunResultProps) {
  const totals = dryRunTotals(dryRun);
  return (
    <section aria-label="Dry run result">
      <h2>Dry run</h2>
      <p className="muted">
        What launching now would do for the {formatQuantity(dryRun.audience, 'contact')} of the audience. Nothing was
        sent or queued.
      </p>
      <StatGrid
        stats={[
          { label: 'Would send now', value: dryRun.sendNow },
          { label: 'Held for later', value: totals.held },
          { label: 'Skipped', value: totals.skipped },
          { label: 'Expected cost', value: dollars(dryRun.costMicros) },
        ]}
      />
      {dryRun.held.length > 0 && (
        <div className="table-scroll">
          <table aria-label="Held by reason">
            <thead>
              <tr>
                <th>Gate</th>
                <th>Why held</th>
                <th>Messages</th>
              </tr>
            </thead>
            <tbody>
              {dryRun.held.map((h, i) => (
                <tr key={i}>
                  <td>{h.gate.replace(/_/g, ' ')}</td>
                  <td>{h.reason}</td>
                  <td>{formatCount(h.count)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <SkippedReasons label="Skipped by reason" unit="Contacts" skipped={dryRun.skipped} />
      <p>
        <strong>Expected to finish:</strong>{' '}
        {dryRun.finishEstimate ? formatDateTime(dryRun.finishEstimate, timeZone) : 'not known'}
        {dryRun.finishNote && <span className="muted"> — {dryRun.finishNote}</span>}
      </p>
      {dryRun.sample && (
        <div>
          <strong>Sample message</strong>{' '}
          <span className="muted">
            ({dryRun.sample.encoding}, {formatQuantity(dryRun.sample.parts, 'part')})
          </span>
          <pre className="sms" aria-label="Sample message">
            {dryRun.sample.body}
          </pre>
        </div>
      )}
    </section>
  );
}
