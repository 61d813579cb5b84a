import type { Metadata } from 'next';
import Link from 'next/link';
import { SavedRepliesEditor } from '@/components/conversations/SavedRepliesEditor';
import { Forbidden } from '@/components/shell/Forbidden';
import { roleAtLeast } from '@/lib/auth/roles';
import { listSavedReplies } from '@/lib/conversations/list-saved-replies';
import { requireActor } from '@/app/_http/current-actor';

export const metadata: Metadata = { title: 'Saved replies' };

export default async function SavedRepliesPage() {
  const actor = await requireActor();
  if (!roleAtLeast(actor.role, 'STAFF')) return <Forbidden needs="staff" />;
  const savedReplies = await listSavedReplies({ actor });
  return (
    <>
      <p>
        <Link href="/inbox">← Inbox</Link>
      </p>
      <h1>Saved replies</h1>
      <p className="muted">
        Answers your team gives often (store hours, &ldquo;we&rsquo;ll call you&rdquo;). Put one into a reply from the
        conversation page and change it before sending.
      </p>
      <SavedRepliesEditor savedReplies={savedReplies.map((s) => ({ id: s.id, title: s.title, body: s.body }))} />
    </>
  );
}
