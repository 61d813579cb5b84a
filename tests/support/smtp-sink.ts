import { SMTPServer } from 'smtp-server';

export interface SinkedMail {
  to: string[];
  raw: string;
}

/**
 * A real SMTP server on a free local port that keeps every mail it is given, and
 * points EMAIL_SERVER at it, so a test sees exactly what the app sent.
 */
export async function startSmtpSink(): Promise<{ mails: SinkedMail[]; close: () => Promise<void> }> {
  const mails: SinkedMail[] = [];
  const sink = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, done) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString() });
        done();
      });
    },
  });
  await new Promise<void>((resolve) => sink.listen(0, '127.0.0.1', resolve));
  process.env.EMAIL_SERVER = `smtp://127.0.0.1:${(sink.server.address() as { port: number }).port}`;
  return { mails, close: () => new Promise<void>((resolve) => sink.close(() => resolve())) };
}
