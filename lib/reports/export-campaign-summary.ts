import 'server-only';
import { writeCsv } from '../csv/write-csv';
import { FIGURE_MEANINGS } from '../sending/message-figures';
import type { CampaignScope } from '../campaign-stats/campaign-stats';
import { readCampaignReport } from './read-campaign-report';

export type ExportCampaignSummaryOptions = CampaignScope;

const ratio = (share: number | null) => (share === null ? '' : share.toFixed(4));
const dollars = (micros: number | null) => (micros === null ? '' : (micros / 1e6).toFixed(4));

/** The report's headline figures as section, figure, value and what it counts: one sheet to take away. */
export async function* exportCampaignSummary(scope: ExportCampaignSummaryOptions): AsyncGenerator<string> {
  const { header, funnel, messages, optOuts, failures, cost } = await readCampaignReport(scope);
  const rows: string[][] = [['section', 'figure', 'value', 'rate', 'what it counts']];
  rows.push(['campaign', 'name', header.name, '', '']);
  for (const step of funnel.steps) {
    const meaning =
      step.key === 'sent'
        ? FIGURE_MEANINGS.sent
        : step.key === 'delivered'
          ? FIGURE_MEANINGS.delivered
          : (step.rateOf ?? '');
    rows.push(['funnel', step.label, step.count === null ? '' : String(step.count), ratio(step.rate), meaning]);
  }
  for (const m of messages.rows) {
    rows.push(['message', `${m.label} sends`, String(m.sends), '', m.body]);
    rows.push([
      'message',
      `${m.label} delivery rate`,
      String(m.delivered),
      ratio(m.deliveryRate),
      FIGURE_MEANINGS.deliveryRate,
    ]);
    rows.push([
      'message',
      `${m.label} click rate`,
      String(m.clicked),
      ratio(m.clickRate),
      'people who clicked ÷ delivered',
    ]);
    rows.push([
      'message',
      `${m.label} opt-out rate`,
      String(m.optedOut),
      ratio(m.optOutRate),
      'opted out within 7 days ÷ delivered',
    ]);
    rows.push(['message', `${m.label} cost ($)`, dollars(m.costMicros), '', 'parts × price per part, from the ledger']);
  }
  rows.push(['message', 'which did better', messages.verdict.statement, '', 'two-proportion test on click rate']);
  rows.push([
    'opt-outs',
    'STOP replies',
    String(optOuts.stopReplies),
    '',
    'within 7 days of this campaign’s latest message',
  ]);
  rows.push([
    'opt-outs',
    'web unsubscribes',
    String(optOuts.webUnsubscribes),
    '',
    'within 7 days of this campaign’s latest message',
  ]);
  rows.push(['replies', 'people who replied', String(optOuts.repliers), '', `${optOuts.replies} replies`]);
  for (const f of failures) {
    rows.push(['failures', f.code ?? 'no code', String(f.failed), '', `${f.explanation} ${f.action}.`]);
  }
  rows.push(['cost', 'spent ($)', dollars(cost.spentMicros), '', `${cost.parts} parts`]);
  rows.push(['cost', 'dry run estimate ($)', dollars(cost.estimateMicros), '', 'the last dry run before launch']);
  rows.push(['cost', 'per delivered message ($)', dollars(cost.perDeliveredMicros), '', '']);
  rows.push(['cost', 'per person who clicked ($)', dollars(cost.perClickerMicros), '', '']);
  yield writeCsv({ rows });
}
