/**
 * Turns the measurements into one markdown table with the goals next to the figures, and puts it
 * into docs/benchmarks.md between markers (the hand-written notes around it are kept).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Timing } from './http';
import type { LoadResult } from './load';

export interface BenchReport {
  dataset: string;
  floor: LoadResult[];
  grading: LoadResult[];
  recorded: number;
  floorSequential: Timing;
  pages: { name: string; timing: Timing | null }[];
  peakRssBytes: number;
  /** Peak RSS within each phase of the run, in order. */
  rssPhases: { name: string; peakBytes: number }[];
  reviewJs: { scripts: number; jsGzip: number; htmlGzip: number };
  signinJs: { scripts: number; jsGzip: number; htmlGzip: number };
}

const ms = (v: number) => (!Number.isFinite(v) ? 'n/a' : v === 0 ? '< 1 ms' : `${v < 10 ? v.toFixed(1) : Math.round(v)} ms`);
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

export function machineInfo(): string {
  const cpu = os.cpus()[0]?.model ?? 'unknown CPU';
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' / ');
  return `${os.availableParallelism()} cores (nproc), ${cpu}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GB RAM, Node ${process.version}, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, load average at start ${load}`;
}

export function renderTable(r: BenchReport, machine: string): string {
  const rows: string[] = [];
  const row = (...cells: string[]) => rows.push(`| ${cells.join(' | ')} |`);
  row('measure', 'figure', 'floor', 'ratio', 'goal', 'verdict');
  row('---', '---', '---', '---', '---', '---');
  for (const g of r.grading) {
    const f = r.floor.find((x) => x.connections === g.connections) as LoadResult;
    const tput = g.rps / f.rps;
    row(`grading, ${g.connections} conn: throughput`, `${Math.round(g.rps)} req/s`, `${Math.round(f.rps)} req/s`, `${(100 * tput).toFixed(0)} %`, '≥ 80 % of floor', verdict(tput >= 0.8));
    row(`grading, ${g.connections} conn: p50 / p99`, `${ms(g.p50)} / ${ms(g.p99)}`, `${ms(f.p50)} / ${ms(f.p99)}`, `p99 ×${(g.p99 / Math.max(f.p99, 1)).toFixed(1)}`, 'p99 ≤ 2× floor', verdict(g.p99 <= 2 * Math.max(f.p99, 1)));
    if (g.non2xx || g.errors) row(`grading, ${g.connections} conn: failures`, `${g.non2xx} non-2xx, ${g.errors} errors`, '', '', '0', verdict(false));
  }
  const base = r.floorSequential.p50;
  row('floor, sequential GET: p50 / p99', `${ms(base)} / ${ms(r.floorSequential.p99)}`, '', '', '', '');
  for (const p of r.pages) {
    if (!p.timing || p.timing.status === 404) {
      row(`${p.name}: p50 / p99`, 'n/a (route not on this branch)', '', '', '', '');
      continue;
    }
    if (p.timing.status !== 200) {
      row(`${p.name}: p50 / p99`, `HTTP ${p.timing.status}`, '', '', '', verdict(false));
      continue;
    }
    const ratio = p.timing.p50 / base;
    row(`${p.name}: p50 / p99`, `${ms(p.timing.p50)} / ${ms(p.timing.p99)}`, ms(base), `×${ratio.toFixed(1)}`, 'p50 ≤ 3× floor', verdict(ratio <= 3));
  }
  const rss = r.peakRssBytes / 2 ** 20;
  row('server peak RSS (process tree)', `${rss.toFixed(0)} MB`, '', '', '< 400 MB', verdict(rss < 400));
  const mb = (bytes: number) => `${(bytes / 2 ** 20).toFixed(0)} MB`;
  row('peak RSS by phase', r.rssPhases.map((p) => `${p.name}: ${mb(p.peakBytes)}`).join('; '), '', '', '', '');
  const kb = r.reviewJs.jsGzip / 1024;
  row(`review page JS (${r.reviewJs.scripts} scripts, gzip)`, `${kb.toFixed(1)} KB`, '', '', '< 150 KB', verdict(kb < 150));
  row(`sign-in page JS (${r.signinJs.scripts} scripts, gzip): framework share`, `${(r.signinJs.jsGzip / 1024).toFixed(1)} KB`, '', '', '', '');
  row('review page HTML incl. inline data (gzip)', `${(r.reviewJs.htmlGzip / 1024).toFixed(1)} KB`, '', '', '', '');
  const graded = r.grading.reduce((n, g) => n + g.requests, 0);
  return [
    `Machine: ${machine}.`,
    `Data: ${r.dataset}.`,
    `Grades acknowledged by 2xx: ${graded - r.grading.reduce((n, g) => n + g.non2xx, 0)}; new review_logs rows: ${r.recorded} (a few more than acknowledged: requests cut off when the load generator stops). Latencies from autocannon have 1 ms resolution.`,
    '',
    ...rows,
  ].join('\n');
}

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

const TEMPLATE = `# Benchmarks

\`npm run bench\` (seed first: \`npx tsx scripts/bench/seed.mts\`). The load generator runs on the same
machine as the server, and other work may share the CPU: compare ratios within one run, not
absolute figures across runs.

${START}
${END}

## What was changed to reach them

(filled in by hand)
`;

export function writeDocs(table: string, file = path.resolve('docs/benchmarks.md')): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const text = existsSync(file) ? readFileSync(file, 'utf8') : TEMPLATE;
  const [head, rest] = text.includes(START) && text.includes(END) ? [text.slice(0, text.indexOf(START)), text.slice(text.indexOf(END) + END.length)] : [TEMPLATE.slice(0, TEMPLATE.indexOf(START)), TEMPLATE.slice(TEMPLATE.indexOf(END) + END.length)];
  writeFileSync(file, `${head}${START}\n${table}\n${END}${rest}`);
}
