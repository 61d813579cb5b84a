import type { Metadata } from 'next';
import { SignInForm } from '@/components/auth/SignInForm';

export const metadata: Metadata = { title: 'Sign in' };

export const dynamic = 'force-dynamic';

type Search = Promise<{ email?: string; callbackUrl?: string; error?: string }>;

function safeCallback(url: string | undefined): string {
  return url && url.startsWith('/') && !url.startsWith('//') ? url : '/dashboard';
}

export default async function SignInPage({ searchParams }: { searchParams: Search }) {
  const { email, callbackUrl, error } = await searchParams;
  return (
    <main className="auth-card">
      <h1>Sign in to SMS CRM</h1>
      <p className="muted">We will e-mail you a link that signs you in. Only invited people can sign in.</p>
      <SignInForm defaultEmail={email} callbackUrl={safeCallback(callbackUrl)} initialError={error} />
    </main>
  );
}
