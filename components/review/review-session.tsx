'use client';
/**
 * The review screen. Everything a grade needs is already in the browser: revealing is local,
 * the next card appears at once, and the grade is saved in the background through the outbox
 * (kept on the device until the server acknowledges it). Keys (use-review-keys.ts): Space/Enter
 * reveal or continue, 1–4 grade, U undo, ? the list of shortcuts.
 *
 * The links out of the session are plain <a>, not next/link: a full page load to leave costs
 * nothing noticeable (offline, the service worker answers it), while next/link would add ~3 KB
 * gzip to this screen's JavaScript.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { ActionCall } from '@/lib/actions/result';
import { acceptedNote } from '@/lib/quiz/typed/accepted-note';
import { isObjective } from '@/lib/review/answer-checker';
import type { CheckResult, ObjectiveAnswer } from '@/lib/review/check-answer';
import { loadSession, saveSession } from '@/lib/review/device-store';
import { choicePart, typedPart } from '@/lib/review/outbox';
import { applyGrade, dropCard, nextCard, remainingCounts, replayPending, startSession, type Session } from '@/lib/review/session';
import { gradedMessage, sessionSummary } from '@/lib/review/summary';
import { deserialize } from '@/lib/review/session';
import type { ReviewCard, ReviewSessionData } from '@/lib/review/types';
import { previewGrades } from '@/lib/scheduler/scheduler';
import type { Grade } from '@/lib/scheduler/types';
import { ReportProblem, type ReportCardAction } from '@/components/reports/report-problem';
import '@/components/reports/reports.css';
import { CardView } from './card-view';
import { Feedback } from './feedback';
import { GRADE_NAMES, GradeBar, KeyHint } from './grade-bar';
import { ShortcutsDialog } from './shortcuts-dialog';
import { StorageWarning } from './storage-warning';
import { SyncStatus } from './sync-status';
import { useAnswerCheck } from './use-answer-check';
import { useOutbox } from './use-outbox';
import { useReviewKeys } from './use-review-keys';

interface Step {
  before: Session;
  card: ReviewCard;
  clientId: string;
}

function newClientId(): string {
  return globalThis.crypto?.randomUUID?.() ?? `${Date.now()}-${Math.random().toString(36).slice(2)}`;
}

export interface ReviewActions {
  suspendCard: ActionCall<{ cardId: number; suspended: boolean }>;
}

export function ReviewSession({ data, userId, actions, reportCard }: { data: ReviewSessionData; userId: number; actions: ReviewActions; reportCard: ReportCardAction }) {
  const { outbox, status } = useOutbox(userId);
  const [session, setSession] = useState<Session>(() => startSession(data.cards));
  const [history, setHistory] = useState<Step[]>([]);
  const [revealed, setRevealed] = useState(false);
  const [answer, setAnswer] = useState<ObjectiveAnswer | null>(null);
  const [result, setResult] = useState<CheckResult | null>(null);
  const [message, setMessage] = useState('');
  const [clock, setClock] = useState(() => Date.now());
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [overruled, setOverruled] = useState(false);
  const [reportOpen, setReportOpen] = useState(false);
  const shownAt = useRef(0);
  const cardRef = useRef<HTMLElement>(null);

  // Continue a session kept on this device (an offline reload serves the same cached render),
  // or start from the server's queue with the grades still waiting to sync re-applied.
  const restored = useRef(false);
  useEffect(() => {
    const box = outbox.current;
    if (!box) return;
    let cancelled = false;
    void Promise.all([box.ready, loadSession(userId, data.deck.id)]).then(([, stored]) => {
      if (cancelled) return;
      if (stored && stored.generatedAt === data.generatedAt) setSession(stored.session);
      else setSession(replayPending(startSession(data.cards), box.list(), data.settings.scheduler, data.dayEnd));
      restored.current = true;
      setClock(Date.now());
    });
    return () => {
      cancelled = true;
    };
  }, [outbox, userId, data]);

  useEffect(() => {
    if (restored.current) void saveSession(userId, data.deck.id, { generatedAt: data.generatedAt, session });
  }, [session, userId, data.deck.id, data.generatedAt]);

  const next = useMemo(() => nextCard(session, clock), [session, clock]);
  const card = next && 'card' in next ? next.card : null;
  const objective = card ? isObjective(card.type) : false;

  useEffect(() => {
    shownAt.current = Date.now();
  }, [card?.id, history.length]);

  // While waiting for a learning step, tick so the card shows up when it is due.
  useEffect(() => {
    if (!next || !('waitUntil' in next)) return;
    const t = setTimeout(() => setClock(Date.now()), Math.min(30_000, Math.max(1000, next.waitUntil - Date.now() - 20 * 60_000)));
    return () => clearTimeout(t);
  }, [next]);

  const previews = useMemo(() => (card && (revealed || result) ? previewGrades(deserialize(card.state), new Date(), data.settings.scheduler) : []), [card, revealed, result, data.settings.scheduler]);

  const resetCard = () => {
    setRevealed(false);
    setAnswer(null);
    setResult(null);
    setOverruled(false);
    setReportOpen(false);
  };

  // The session moves on only once the grade is on the device (or the outbox has said it cannot be).
  const saving = useRef(false);
  const grade = useCallback(
    async (g: Grade) => {
      if (!card || !outbox.current || saving.current) return;
      const at = new Date();
      const step = applyGrade(session, card, g, at, data.settings.scheduler, data.dayEnd);
      const clientId = newClientId();
      saving.current = true;
      // What was typed, right or wrong (and whether the student overruled a wrong verdict), goes with the grade for the
      // instructor; the server checks it again and keeps its own verdict.
      const typed = result && answer?.kind === 'typed' ? typedPart(answer.text, !result.correct && overruled) : undefined;
      // The option chosen, right or wrong, for the instructor's response analysis.
      const choice = result ? choicePart(answer) : undefined;
      await outbox.current
        .add({
          clientId,
          cardId: card.id,
          grade: g,
          reviewedAt: at.getTime(),
          durationMs: Math.min(at.getTime() - shownAt.current, 3_600_000),
          ...(typed ? { typed } : {}),
          ...(choice ? { choice } : {}),
        })
        .finally(() => (saving.current = false));
      setHistory((h) => [...h.slice(-49), { before: session, card, clientId }]);
      setSession(step.session);
      setClock(at.getTime());
      resetCard();
      setMessage(gradedMessage(GRADE_NAMES[g], step.session.learning.length + step.session.review.length + step.session.fresh.length));
    },
    [card, outbox, session, data.settings.scheduler, data.dayEnd, result, answer, overruled],
  );

  const undo = useCallback(async () => {
    const last = history.at(-1);
    if (!last || !outbox.current) return;
    if (!(await outbox.current.undo(last.clientId))) {
      setMessage('Could not undo while offline or after a later review. Try again when connected.');
      return;
    }
    setHistory((h) => h.slice(0, -1));
    setSession(last.before);
    setClock(Date.now());
    resetCard();
    setMessage('Last grade undone.');
  }, [history, outbox]);

  const onChecked = useCallback((a: ObjectiveAnswer, r: CheckResult) => {
    setAnswer(a);
    setResult(r);
    setMessage(r.correct ? `Correct.${r.acceptedAs ? ` ${acceptedNote(r.rule, r.acceptedAs)}` : ''}` : `Incorrect. The answer is ${r.expected}.`);
  }, []);
  const onCheckerUnavailable = useCallback(() => setMessage('Could not check the answer while offline. Try again when connected.'), []);
  const check = useAnswerCheck(card, objective, onChecked, onCheckerUnavailable);
  const onAnswer = useCallback(
    (a: ObjectiveAnswer) => {
      if (!result) check(a);
    },
    [check, result],
  );

  const reveal = useCallback(() => {
    setRevealed(true);
    setMessage('Answer shown.');
  }, []);

  const suspend = async () => {
    if (!card) return;
    const out = await actions.suspendCard(null, { cardId: card.id, suspended: true });
    if (out.ok) {
      setSession((s) => dropCard(s, card.id));
      resetCard();
      setMessage('Card suspended. Find it under Progress → Leeches & suspended.');
    } else setMessage(out.error);
  };

  const wrong = result !== null && !result.correct && !overruled;
  const allowed = useMemo<readonly Grade[]>(() => (data.settings.passFail ? [1, 3] : wrong ? [1] : [1, 2, 3, 4]), [data.settings.passFail, wrong]);
  const primary: Grade = wrong ? 1 : 3;
  const answered = objective ? result !== null : revealed;

  const choose = useCallback(
    (position: number) => {
      if (card?.payload.type === 'truefalse') onAnswer({ kind: 'truefalse', value: position === 1 });
      else cardRef.current?.querySelectorAll<HTMLButtonElement>('[data-testid="option"]')[position - 1]?.click();
    },
    [card, onAnswer],
  );
  const showShortcuts = useCallback(() => setShortcutsOpen(true), []);
  const openReport = useCallback(() => setReportOpen(true), []);
  const focusCard = useCallback(() => cardRef.current?.focus({ preventScroll: true }), []);
  useReviewKeys({
    cardRef,
    hasCard: card !== null,
    answered,
    objective,
    choiceKeys: card?.payload.type === 'truefalse' ? 'truefalse' : card?.payload.type === 'mcq' ? 'mcq' : 'none',
    allowed,
    primary,
    // While the report form is open its fields own the keys: no grade from a stray Space or digit.
    overlayOpen: shortcutsOpen || reportOpen,
    reveal,
    grade: (g) => void grade(g), // add() resolves even when the device cannot store (the status says so)
    undo: () => void undo(),
    choose,
    showShortcuts,
    report: openReport,
  });

  const counts = remainingCounts(session);
  return (
    <div className="review">
      <div className="review-top">
        <a href="/today" className="icon-btn" aria-label="Close the session">
          ✕
        </a>
        <p className="review-counts" aria-label={`${counts.learning} learning, ${counts.review} to review, ${counts.new} new`}>
          <span className="c-learn">{counts.learning}</span>
          <span className="c-label" aria-hidden="true"> learn</span> · <span className="c-review">{counts.review}</span>
          <span className="c-label" aria-hidden="true"> due</span> · <span className="c-new">{counts.new}</span>
          <span className="c-label" aria-hidden="true"> new</span>
        </p>
        <SyncStatus status={status} />
        <button type="button" className="icon-btn" onClick={() => void undo()} disabled={history.length === 0} aria-keyshortcuts="U" data-testid="undo">
          <span>
            Undo <KeyHint keys="U" />
          </span>
        </button>
        <button type="button" className="icon-btn shortcuts-btn" onClick={showShortcuts} aria-label="Keyboard shortcuts" aria-keyshortcuts="?" aria-haspopup="dialog">
          ?
        </button>
      </div>
      <StorageWarning status={status} />
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <p className="visually-hidden" aria-live="polite" data-testid="announce">
        {message}
      </p>
      {card ? (
        <section className="review-card" aria-label="Card" ref={cardRef} tabIndex={-1}>
          <CardView key={`${card.id}-${history.length}`} card={card} revealed={revealed} answer={answer} result={result} overruled={overruled} onAnswer={onAnswer} />
          {answered && (revealed || (result && !result.correct) || card.explanation) && <Feedback card={card} deckId={data.deck.id} />}
          <div className="review-actions">
            {!answered && !objective && (
              <button type="button" className="btn btn-primary btn-block reveal" onClick={reveal} aria-keyshortcuts="Space" data-testid="reveal">
                Show answer <KeyHint keys="Space" />
              </button>
            )}
            {answered && result && !result.correct && !overruled && card.payload.type === 'typed' && (
              <button
                type="button"
                className="btn overrule"
                data-testid="overrule"
                onClick={() => {
                  setOverruled(true);
                  setMessage('You marked your answer right. Choose a grade.');
                }}
              >
                I was right
              </button>
            )}
            {answered && <GradeBar previews={previews} allowed={allowed} primary={primary} onGrade={grade} />}
            <button type="button" className="link-btn small" onClick={() => void suspend()}>
              Suspend this card
            </button>
            {answered && (
              <ReportProblem
                key={`${card.id}-${history.length}`}
                action={reportCard}
                cardId={card.id}
                source="review"
                open={reportOpen}
                onOpenChange={setReportOpen}
                keyHint={<KeyHint keys="R" />}
                returnFocus={focusCard}
              />
            )}
          </div>
        </section>
      ) : next && 'waitUntil' in next ? (
        <section className="card empty" data-testid="waiting">
          <h2>Nice work — a card is coming back soon</h2>
          <p className="muted">A card you are learning is due again at {new Date(next.waitUntil).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}.</p>
          <button type="button" className="btn" onClick={() => setClock(next.waitUntil)}>
            Show it now
          </button>
        </section>
      ) : (
        <section className="card empty" data-testid="session-done">
          <h2>Done for now</h2>
          <p className="muted" data-testid="session-summary">
            {sessionSummary(session)}
          </p>
          <div className="row" style={{ justifyContent: 'center' }}>
            <a className="btn btn-primary" href="/today">
              Back to Today
            </a>
            <a className="btn" href={`/quiz/${data.deck.id}`}>
              Take a quiz
            </a>
          </div>
        </section>
      )}
    </div>
  );
}
