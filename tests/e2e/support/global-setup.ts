import { startMailSink } from './mail-sink';

// A real SMTP server for the app's magic-link mails; it outlives every test worker.
export default async function globalSetup(): Promise<() => Promise<void>> {
  const sink = await startMailSink(Number(process.env.SMTP_SINK_PORT ?? 2525));
  return () => sink.close();
}
