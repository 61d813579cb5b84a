import 'server-only';
import type { Actor } from '../auth/actor';
import { getFirstRunChecklist } from './get-first-run-checklist';
import { readDashboardDays } from './read-dashboard-days';
import { readHeldMessages } from './read-held-messages';
import { readRecentCampaigns } from './read-recent-campaigns';
import { readRunningCampaigns } from './read-running-campaigns';
import { readSpendAgainstBudgets } from './read-spend-against-budgets';
import { workspaceSummary } from './workspace-summary';

export interface ReadDashboardOptions {
  actor: Actor;
}

/** Everything the dashboard shows, read at once; each part from aggregates, budget counters or held jobs only. */
export async function readDashboard({ actor }: ReadDashboardOptions) {
  const [summary, checklist, lastDays, spend, running, held, recent] = await Promise.all([
    workspaceSummary({ actor }),
    getFirstRunChecklist({ actor }),
    readDashboardDays({ actor }),
    readSpendAgainstBudgets({ actor }),
    readRunningCampaigns({ actor }),
    readHeldMessages({ actor }),
    readRecentCampaigns({ actor }),
  ]);
  return { summary, checklist, lastDays, spend, running, held, recent };
}
