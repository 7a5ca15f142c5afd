import { describe, expect, it } from 'vitest';
import { NON_PAGE_POLICY, newNonce, pagePolicy, staticPagePolicy } from '@/lib/security/csp';

const directive = (policy: string, name: string) => policy.split('; ').find((d) => d.startsWith(`${name} `));

describe('content security policies', () => {
  it('lets page scripts run only with the nonce (and what they load), never inline or eval in production', () => {
    const policy = pagePolicy('abc123');
    expect(directive(policy, 'script-src')).toBe("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(directive(policy, 'object-src')).toBe("object-src 'none'");
    expect(directive(policy, 'frame-ancestors')).toBe("frame-ancestors 'none'");
    expect(directive(policy, 'base-uri')).toBe("base-uri 'self'");
    expect(directive(pagePolicy('n', true), 'script-src')).toContain("'unsafe-eval'");
  });

  it('allows inline scripts only on the prerendered page, and nothing at all on other responses', () => {
    expect(directive(staticPagePolicy(), 'script-src')).toBe("script-src 'self' 'unsafe-inline'");
    expect(NON_PAGE_POLICY).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('makes a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(n).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
