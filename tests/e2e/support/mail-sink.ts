import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';

export const MAIL_DIR = path.join(
  process.env.TEST_RESULTS_DIR ?? path.resolve(import.meta.dirname, '../../../test-results'),
  'mail',
);

/** Accepts every message over SMTP and keeps each as a file, for tests in other processes to read. */
export async function startMailSink(port: number): Promise<{ close(): Promise<void> }> {
  mkdirSync(MAIL_DIR, { recursive: true });
  let count = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const to = session.envelope.rcptTo.map((r) => r.address.toLowerCase());
        count += 1;
        writeFileSync(
          path.join(MAIL_DIR, `${Date.now()}-${count}.json`),
          JSON.stringify({ to, raw: Buffer.concat(chunks).toString('utf8') }),
        );
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

export interface ReceivedMail {
  to: string[];
  raw: string;
}

export function mailsTo(address: string): ReceivedMail[] {
  return readdirSync(MAIL_DIR)
    .sort()
    .map((f) => JSON.parse(readFileSync(path.join(MAIL_DIR, f), 'utf8')) as ReceivedMail)
    .filter((m) => m.to.includes(address.toLowerCase()));
}

/** The sign-in link in the newest mail to `address`, waiting for it to arrive. */
export async function waitForMagicLink(address: string, after: number, timeoutMs = 10_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const mail = mailsTo(address).slice(after).at(-1);
    if (mail) {
      // Quoted-printable wraps long lines with "=\r\n" and escapes "=" as "=3D".
      const body = mail.raw.replace(/=\r?\n/g, '').replace(/=3D/gi, '=');
      const link = body.match(/https?:\/\/[^\s"<>]+\/api\/auth\/callback\/email\?[^\s"<>]+/);
      if (link) return link[0].replace(/&amp;/g, '&');
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`No sign-in mail reached ${address}`);
}
