'use client';
/**
 * While the "Fit now" form is pending, asks the server every half second how far the fit is
 * and says it in words (the optimiser's epochs, then the cards being replayed).
 */
import { useEffect, useState } from 'react';
import { useFormStatus } from 'react-dom';

type Progress = { phase: 'fitting' | 'checking' | 'replaying'; done: number; total: number } | null;

export function FitProgress() {
  const { pending } = useFormStatus();
  const [progress, setProgress] = useState<Progress>(null);
  useEffect(() => {
    if (!pending) return;
    let stop = false;
    const tick = async () => {
      try {
        const res = await fetch('/api/fsrs/progress', { cache: 'no-store' });
        if (res.ok && !stop) setProgress(((await res.json()) as { progress: Progress }).progress);
      } catch {
        // Offline or restarting: the button still says it is working.
      }
    };
    const timer = setInterval(() => void tick(), 500);
    void tick();
    return () => {
      stop = true;
      clearInterval(timer);
      setProgress(null);
    };
  }, [pending]);
  if (!pending || !progress) return null;
  const share = progress.total > 0 ? Math.round((100 * progress.done) / progress.total) : 0;
  return (
    <p className="muted" role="status" data-testid="fit-progress" style={{ margin: 0 }}>
      {progress.phase === 'replaying' ? `Updating your cards: ${progress.done} of ${progress.total}` : `Fitting to your reviews: ${share}%`}
    </p>
  );
}
