import { DncQuerySchema } from '@/lib/contacts/dnc-schemas';
import { exportDncEntries } from '@/lib/contacts/export-dnc-entries';
import { csvDownload } from '@/app/_http/csv-download';
import { withSession } from '@/app/_http/with-session';

/** The do-not-contact list, as filtered, as a CSV download. */
export const GET = withSession('STAFF', async (req, { actor }) => {
  const query = DncQuerySchema.parse(Object.fromEntries(new URL(req.url).searchParams));
  return csvDownload(exportDncEntries({ actor, query }), 'do-not-contact.csv');
});
