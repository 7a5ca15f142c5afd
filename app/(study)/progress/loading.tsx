/** Shown while /progress computes its numbers (a long history takes a moment). */
export default function ProgressLoading() {
  return (
    <div className="card empty" aria-busy="true">
      <p className="muted">Adding up your reviews…</p>
    </div>
  );
}
