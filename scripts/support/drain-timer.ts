/**
 * Locally there is no cron service, so the launcher calls the cron route itself
 * every `intervalMs`, one run at a time, with the same secret Vercel would send.
 */
export function startDrainTimer(options: { url: string; secret: string; intervalMs: number }): () => void {
  let stopped = false;
  let reported = false;
  void (async () => {
    while (!stopped) {
      await new Promise((resolve) => setTimeout(resolve, options.intervalMs));
      if (stopped) break;
      try {
        const res = await fetch(options.url, { headers: { authorization: `Bearer ${options.secret}` } });
        const body = (await res.json().catch(() => null)) as {
          handedOver?: number;
          simulatorCallbacks?: number;
          stoppedBecause?: string | null;
        } | null;
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
