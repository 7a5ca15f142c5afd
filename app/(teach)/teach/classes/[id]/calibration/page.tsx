import type { Metadata } from 'next';
import '@/components/teach/teach.css';
import { classCalibrationFor } from '@/db/queries/class-calibration';
import { now } from '@/lib/clock';
import { bandLabel, calibrationVerdict, type CalibrationRow } from '@/lib/teach/calibration';
import { BackToClass, ownClassOr404 } from '../../_lib/own-class';

export const metadata: Metadata = { title: 'Memory model calibration' };

const pct = (x: number) => `${Math.round(x * 100)}%`;
const VERDICT = {
  too_few: { label: 'Too few reviews', badge: 'badge' },
  good: { label: 'Matches', badge: 'badge badge-good' },
  over: { label: 'Predicts too high', badge: 'badge badge-warn' },
  under: { label: 'Predicts too low', badge: 'badge badge-accent' },
} as const;

function Cells({ row }: { row: CalibrationRow }) {
  const v = VERDICT[calibrationVerdict(row)];
  return (
    <>
      <td className="num" data-label="Reviews">
        {row.reviews.toLocaleString('en')}
      </td>
      <td className="num" data-label="Predicted">
        {pct(row.predicted)}
      </td>
      <td className="num" data-label="Remembered">
        {pct(row.observed)}
      </td>
      <td data-label="Verdict">
        <span className={v.badge}>{v.label}</span>
      </td>
    </>
  );
}

/** Does FSRS's predicted recall match what this class remembers? Per section and per band of prediction, last 90 days. */
export default async function CalibrationPage({ params }: { params: Promise<{ id: string }> }) {
  const { user, cls } = await ownClassOr404((await params).id);
  const cal = await classCalibrationFor(user.id, cls.id, now(), 90);
  return (
    <div className="stack">
      <div>
        <BackToClass cls={cls} />
        <h1>Memory model calibration</h1>
        <p className="muted" style={{ margin: 0, maxWidth: '46rem' }}>
          Each review of a learned card in the last 90 days, on the decks assigned to this class: the recall FSRS predicted for that moment, against whether the student
          remembered. Where they match, the memory goals’ predicted recall can be trusted.
        </p>
      </div>
      {cal.total.reviews === 0 ? (
        <section className="card" data-testid="calibration-empty">
          <p style={{ margin: 0 }}>No reviews of learned cards in the last 90 days yet. Predictions can be checked once students come back to cards they have learned.</p>
        </section>
      ) : (
        <>
          <section className="card teach-section" aria-labelledby="cal-overall">
            <h2 id="cal-overall">Overall</h2>
            <p data-testid="calibration-total" style={{ margin: 0 }}>
              Predicted {pct(cal.total.predicted)}, remembered {pct(cal.total.observed)} over {cal.total.reviews.toLocaleString('en')} reviews.
            </p>
          </section>
          <section className="card teach-section" aria-labelledby="cal-sections">
            <h2 id="cal-sections">By section</h2>
            <div className="table-wrap">
              <table className="data-table" data-testid="calibration-sections">
                <thead>
                  <tr>
                    <th scope="col">Section</th>
                    <th scope="col" className="num">Reviews</th>
                    <th scope="col" className="num">Predicted</th>
                    <th scope="col" className="num">Remembered</th>
                    <th scope="col">Verdict</th>
                  </tr>
                </thead>
                <tbody>
                  {cal.sections.map((s) => (
                    <tr key={s.sectionId}>
                      <td className="cell-main">
                        {s.title}
                        <span className="muted small" style={{ display: 'block', fontWeight: 400 }}>
                          {s.deckTitle}
                        </span>
                      </td>
                      <Cells row={s} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section className="card teach-section" aria-labelledby="cal-bands">
            <h2 id="cal-bands">By predicted recall</h2>
            <p className="muted small" style={{ marginTop: 0 }}>
              A reliability table: in each band of prediction, the share actually remembered should fall in the band.
            </p>
            <div className="table-wrap">
              <table className="data-table" data-testid="calibration-bands">
                <thead>
                  <tr>
                    <th scope="col">Predicted</th>
                    <th scope="col" className="num">Reviews</th>
                    <th scope="col" className="num">Mean predicted</th>
                    <th scope="col" className="num">Remembered</th>
                    <th scope="col">Verdict</th>
                  </tr>
                </thead>
                <tbody>
                  {cal.bands.map((b) => (
                    <tr key={b.band}>
                      <td className="cell-main">{bandLabel(b.band)}</td>
                      <Cells row={b} />
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      )}
    </div>
  );
}
