'use client';

import { signIn } from 'next-auth/react';
import { useState } from 'react';
import { useForm } from 'react-hook-form';

type Fields = { email: string };

const MESSAGES: Record<string, string> = {
  RateLimited: 'Too many sign-in requests. Wait a few minutes and try again.',
  Verification: 'That sign-in link has expired or was already used. Ask for a new one.',
  EmailSignin: 'We could not send the e-mail. Try again shortly.',
  AccessDenied: 'This address cannot sign in here.',
};

interface SignInFormProps {
  defaultEmail?: string;
  callbackUrl: string;
  initialError?: string;
}

export function SignInForm({ defaultEmail, callbackUrl, initialError }: SignInFormProps) {
  const [error, setError] = useState(initialError ? (MESSAGES[initialError] ?? 'Sign-in failed. Try again.') : null);
  const { register, handleSubmit, formState } = useForm<Fields>({ defaultValues: { email: defaultEmail ?? '' } });

  async function onSubmit({ email }: Fields) {
    setError(null);
    const result = await signIn('email', { email, callbackUrl, redirect: false }).catch(() => null);
    if (!result || result.error) {
      setError(MESSAGES[result?.error ?? ''] ?? 'Sign-in failed. Try again.');
      return;
    }
    window.location.assign(result.url ?? '/signin/check-email');
  }

  return (
    <form onSubmit={handleSubmit(onSubmit)} noValidate>
      <div className="field">
        <label htmlFor="email">Work e-mail</label>
        <input
          id="email"
          type="email"
          autoComplete="email"
          {...register('email', {
            required: 'Enter your e-mail address.',
            pattern: { value: /^[^\s@]+@[^\s@]+\.[^\s@]+$/, message: 'Enter a valid e-mail address.' },
          })}
        />
        {formState.errors.email && <div className="error">{formState.errors.email.message}</div>}
      </div>
      {error && (
        <div className="notice bad" role="alert">
          {error}
        </div>
      )}
      <button type="submit" disabled={formState.isSubmitting}>
        {formState.isSubmitting ? 'Sending…' : 'E-mail me a sign-in link'}
      </button>
    </form>
  );
}
