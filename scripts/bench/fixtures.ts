/** Names the benchmark seed gives its accounts, shared by the seed and the runner. */
export const BENCH_PASSWORD = 'bench-password-1';
export const HEAVY_EMAIL = 'heavy@bench.test';
export const DEFAULT_BENCH_DB = 'data/bench.db';

export const studentEmail = (i: number) => `student${String(i).padStart(4, '0')}@bench.test`;
export const instructorEmail = (i: number) => `instructor${String(i).padStart(2, '0')}@bench.test`;

/** An integer from the environment, or the default. */
export function envInt(name: string, fallback: number): number {
  const raw = process.env[name];
  const n = raw === undefined || raw === '' ? NaN : Number(raw);
  return Number.isFinite(n) ? Math.round(n) : fallback;
}
