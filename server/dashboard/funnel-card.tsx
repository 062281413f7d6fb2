// One maintenance's funnel: each stage as a number, a share of the targeted devices, and a bar. The bar is
// decoration (aria-hidden); the text carries the meaning, so nothing depends on colour or on seeing the bar.
import type { Funnel } from './api-types.js';

type StageKey = Exclude<keyof Funnel, 'maintenance'>;

const STAGES: ReadonlyArray<{ key: StageKey; label: string; attention?: boolean }> = [
  { key: 'targeted', label: 'Targeted' },
  { key: 'delivered', label: 'Delivered' },
  { key: 'notified', label: 'Notified' },
  { key: 'responded', label: 'Responded' },
  { key: 'restartStarted', label: 'Restart started' },
  { key: 'completed', label: 'Completed' },
  { key: 'failed', label: 'Failed', attention: true },
  { key: 'pastDeadline', label: 'Past deadline', attention: true },
  { key: 'offline', label: 'Offline', attention: true },
];

const percent = (n: number, of: number): number => (of === 0 ? 0 : Math.round((n / of) * 100));

export function FunnelCard({ funnel }: { funnel: Funnel }) {
  const headingId = `funnel-${funnel.maintenance}`;
  return (
    <section className="card funnel" aria-labelledby={headingId} data-maintenance={funnel.maintenance}>
      <h3 id={headingId}>{funnel.maintenance}</h3>
      <ol className="stages">
        {STAGES.map(({ key, label, attention }) => {
          const n = funnel[key];
          const pct = percent(n, funnel.targeted);
          return (
            <li key={key} className={attention ? 'stage attention' : 'stage'} data-stage={key}>
              <span className="stage-label">{label}</span>
              <span className="bar" aria-hidden="true"><span className="fill" style={{ width: `${pct}%` }} /></span>
              <span className="stage-count">
                <strong className="count">{n}</strong> of {funnel.targeted} ({pct}%)
                {key === 'responded' && <span className="sub">acknowledged {funnel.acknowledged}, deferred {funnel.deferred}</span>}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
