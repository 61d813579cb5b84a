/**
 * Where `next dev|start` will listen, read from its arguments the way its CLI
 * (commander) reads them — `-p 3001`, `-p3001`, `--port 3001`, `--port=3001`, else
 * PORT, else 3000 — so the drain timer and sign-in links reach that server.
 * `host` is null when it listens on every interface (no -H, 0.0.0.0 or ::).
 */
export function nextAddress(args: readonly string[], portVariable?: string): { port: number; host: string | null } {
  const option = (short: string, long: string): string | undefined => {
    let value: string | undefined;
    for (const [i, arg] of args.entries()) {
      if (arg === short || arg === long) value = args[i + 1];
      else if (arg.startsWith(`${long}=`)) value = arg.slice(long.length + 1);
      else if (arg.startsWith(short) && !arg.startsWith('--')) value = arg.slice(short.length);
    }
    return value;
  };
  const port = Number(option('-p', '--port') ?? portVariable ?? 3000);
  const hostname = option('-H', '--hostname');
  if (!hostname || hostname === '0.0.0.0' || hostname === '::') return { port, host: null };
  return { port, host: hostname.includes(':') ? `[${hostname}]` : hostname };
}
