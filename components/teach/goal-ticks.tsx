/**
 * Which of an assignment's goals a student has met, as ticks: every item studied, the quiz goal,
 * the memory goal. Each tick carries its words (visible, or for screen readers in the compact form
 * of the gradebook, whose legend explains the letters), so colour and shape are never the only signal.
 */
import type { StudentProgress } from '@/lib/teach/progress';

export interface AssignmentGoalsSet {
  goalQuizScore: number | null;
  goalRecall: number | null;
}

type GoalState = 'met' | 'not-met' | 'none';

const GOALS = [
  { key: 'items', word: 'Studied', letter: 'S' },
  { key: 'quiz', word: 'Quiz', letter: 'Q' },
  { key: 'recall', word: 'Memory', letter: 'M' },
] as const;

const SYMBOL: Record<GoalState, string> = { met: '✓', 'not-met': '○', none: '–' };
const SAID: Record<GoalState, string> = { met: 'met', 'not-met': 'not met', none: 'no goal' };

function stateOf(key: (typeof GOALS)[number]['key'], met: StudentProgress['goalsMet'], goals: AssignmentGoalsSet): GoalState {
  if (key === 'quiz' && goals.goalQuizScore === null) return 'none';
  if (key === 'recall' && goals.goalRecall === null) return 'none';
  return met[key] ? 'met' : 'not-met';
}

export function GoalTicks({ met, goals, compact = false }: { met: StudentProgress['goalsMet']; goals: AssignmentGoalsSet; compact?: boolean }) {
  return (
    <span className={`goal-ticks${compact ? ' goal-ticks-compact' : ''}`} data-testid="goal-ticks">
      {GOALS.map((g) => {
        const state = stateOf(g.key, met, goals);
        const text = `${g.word}: ${SAID[state]}`;
        return (
          <span key={g.key} className={`goal-tick goal-${state}`} data-goal={g.key} data-state={state} title={text}>
            <span aria-hidden="true">
              {SYMBOL[state]}
              {compact ? g.letter : ` ${g.word}`}
            </span>
            <span className="visually-hidden">{text}</span>
          </span>
        );
      })}
    </span>
  );
}

/** The key to the compact ticks, shown once beside a table of them. */
export function GoalTicksLegend() {
  return (
    <span className="small muted">
      Goals: S every item studied, Q quiz goal, M memory goal; ✓ met, ○ not met, – no such goal.
    </span>
  );
}
