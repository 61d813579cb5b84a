import { after } from 'next/server';

/**
 * Long work (a dry run or commit of a million rows) runs after the response, and
 * the browser polls for progress; progress and resumability live in the database.
 * Outside a Next request (scripts, in-process tests) `after` is unavailable and
 * the task simply runs detached.
 */
export function runAfterResponse(name: string, task: () => Promise<void>): void {
  const guarded = () => task().catch((error) => console.error(`[${name}] failed`, error));
  try {
    after(guarded);
  } catch {
    void guarded();
  }
}

// Work many requests share (the batch a click joins) is handed over once: the first
// request already keeps the instance until it is done, and every later hand-over only
// queued one more callback, all of which ran together when the batch was written.
const handedOver = new WeakSet<Promise<void>>();

/**
 * Work already under way (a queued click waiting for its batch) that the platform
 * must not cut short when the response ends. Handing `after` the promise costs far
 * less per request than a task, which Next binds to the request's context and queues.
 */
export function finishAfterResponse(name: string, work: Promise<void>): void {
  if (handedOver.has(work)) return;
  handedOver.add(work);
  const guarded = work.catch((error) => console.error(`[${name}] failed`, error));
  try {
    after(guarded);
  } catch {
    // Outside a Next request there is no response to outlive; the work runs on regardless.
  }
}
