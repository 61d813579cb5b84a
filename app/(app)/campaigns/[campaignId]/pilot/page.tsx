import type { Metadata } from 'next';
import Link from 'next/link';
import { pilotReport } from '@/lib/operations/pilot/pilot-report';
import { loadCampaign } from '../load-campaign';

type PageProps = { params: Promise<{ campaignId: string }> };

export async function generateMetadata({ params }: PageProps): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).campaignId);
  return { title: `Pilot report · ${campaign.name}` };
}

/** Go or no-go for a pilot campaign, each check green or red with its figure (docs/CUTOVER.md). */
export default async function PilotReportPage({ params }: PageProps) {
  const { campaignId } = await params;
  const { actor, campaign } = await loadCampaign(campaignId);
  const report = await pilotReport({ tenantId: actor.tenantId, campaignId: campaign.id });
  return (
    <>
      <p>
        <Link href={`/campaigns/${campaign.id}`}>← {campaign.name}</Link>
      </p>
      <h1>Pilot report</h1>
      <div className={`notice ${report.go ? 'good' : 'bad'}`} role="status">
        <strong>{report.go ? 'Go' : 'No-go'}</strong>:{' '}
        {report.go ? 'every check below is green.' : 'fix what is red, then run another pilot.'}
      </div>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th>Check</th>
              <th>Result</th>
              <th>Figure</th>
            </tr>
          </thead>
          <tbody>
            {report.checks.map((check) => (
              <tr key={check.name}>
                <td>{check.name}</td>
                <td>
                  <span className={`badge ${check.pass ? 'good' : 'bad'}`}>{check.pass ? 'Green' : 'Red'}</span>
                </td>
                <td>{check.figure}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
