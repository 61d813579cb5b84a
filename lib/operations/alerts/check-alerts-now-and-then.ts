import 'server-only';
import { evaluateAlerts } from './evaluate-alerts';

/** Checked at most this often per instance from pages and health calls; the drain checks after every run. */
const INTERVAL_MS = 30_000;
let lastCheck = 0;

/**
 * Evaluates the alerts unless this instance did so recently. Pages and the operator's
 * health call it too, since a stopped drain cannot raise its own alert. A failure is
 * logged, never shown: the page or the health answer matters more than the check.
 */
export async function checkAlertsNowAndThen(now = Date.now()): Promise<void> {
  if (now - lastCheck < INTERVAL_MS) return;
  lastCheck = now;
  await evaluateAlerts().catch((error: unknown) => console.error('[alerts] evaluation failed', error));
}
