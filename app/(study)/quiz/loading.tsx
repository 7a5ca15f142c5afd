/** Shown while a quiz page loads on a slow connection. */
export default function QuizLoading() {
  return (
    <div className="card" role="status" aria-live="polite">
      <p className="muted" style={{ margin: 0 }}>
        Loading the quiz…
      </p>
    </div>
  );
}
