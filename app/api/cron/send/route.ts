import { errorResponse } from '@/app/_http/errors';
import { withCron } from '@/app/_http/with-cron';

export const dynamic = 'force-dynamic';

// The scheduled sender. Until the send queue and its drain are built this answers
// 501 after authenticating, so the cron entry in vercel.json is already wired.
async function drain() {
  return errorResponse('not_implemented', 'The send queue drain is not available yet.');
}

export const GET = withCron(drain);
export const POST = withCron(drain);
