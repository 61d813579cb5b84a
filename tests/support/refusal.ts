import { expect } from 'vitest';
import { AppError } from '@/lib/errors';

/** The domain error a call is refused with; fails the test if it succeeds or throws anything else. */
export async function refusalOf(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** What a refused call tells the person, in their words. */
export async function refusalMessage(promise: Promise<unknown>): Promise<string> {
  return (await refusalOf(promise)).message;
}
