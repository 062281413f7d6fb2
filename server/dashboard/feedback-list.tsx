// What people wrote back from the notice ("feedback" events), oldest first. Text is rendered as text (React
// escapes it), never as HTML: it comes from any device in the fleet.
import type { FeedbackItem } from './api-types.js';
import { formatTime } from './format.js';

export function FeedbackList({ items }: { items: FeedbackItem[] | null }) {
  return (
    <section className="card feedback" aria-labelledby="feedback-title">
      <h2 id="feedback-title">Feedback</h2>
      {items === null && <p className="hint">Loading feedback…</p>}
      {items !== null && items.length === 0 && <p>No feedback yet.</p>}
      {items !== null && items.length > 0 && (
        <ul className="feedback-items">
          {items.map((f) => (
            <li key={f.id}>
              <blockquote>{f.text ?? '(empty)'}</blockquote>
              <p className="meta">
                {f.device} · <time dateTime={f.at}>{formatTime(f.at)}</time>
                {f.maintenance && <> · {f.maintenance}</>}
                {f.contact && <> · contact: {f.contact}</>}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
