import nodemailer from 'nodemailer';
import { env } from '../env';

export interface MagicLinkMessage {
  to: string;
  url: string;
  subject: string;
  intro: string;
}

/**
 * Mails a sign-in link through EMAIL_SERVER; without one, prints it to the server
 * log so someone running the app locally can still sign in.
 */
export async function deliverMagicLink(message: MagicLinkMessage): Promise<void> {
  const { EMAIL_SERVER, EMAIL_FROM, MAGIC_LINK_MAX_AGE_MINUTES } = env();
  const expiry = `This link works once and expires in ${MAGIC_LINK_MAX_AGE_MINUTES} minutes.`;
  if (!EMAIL_SERVER) {
    console.log(
      `\n[magic-link] ${message.subject} for ${message.to}:\n  ${message.url}\n  (${expiry} Set EMAIL_SERVER to send it by e-mail.)\n`,
    );
    return;
  }
  const transport = nodemailer.createTransport(EMAIL_SERVER);
  const result = await transport.sendMail({
    to: message.to,
    from: EMAIL_FROM,
    subject: message.subject,
    text: `${message.intro}\n\n${message.url}\n\n${expiry}\nIf you did not ask for this, ignore this e-mail.\n`,
    html: `<p>${escapeHtml(message.intro)}</p><p><a href="${escapeHtml(message.url)}">Sign in to SMS CRM</a></p><p>${escapeHtml(expiry)}</p>`,
  });
  const failed = [...result.rejected, ...(result.pending ?? [])];
  if (failed.length) throw new Error(`E-mail to ${failed.join(', ')} could not be sent`);
}

function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] as string,
  );
}
