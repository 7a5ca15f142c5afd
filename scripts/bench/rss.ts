/**
 * Samples the resident memory of a process and all its descendants from /proc (Linux),
 * every `intervalMs`, keeping the peak. The server's RSS is what a small VPS must fit.
 */
import { readdirSync, readFileSync } from 'node:fs';

function parentOf(pid: string): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name (field 2) may contain spaces; fields after the closing paren are fixed.
    const after = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return Number(after[1]);
  } catch {
    return null;
  }
}

function rssKb(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

/** The pid and all its descendants, alive now. */
export function processTree(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const ppid = parentOf(entry);
    if (ppid !== null) children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    const pid = stack.pop() as number;
    out.push(pid);
    stack.push(...(children.get(pid) ?? []));
  }
  return out;
}

export function treeRssBytes(root: number): number {
  return processTree(root).reduce((sum, pid) => sum + rssKb(pid), 0) * 1024;
}

export function sampleRss(root: number, intervalMs = 200) {
  let peak = 0;
  let last = 0;
  let phasePeak = 0;
  const phases: { name: string; peakBytes: number }[] = [];
  const tick = () => {
    last = treeRssBytes(root);
    peak = Math.max(peak, last);
    phasePeak = Math.max(phasePeak, last);
  };
  tick();
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    peak: () => peak,
    last: () => last,
    /** Closes a phase of the run: its peak is kept under `name`, and the next phase starts from the current RSS. */
    endPhase: (name: string) => {
      tick();
      phases.push({ name, peakBytes: phasePeak });
      phasePeak = last;
    },
    phases: () => phases,
    stop: () => {
      clearInterval(timer);
      tick();
      return peak;
    },
  };
}
