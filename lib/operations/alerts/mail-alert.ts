import 'server-only';
import nodemailer from 'nodemailer';
import { env } from '../../env';
import { runbookLink } from './runbook-link';

export interface AlertMail {
  to: string[];
  title: string;
  detail: string;
  runbook: string;
}

/** Mails an alert to the admins through EMAIL_SERVER; without one the banner is the only notice. */
export async function mailAlert(mail: AlertMail): Promise<boolean> {
  const { EMAIL_SERVER, EMAIL_FROM } = env();
  if (!EMAIL_SERVER || mail.to.length === 0) return false;
  const transport = nodemailer.createTransport(EMAIL_SERVER);
  await transport.sendMail({
    to: mail.to,
    from: EMAIL_FROM,
    subject: `[SMS CRM alert] ${mail.title}`,
    text: `${mail.detail}\n\nWhat to check and what to do: ${runbookLink(mail.runbook)}\n\nYou get this once per incident; the banner in the app stays until the condition ends.\n`,
  });
  return true;
}
