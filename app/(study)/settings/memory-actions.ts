'use server';
/** The memory model section of /settings: fit now, go back to the pool or defaults, estimate workloads. */
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { ActionError, authedAction } from '@/app/_lib/action';
import { dropPersonalParameters, FitAlreadyRunningError, fitUserParameters } from '@/db/queries/fsrs-parameters';
import { memoryModelReport, workloadFor, type WorkloadRow } from '@/db/queries/fsrs-report';
import { now } from '@/lib/clock';
import type { FitReason } from '@/lib/scheduler/fit';
import { MAX_DESIRED_RETENTION, MIN_DESIRED_RETENTION } from '@/lib/scheduler';

/**
 * One fit per student at a time (fitUserParameters refuses a second, on any server), and not more
 * than one a minute: fitting is the heaviest thing a student can ask for.
 */
const FIT_COOLDOWN_MS = 60_000;
const TOO_SOON = 'A fit ran less than a minute ago. Try again in a minute.';

export interface FitNowResult {
  adopted: boolean;
  reason: FitReason;
  items: number;
}

export const fitNowAction = authedAction(z.object({}), async (_input, user): Promise<FitNowResult> => {
  const last = (await memoryModelReport(user.id)).lastFit;
  if (last && now().getTime() - last.fittedAt.getTime() < FIT_COOLDOWN_MS) throw new ActionError(TOO_SOON);
  try {
    const out = await fitUserParameters(user.id);
    revalidatePath('/settings');
    return { adopted: out.verdict.adopted, reason: out.verdict.reason, items: out.verdict.items };
  } catch (error) {
    if (error instanceof FitAlreadyRunningError) throw new ActionError('Your fit is already running.');
    throw error;
  }
});

export const usePooledParametersAction = authedAction(z.object({}), async (_input, user) => {
  await dropPersonalParameters(user.id);
  revalidatePath('/settings');
  return undefined;
});

const CHOICES = [0.8, 0.85, 0.9, 0.95];

export const estimateWorkloadAction = authedAction(
  z.object({ current: z.coerce.number().min(MIN_DESIRED_RETENTION).max(MAX_DESIRED_RETENTION) }),
  async (input, user): Promise<WorkloadRow[]> => {
    const retentions = [...new Set([...CHOICES, Math.round(input.current * 100) / 100])].sort((a, b) => a - b);
    return workloadFor(user.id, retentions);
  },
);
