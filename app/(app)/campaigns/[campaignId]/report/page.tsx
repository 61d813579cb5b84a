import type { Metadata } from 'next';
import Link from 'next/link';
import { dollars } from '@/components/campaigns/format';
import { CampaignTimelineChart } from '@/components/reports/CampaignTimelineChart';
import { FigureMeanings } from '@/components/reports/FigureMeanings';
import { roleAtLeast } from '@/lib/auth/roles';
import { formatCount, formatPercent } from '@/lib/format/number';
import { readCampaignReport } from '@/lib/reports/read-campaign-report';
import { loadCampaign } from '../load-campaign';

type PageProps = { params: Promise<{ campaignId: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).campaignId);
  return { title: `Report · ${campaign.name}` };
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** A local wall-clock bucket (2026-11-25T10:00) as the chart and table name it. */
function bucketLabel(at: string, unit: 'hour' | 'day'): string {
  const [date, time] = at.split('T');
  const [, month, day] = date.split('-').map(Number);
  return unit === 'day' ? `${day} ${MONTHS[month - 1]}` : `${day} ${MONTHS[month - 1]} ${time}`;
}

/** Money to the part cent, as the editor and the inbox show a message's cost; a dash where there is none. */
function money(micros: number | null): string {
  return micros === null ? '—' : dollars(micros, { fine: true });
}

/** Everything a marketer decides from after a campaign: who it reached, which message won, what it cost and lost. */
export default async function CampaignReportPage({ params }: PageProps) {
  const { campaignId } = await params;
  const { actor, campaign } = await loadCampaign(campaignId);
  const scope = { tenantId: actor.tenantId, campaignId: campaign.id };
  const { funnel, messages, optOuts, failures, cost, timeline, regions, numbers } = await readCampaignReport(scope);
  const staff = roleAtLeast(actor.role, 'STAFF');
  const points = timeline.points.map((p) => ({ ...p, label: bucketLabel(p.at, timeline.unit) }));
  const exportBase = `/api/campaigns/${campaign.id}/report`;
  return (
    <>
      <p>
        <Link href={`/campaigns/${campaign.id}`}>← {campaign.name}</Link>
      </p>
      <div className="page-head">
        <h1>Campaign report</h1>
        <div className="row">
          <a className="button secondary" href={`${exportBase}/summary`} download>
            Summary (CSV)
          </a>
          {staff && (
            <a className="button secondary" href={`${exportBase}/recipients`} download>
              Recipients (CSV)
            </a>
          )}
        </div>
      </div>
      <FigureMeanings />

      <section aria-labelledby="funnel-heading">
        <h2 id="funnel-heading">Funnel</h2>
        <p className="muted">
          People, not clicks: each recipient has their own link, and clicks by link scanners and previews are left out.
          Replies and opt-outs count those within 7 days of this campaign’s message when it was the latest they got.
        </p>
        <div className="table-scroll">
          <table aria-label="Funnel">
            <thead>
              <tr>
                <th>Step</th>
                <th>Count</th>
                <th>Rate</th>
              </tr>
            </thead>
            <tbody>
              {funnel.steps.map((step) => (
                <tr key={step.key}>
                  <td>{step.label}</td>
                  <td>{step.count === null ? '—' : formatCount(step.count)}</td>
                  <td>{step.rateOf ? `${formatPercent(step.rate)} ${step.rateOf}` : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="ab-heading">
        <h2 id="ab-heading">Messages compared</h2>
        <div className={`notice ${messages.verdict.kind === 'better' ? 'good' : ''}`} role="status">
          {messages.verdict.statement}
        </div>
        <p className="muted">
          Sends are messages the carrier accepted; click rate is people who clicked ÷ delivered; opt-out rate is
          opt-outs caused ÷ delivered; cost is parts × price per part from the spend ledger. The comparison is a
          two-proportion test on click rate.
        </p>
        <div className="table-scroll">
          <table aria-label="Messages compared">
            <thead>
              <tr>
                <th>Message</th>
                <th>Sends</th>
                <th>Delivery rate</th>
                <th>Click rate</th>
                <th>Opt-out rate</th>
                <th>Cost</th>
              </tr>
            </thead>
            <tbody>
              {messages.rows.map((m) => (
                <tr key={m.templateId}>
                  <td>
                    <strong>{m.label}</strong>
                    <div className="muted">{m.body}</div>
                  </td>
                  <td>{formatCount(m.sends)}</td>
                  <td>{formatPercent(m.deliveryRate)}</td>
                  <td>
                    {formatPercent(m.clickRate)} ({formatCount(m.clicked)})
                  </td>
                  <td>
                    {formatPercent(m.optOutRate)} ({formatCount(m.optedOut)})
                  </td>
                  <td>{money(m.costMicros)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="opt-outs-heading">
        <h2 id="opt-outs-heading">Opt-outs and replies</h2>
        <p className="muted">
          Counted against this campaign when they came within 7 days of its message and no later message reached the
          person first.
        </p>
        <div className="stats">
          <div className="stat">
            <div className="value">{formatCount(optOuts.stopReplies)}</div>
            <div className="label">STOP replies</div>
          </div>
          <div className="stat">
            <div className="value">{formatCount(optOuts.webUnsubscribes)}</div>
            <div className="label">Web unsubscribes</div>
          </div>
          <div className="stat">
            <div className="value">{formatCount(optOuts.repliers)}</div>
            <div className="label">
              People who replied ({formatCount(optOuts.replies)} replies) · <Link href="/inbox">Open the inbox</Link>
            </div>
          </div>
        </div>
      </section>

      <section aria-labelledby="failures-heading">
        <h2 id="failures-heading">Failures by reason</h2>
        {failures.length === 0 ? (
          <div className="empty">No message has failed.</div>
        ) : (
          <div className="table-scroll">
            <table aria-label="Failures by reason">
              <thead>
                <tr>
                  <th>Error</th>
                  <th>What it means</th>
                  <th>Failed</th>
                  <th>Retried</th>
                  <th>What the app did</th>
                </tr>
              </thead>
              <tbody>
                {failures.map((f) => (
                  <tr key={f.code ?? 'none'}>
                    <td>{f.code ?? 'No code'}</td>
                    <td>{f.explanation}</td>
                    <td>{formatCount(f.failed)}</td>
                    <td>{formatCount(f.retried)}</td>
                    <td>{f.action}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <p className="muted">
          Failed counts messages that ended failed or undelivered with the code; retried counts messages that met it and
          were tried again, including those that went through later.
        </p>
      </section>

      <section aria-labelledby="cost-heading">
        <h2 id="cost-heading">Cost</h2>
        <div className="stats">
          <div className="stat">
            <div className="value">{money(cost.spentMicros)}</div>
            <div className="label">
              Spent: {formatCount(cost.parts)} parts × {money(cost.pricePerPartMicros)}
            </div>
          </div>
          <div className="stat">
            <div className="value">{money(cost.estimateMicros)}</div>
            <div className="label">
              Dry run estimate
              {cost.estimateMessages === null
                ? ' (no dry run recorded)'
                : ` for ${formatCount(cost.estimateMessages)} messages`}
            </div>
          </div>
          <div className="stat">
            <div className="value">{money(cost.perDeliveredMicros)}</div>
            <div className="label">Per delivered message</div>
          </div>
          <div className="stat">
            <div className="value">{money(cost.perClickerMicros)}</div>
            <div className="label">Per person who clicked</div>
          </div>
        </div>
      </section>

      <section aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        {points.length === 0 ? (
          <div className="empty">The timeline appears once messages are sent.</div>
        ) : (
          <>
            <CampaignTimelineChart points={points} unit={timeline.unit} />
            <details>
              <summary>The timeline as a table</summary>
              <div className="table-scroll">
                <table aria-label="Timeline">
                  <thead>
                    <tr>
                      <th>{timeline.unit === 'hour' ? 'Hour' : 'Day'}</th>
                      <th>Sends</th>
                      <th>Deliveries</th>
                      <th>Clicks (people)</th>
                      <th>Opt-outs</th>
                    </tr>
                  </thead>
                  <tbody>
                    {points.map((p) => (
                      <tr key={p.at}>
                        <td>{p.label}</td>
                        <td>{formatCount(p.sends)}</td>
                        <td>{formatCount(p.deliveries)}</td>
                        <td>{formatCount(p.clicks)}</td>
                        <td>{formatCount(p.optOuts)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </details>
            <p className="muted">Times are in the workspace’s zone ({timeline.timeZone}).</p>
          </>
        )}
      </section>

      <section aria-labelledby="regions-heading">
        <h2 id="regions-heading">By state and time zone</h2>
        <div className="table-scroll">
          <table aria-label="By state and time zone">
            <thead>
              <tr>
                <th>State</th>
                <th>Time zone</th>
                <th>Sent</th>
                <th>Delivered</th>
                <th>Delivery rate</th>
                <th>People who clicked</th>
              </tr>
            </thead>
            <tbody>
              {regions.map((r) => (
                <tr key={`${r.state}|${r.timeZone}`}>
                  <td>{r.state}</td>
                  <td>{r.timeZone}</td>
                  <td>{formatCount(r.sent)}</td>
                  <td>{formatCount(r.delivered)}</td>
                  <td>{formatPercent(r.deliveryRate)}</td>
                  <td>{formatCount(r.clicked)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="numbers-heading">
        <h2 id="numbers-heading">By sending number</h2>
        <p className="muted">Carriers filter per number, so a number delivering less than the others shows here.</p>
        <div className="table-scroll">
          <table aria-label="By sending number">
            <thead>
              <tr>
                <th>Number</th>
                <th>Sent</th>
                <th>Delivered</th>
                <th>Delivery rate</th>
                <th>Failed</th>
                <th>Most common error</th>
              </tr>
            </thead>
            <tbody>
              {numbers.map((n) => (
                <tr key={n.number}>
                  <td>{n.number}</td>
                  <td>{formatCount(n.sent)}</td>
                  <td>{formatCount(n.delivered)}</td>
                  <td>{formatPercent(n.deliveryRate)}</td>
                  <td>{formatCount(n.failed)}</td>
                  <td>{n.topError ? `${n.topError.code} (${formatCount(n.topError.count)})` : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
