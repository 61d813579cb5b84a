import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';

// The port a persistent cluster last ran on, kept in its own folder: a cluster that
// had to move off a taken port stays where it went, and deleting the cluster forgets it.
const FILE = 'embedded-port';

const Port = z.coerce.number().int().min(1).max(65535);

export async function readRememberedPort(dataDir: string): Promise<number | undefined> {
  const text = await readFile(path.join(dataDir, FILE), 'utf8').catch(() => null);
  const port = Port.safeParse(text?.trim());
  return port.success ? port.data : undefined;
}

export async function rememberPort(dataDir: string, port: number): Promise<void> {
  await writeFile(path.join(dataDir, FILE), `${port}\n`);
}
