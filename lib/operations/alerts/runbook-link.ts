import { env } from '../../env';

/** Where a playbook of docs/OPERATIONS.md is read: RUNBOOK_URL's section, or the file's path in the repository. */
export function runbookLink(anchor: string): string {
  return `${env().RUNBOOK_URL ?? 'docs/OPERATIONS.md'}#${anchor}`;
}
