/**
 * Vitest globalSetup of the `integration-pg` project: one throwaway PostgreSQL cluster for the
 * whole run (tests/support/pg-cluster.ts), its URL handed to test files as `inject('pgUrl')`;
 * each file makes its own database on it (tests/support/pg-database.ts). Stopped and removed at
 * the end; if the run is killed, the cluster's watchdog does that instead.
 */
import type { TestProject } from 'vitest/node';
import { startPgCluster } from './pg-cluster';

declare module 'vitest' {
  export interface ProvidedContext {
    pgUrl: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await startPgCluster();
  project.provide('pgUrl', cluster.url);
  return () => cluster.stop();
}
