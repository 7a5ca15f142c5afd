/** Serves the service worker built from app/sw.ts (Serwist's route-handler integration for Turbopack). */
import { createSerwistRoute } from '@serwist/turbopack';

const revision = process.env.NEXT_BUILD_ID ?? String(Date.now());

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  swSrc: 'app/sw.ts',
  useNativeEsbuild: true,
  additionalPrecacheEntries: [{ url: '/offline', revision }],
});
