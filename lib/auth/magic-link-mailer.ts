import nodemailer from 'nodemailer';
import { env } from '../env';

export interface MagicLinkMessage {
  to: string;
  url: string;
  subject: string;
  intro: string;
  /** What the link promises about its lifetime, when it has one (a sign-in link does; an invitation does not). */
  expiry: string | null;
}

export interface SignInLinkRoute {
  nodeEnv: 'development' | 'production' | 'test';
  emailServer: string | undefined;
  logSignInLinks: boolean;
}

/**
 * Where a sign-in link goes: by e-mail through EMAIL_SERVER; without one, to the
 * server log so someone running the app locally can still sign in — but never in
 * production unless LOG_SIGN_IN_LINKS asks for it, since whoever reads the log
 * could sign in as anyone.
 */
export function signInLinkRoute({
  nodeEnv,
  emailServer,
  logSignInLinks,
}: SignInLinkRoute): { kind: 'email'; server: string } | { kind: 'log' } {
  if (emailServer) return { kind: 'email', server: emailServer };
  if (nodeEnv === 'production' && !logSignInLinks)
    throw new Error('EMAIL_SERVER must be set in production to send sign-in links (or set LOG_SIGN_IN_LINKS=true).');
  return { kind: 'log' };
}

/** The text of the e-mail, which is also what the log shows when there is no mail server. */
function messageText(message: MagicLinkMessage): string {
  return [message.intro, '', message.url, '', ...(message.expiry ? [message.expiry] : [])].join('\n');
}

export async function deliverMagicLink(message: MagicLinkMessage): Promise<void> {
  const { NODE_ENV, EMAIL_SERVER, EMAIL_FROM, LOG_SIGN_IN_LINKS } = env();
  const route = signInLinkRoute({ nodeEnv: NODE_ENV, emailServer: EMAIL_SERVER, logSignInLinks: LOG_SIGN_IN_LINKS });
  if (route.kind === 'log') {
    // Framed, so it stands out among the server's own lines.
    const rule = '='.repeat(72);
    console.log(
      `\n${rule}\n[magic-link] No mail server (EMAIL_SERVER) is set, so here is the e-mail:\nTo: ${message.to}\nSubject: ${message.subject}\n\n${messageText(message)}\n${rule}\n`,
    );
    return;
  }
  const transport = nodemailer.createTransport(route.server);
  const result = await transport.sendMail({
    to: message.to,
    from: EMAIL_FROM,
    subject: message.subject,
    text: `${messageText(message)}\nIf you did not ask for this, ignore this e-mail.\n`,
    html: `<p>${escapeHtml(message.intro)}</p><p><a href="${escapeHtml(message.url)}">Sign in to SMS CRM</a></p>${message.expiry ? `<p>${escapeHtml(message.expiry)}</p>` : ''}`,
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
