import { ContactQuerySchema } from '@/lib/contacts/contact-query';
import { exportContacts } from '@/lib/contacts/export-contacts';
import { csvDownload } from '@/app/_http/csv-download';
import { withSession } from '@/app/_http/with-session';

/** The contacts as the Contacts page filters them, as a CSV download. */
export const GET = withSession('STAFF', async (req, { actor }) => {
  const query = ContactQuerySchema.omit({ page: true }).parse(Object.fromEntries(new URL(req.url).searchParams));
  return csvDownload(exportContacts({ actor, query }), 'contacts.csv');
});
