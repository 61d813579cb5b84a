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
