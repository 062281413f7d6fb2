// One device's events in the order they happened on it (the server orders them). Focus moves to the heading
// when it opens, so a keyboard or screen-reader user lands on what they asked for.
import { useEffect, useRef } from 'react';
import type { Timeline, TimelineEvent } from './api-types.js';
import { formatTime, stateLabel } from './format.js';

/** Fields every event has; the rest (choice, until, reason, text…) are the details. */
const COMMON = new Set(['id', 'type', 'at', 'maintenance', 'receivedAt', 'device']);

function details(e: TimelineEvent): string {
  const parts = Object.entries(e)
    .filter(([k, v]) => !COMMON.has(k) && v !== null && v !== undefined && v !== '')
    .map(([k, v]) => `${k}: ${typeof v === 'string' ? v : JSON.stringify(v)}`);
  return parts.length > 0 ? parts.join(' · ') : '—';
}

export function DeviceTimeline(props: { device: string; timeline: Timeline | null; loading: boolean; onClose: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), [props.device]);
  const events = props.timeline?.events ?? [];
  return (
    <section className="card timeline" id="timeline" aria-labelledby="timeline-title" aria-busy={props.loading}>
      <div className="section-head">
        <h2 id="timeline-title" tabIndex={-1} ref={heading}>Timeline of {props.device}</h2>
        <button type="button" onClick={props.onClose}>Close timeline</button>
      </div>
      {props.timeline && <p className="hint">Last seen {formatTime(props.timeline.lastSeen)}. {events.length} {events.length === 1 ? 'event' : 'events'}, oldest first.</p>}
      {props.loading && <p className="hint">Loading the timeline…</p>}
      {props.timeline && events.length === 0 && <p>This device has sent no events yet.</p>}
      {events.length > 0 && (
        <ol className="events">
          {events.map((e) => (
            <li key={e.id} className="event" data-type={e.type}>
              <time dateTime={e.at}>{formatTime(e.at)}</time>
              <span className="event-type">{stateLabel(e.type)}</span>
              <span className="event-maintenance">{e.maintenance ?? 'no maintenance'}</span>
              <span className="event-details">{details(e)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
