import type { Metadata } from 'next';
import Link from 'next/link';
import { CampaignActions } from '@/components/campaigns/CampaignActions';
import { CampaignProgress } from '@/components/campaigns/CampaignProgress';
import { exclusionLabel } from '@/components/campaigns/format';
import { MessagePreview } from '@/components/campaigns/MessagePreview';
import { StatusBadge } from '@/components/campaigns/StatusBadge';
import { TestSendForm } from '@/components/campaigns/TestSendForm';
import { WorkspaceTime } from '@/components/ui/WorkspaceTime';
import { countAudience } from '@/lib/audiences/count-audience';
import type { CampaignView } from '@/lib/campaigns/get-campaign';
import { getCampaignContext } from '@/lib/campaigns/get-campaign-context';
import { previewMessage } from '@/lib/messages/preview-message';
import { roleAtLeast } from '@/lib/auth/roles';
import { formatCount, formatQuantity } from '@/lib/format/number';
import { loadCampaign } from './load-campaign';

function AudienceDescription({ campaign }: { campaign: CampaignView }) {
  const { audience } = campaign;
  switch (audience.kind) {
    case 'all':
      return <>All contacts</>;
    case 'batch':
      return campaign.audienceBatch ? (
        <>
          Contacts from the import{' '}
          <Link href={`/imports/${campaign.audienceBatch.id}`}>{campaign.audienceBatch.fileName}</Link>
        </>
      ) : (
        <>Contacts from an import that no longer exists</>
      );
    case 'filter': {
      const consent = audience.consent.map((c) => c.toLowerCase()).join(' or ');
      return (
        <>
          Contacts with {consent} consent
          {audience.tagsAny.length > 0 ? `, tagged ${audience.tagsAny.join(' or ')}` : ''}
        </>
      );
    }
    case 'segment': {
      // Once launched, the name recorded with the definition it used is what the campaign targeted.
      const name = campaign.audienceSnapshotName ?? campaign.audienceSegment?.name;
      if (!name) return <>A segment that no longer exists</>;
      return (
        <>
          The segment{' '}
          {campaign.audienceSegment ? (
            <Link href={`/contacts/segments/${campaign.audienceSegment.id}`}>{name}</Link>
          ) : (
            name
          )}
          {campaign.audienceSnapshotName ? ' as it was at launch' : ''}
        </>
      );
    }
  }
}

type Params = Promise<{ campaignId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { campaign } = await loadCampaign((await params).campaignId);
  return { title: campaign.name };
}

export default async function CampaignPage({ params }: { params: Params }) {
  const { actor, campaign } = await loadCampaign((await params).campaignId);
  const context = await getCampaignContext({ actor });
  const canAct = roleAtLeast(actor.role, 'STAFF');
  const isDraft = campaign.status === 'DRAFT';
  // A draft's reach is counted now; a launched campaign's is what the launch queued.
  // A draft whose segment was deleted has no reach to show; the audience line says why.
  const recipients = isDraft
    ? campaign.audience.kind === 'segment' && !campaign.audienceSegment
      ? null
      : (await countAudience({ actor, audience: campaign.audience })).sendable
    : (campaign.launchSummary?.queued ?? null);
  const activeNumbers = campaign.numbers.filter((n) => n.active);
  const canReceiveReplies = activeNumbers.every((n) => n.kind === 'LONG_CODE');
  const totalWeight = campaign.templates.reduce((sum, t) => sum + t.weight, 0);
  const shareOf = (weight: number) =>
    campaign.rotation === 'WEIGHTED' ? weight / totalWeight : 1 / campaign.templates.length;
  const excluded = Object.entries(campaign.launchSummary?.excluded ?? {}).filter(([, n]) => n > 0);
  const when = (iso: string | null) => (iso ? <WorkspaceTime at={iso} timeZone={context.timeZone} /> : null);

  const details: [string, React.ReactNode | null][] = [
    ['Audience', <AudienceDescription key="a" campaign={campaign} />],
    [
      isDraft ? 'Can be messaged now' : 'Queued at launch',
      recipients === null ? '—' : formatQuantity(recipients, 'contact'),
    ],
    [
      'Rotation',
      campaign.templates.length < 2 ? 'One message' : campaign.rotation === 'WEIGHTED' ? 'Weighted' : 'In turn',
    ],
    [
      'Link URL',
      campaign.linkUrl ? (
        <a key="l" href={campaign.linkUrl} rel="noreferrer noopener" target="_blank">
          {campaign.linkUrl}
        </a>
      ) : (
        'None'
      ),
    ],
    [
      'Sending numbers',
      campaign.numbers.length === 0 ? null : (
        <ul key="n" className="plain">
          {campaign.numbers.map((n) => (
            <li key={n.id}>
              <code>{n.value}</code> <span className="muted">{n.kind === 'LONG_CODE' ? 'long code' : 'sender ID'}</span>
              {n.kind === 'ALPHANUMERIC' && !n.registered && <span className="badge warn">Unverified</span>}
              {!n.active && <span className="badge">switched off</span>}
            </li>
          ))}
        </ul>
      ),
    ],
    ['Scheduled for', when(campaign.scheduledAt) ?? (isDraft ? 'Sends when launched' : null)],
    [
      'Created',
      <>
        {when(campaign.createdAt)}
        {campaign.createdBy ? ` by ${campaign.createdBy}` : ''}
      </>,
    ],
    ['Launched', when(campaign.launchedAt)],
    ['Completed', when(campaign.completedAt)],
    [
      'Left out at launch',
      excluded.length === 0
        ? null
        : excluded.map(([reason, n]) => `${formatCount(n)} ${exclusionLabel(reason)}`).join('; '),
    ],
  ];

  return (
    <>
      <p>
        <Link href="/campaigns">← Campaigns</Link>
      </p>
      <h1>
        {campaign.name} <StatusBadge status={campaign.status} />
      </h1>
      {campaign.status === 'PAUSED' && (
        <div className="notice bad" role="alert">
          <strong>Paused{campaign.pausedReason ? `: ${campaign.pausedReason}` : '.'}</strong>
          {campaign.pausedAt && <span className="muted"> (since {when(campaign.pausedAt)})</span>} Nothing more is sent
          until someone resumes the campaign.
        </div>
      )}
      {canAct ? (
        <CampaignActions
          campaignId={campaign.id}
          name={campaign.name}
          status={campaign.status}
          scheduledAt={campaign.scheduledAt}
          timeZone={context.timeZone}
        />
      ) : (
        <p className="muted">You can follow this campaign; staff and admins launch, pause and change campaigns.</p>
      )}
      {!isDraft && (
        <CampaignProgress
          key={campaign.status}
          campaignId={campaign.id}
          status={campaign.status}
          timeZone={context.timeZone}
        />
      )}

      <h2>Details</h2>
      <div className="table-scroll">
        <table aria-label="Campaign details">
          <tbody>
            {details
              .filter(([, value]) => value !== null)
              .map(([label, value]) => (
                <tr key={label}>
                  <th scope="row">{label}</th>
                  <td>{value}</td>
                </tr>
              ))}
          </tbody>
        </table>
      </div>

      <h2>Messages</h2>
      {campaign.templates.map((t, i) => (
        <div className="panel" key={t.id}>
          <h3>
            Message {i + 1}
            {campaign.rotation === 'WEIGHTED' && campaign.templates.length > 1 && (
              <span className="muted">
                {' '}
                · weight {t.weight} ({Math.round(shareOf(t.weight) * 100)}% of recipients)
              </span>
            )}
          </h3>
          <pre className="template-source" aria-label={`Message ${i + 1} as written`}>
            {t.body}
          </pre>
          <MessagePreview
            label={`message ${i + 1}`}
            preview={previewMessage({
              body: t.body,
              senderName: context.senderName,
              canReceiveReplies,
              hasLink: campaign.linkUrl !== null,
              shortLinkBase: context.shortLinkBase,
            })}
            pricing={{
              pricePerPartMicros: context.pricePerPartMicros,
              recipients: recipients === null ? null : Math.round(recipients * shareOf(t.weight)),
            }}
          />
        </div>
      ))}

      {canAct && campaign.status !== 'COMPLETED' && campaign.status !== 'CANCELLED' && (
        <TestSendForm campaignId={campaign.id} initialPhone={context.testPhone} />
      )}
      {campaign.status !== 'DRAFT' && (
        <p>
          <Link href={`/campaigns/${campaign.id}/report`}>Campaign report</Link>: the funnel, which message did better,
          opt-outs, failures, cost and the timeline. <Link href={`/campaigns/${campaign.id}/pilot`}>Pilot report</Link>:
          go or no-go for a pilot to staff phones.
        </p>
      )}
    </>
  );
}
