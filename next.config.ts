import type { NextConfig } from 'next';
import { NON_PAGE_POLICY, WORKER_POLICY, staticPagePolicy } from './lib/security/csp';

const dev = process.env.NODE_ENV === 'development';

const securityHeaders = [
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  { key: 'X-Frame-Options', value: 'DENY' },
  { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=()' },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  serverExternalPackages: ['better-sqlite3', '@node-rs/argon2', '@open-spaced-repetition/binding'],
  experimental: { authInterrupts: true },
  async headers() {
    // Pages get their CSP (with a nonce) from proxy.ts; these are the responses it does not see.
    const csp = (value: string) => [{ key: 'Content-Security-Policy', value }];
    return [
      { source: '/:path*', headers: securityHeaders },
      { source: '/offline', headers: csp(staticPagePolicy(dev)) },
      { source: '/api/:path*', headers: csp(NON_PAGE_POLICY) },
      // The service worker runs under its own script's CSP, and it fetches and caches pages.
      { source: '/serwist/:path*', headers: csp(WORKER_POLICY) },
    ];
  },
};

export default nextConfig;
