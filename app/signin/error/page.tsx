import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Could not sign you in' };

const MESSAGES: Record<string, string> = {
  Verification: 'That sign-in link has expired or has already been used. Ask for a new one.',
  AccessDenied: 'This address cannot sign in here. Ask an admin of your workspace to invite you.',
  Configuration: 'Sign-in is not configured correctly on this server.',
};

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <main className="auth-card">
      <h1>Could not sign you in</h1>
      <p>{MESSAGES[error ?? ''] ?? 'Something went wrong while signing you in.'}</p>
      <Link href="/signin">Back to sign-in</Link>
    </main>
  );
}
