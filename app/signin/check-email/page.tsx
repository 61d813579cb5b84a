import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Check your e-mail' };

export default function CheckEmailPage() {
  return (
    <main className="auth-card">
      <h1>Check your e-mail</h1>
      <p>
        If that address belongs to someone invited here, a sign-in link is on its way. It works once and expires soon.
      </p>
      <p className="muted">
        Running locally without EMAIL_SERVER? The link is printed in the server log.{' '}
        <Link href="/signin">Back to sign-in</Link>
      </p>
    </main>
  );
}
