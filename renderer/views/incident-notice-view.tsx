// An incident or outage notice: what is going on and what to do, with "I have read this" (IT sees who has).
import { ActionResultMessage, useAction } from '../action-result.js';
import { pickNotice } from '../pick-notice.js';
import { useView } from '../view-context.js';
import { ViewHeading } from '../view-heading.js';

export function IncidentNoticeView() {
  const { snapshot, route, ui, bridge, fmt } = useView();
  const action = useAction();
  const notice = pickNotice(snapshot, route, true);
  if (notice === undefined) return <><ViewHeading>{ui.t('ui.notice.none')}</ViewHeading><p>{snapshot.tray.label}</p></>;
  const maintenance = snapshot.maintenances.find((m) => m.id === notice.maintenance);
  const read = notice.acknowledged || maintenance?.acknowledgedAt !== undefined;
  return (
    <article className="notice incident" data-view="incident">
      {/* A catch-up notice is titled "While you were away": the incident's own title says more. */}
      <ViewHeading>{notice.kind === 'catch-up' && maintenance !== undefined ? maintenance.title : notice.title}</ViewHeading>
      <p className="lead">{notice.body}</p>
      {maintenance !== undefined && maintenance.steps.length > 0 && (
        <section className="card" aria-labelledby="incident-steps">
          <h2 id="incident-steps">{ui.t('ui.steps')}</h2>
          <ol className="steps">{maintenance.steps.map((s, i) => <li key={i} dir="auto">{s}</li>)}</ol>
        </section>
      )}
      <p className="when">{fmt.dateTime(notice.at)}</p>
      <div className="actions">
        {read ? <p className="done-note">{ui.t('ui.notice.read')}</p> : (
          <button type="button" className="primary" aria-disabled={action.busy || undefined}
            onClick={() => void action.run(() => bridge.acknowledge(notice.maintenance), () => ui.t('ui.result.acknowledged'))}>
            {ui.t('incident.acknowledge')}
          </button>
        )}
      </div>
      <ActionResultMessage action={action} />
    </article>
  );
}
