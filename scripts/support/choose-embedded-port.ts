import { freePort, isPortFree } from './free-port';

export interface ChooseEmbeddedPortOptions {
  /** Ports to try, best first; undefined ones are skipped. */
  candidates: (number | undefined)[];
}

/** The first candidate no other program holds, else any free loopback port. */
export async function chooseEmbeddedPort(options: ChooseEmbeddedPortOptions): Promise<number> {
  for (const port of new Set(options.candidates)) {
    if (port !== undefined && (await isPortFree(port))) return port;
  }
  return freePort();
}
