/**
 * Locally there is no cron service, so the launcher calls the cron route itself
 * every `intervalMs`, one run at a time, with the same secret Vercel would send.
 * A run that ended with jobs still due (its time budget ran out) is followed by
 * the next at once, so a long campaign keeps the provider busy.
 */
export function startDrainTimer(options: { url: string; secret: string; intervalMs: number }): () => void {
  let stopped = false;
  let reported = false;
  let moreDue = false;
  void (async () => {
    while (!stopped) {
      if (!moreDue) await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
      moreDue = false;
      if (stopped) break;
      try {
        const res = await fetch(options.url, { headers: { authorization: `Bearer ${options.secret}` } });
        const body = (await res.json().catch(() => null)) as {
          handedOver?: number;
          simulatorCallbacks?: number;
          stoppedBecause?: string | null;
          moreDue?: boolean;
        } | null;
        moreDue = res.ok && body?.moreDue === true;
        if (!res.ok && !reported) console.error(`[drain] ${options.url} answered ${res.status}`);
        reported = !res.ok;
        if (body?.handedOver || body?.stoppedBecause)
          console.log(
            `[drain] sent ${body.handedOver ?? 0}${body.stoppedBecause ? `; stopped: ${body.stoppedBecause}` : ''}`,
          );
      } catch {
        // The server is still starting or restarting; the next tick tries again.
      }
    }
  })();
  return () => {
    stopped = true;
  };
}
