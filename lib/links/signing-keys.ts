import { createHmac } from 'node:crypto';
import { authSecret, env } from '../env';

export interface SigningKey {
  kid: string;
  secret: string;
}

let cached: { source: string; keys: SigningKey[] } | undefined;

/**
 * LINK_SIGNING_KEYS is "kid:secret,kid:secret": the first signs new links, every
 * one verifies, so a key can be rotated without breaking links already sent.
 * Without it a key is derived from the app secret.
 */
export function linkSigningKeys(): SigningKey[] {
  const source = env().LINK_SIGNING_KEYS ?? '';
  if (cached?.source === source) return cached.keys;
  const keys = source
    ? source.split(',').map((pair) => {
        const [kid, ...rest] = pair.trim().split(':');
        const secret = rest.join(':');
        if (!/^[a-z0-9]$/i.test(kid) || secret.length < 16)
          throw new Error(
            'LINK_SIGNING_KEYS must be "kid:secret" pairs: a one-character id and a secret of 16+ characters',
          );
        return { kid, secret };
      })
    : [{ kid: 'd', secret: createHmac('sha256', authSecret()).update('short-links').digest('hex') }];
  cached = { source, keys };
  return keys;
}
