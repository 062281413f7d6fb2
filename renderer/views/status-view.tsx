// "Am I up to date?": the tray's status in words, what is coming, when the agent last heard from IT, which
// plan (schedule version) it follows and until when, and any problem in plain words. "Check now" asks again.
import { ActionResultMessage, useAction } from '../action-result.js';
import type { UiMessageId } from '../../core/messages/index.js';
import type { Snapshot } from '../../core/agent-api.js';
import { useView } from '../view-context.js';
import { ViewHeading } from '../view-heading.js';

const OUTCOME: Record<NonNullable<Snapshot['lastCheck']>['outcome'], UiMessageId> = {
  updated: 'ui.status.updated', unchanged: 'ui.status.unchanged', rejected: 'ui.status.rejected', unreachable: 'ui.status.unreachable',
};

export function StatusView() {
  const { snapshot, ui, fmt, bridge, now, navigate } = useView();
  const action = useAction();
  // Still to come, or done but waiting for its restart (the window is over, the restart is not).
  const waiting = new Set([snapshot.prompt?.maintenance, snapshot.focus?.id]);
  const coming = snapshot.maintenances.filter((m) => m.completedAt === undefined && (m.end > now || waiting.has(m.id)));
  const schedule = snapshot.schedule;
  const viewFor = (id: string) => (id === snapshot.prompt?.maintenance ? 'restart-prompt' as const : 'notice' as const);
  return (
    <article data-view="status">
      <ViewHeading>{ui.t('ui.status.title')}</ViewHeading>
      <p className="lead status-line" data-status={snapshot.tray.status}>{snapshot.tray.label}</p>
      {snapshot.errors.length > 0 && (
        <section className="card attention" aria-labelledby="problems-heading">
          <h2 id="problems-heading">{ui.t('ui.status.problems')}</h2>
          <ul>{snapshot.errors.map((e) => <li key={e.kind} data-error={e.kind}>{e.message}</li>)}</ul>
        </section>
      )}
      <section aria-labelledby="coming-heading">
        <h2 id="coming-heading">{ui.t('ui.status.coming')}</h2>
        <p>{ui.t('status.pending', { count: coming.length })}</p>
        {coming.length > 0 && (
          <ul className="coming">
            {coming.map((m) => (
              <li key={m.id}>
                <a href={`#/${viewFor(m.id)}?maintenance=${encodeURIComponent(m.id)}`} dir="auto"
                  onClick={(e) => { e.preventDefault(); navigate({ view: viewFor(m.id), maintenance: m.id }); }}>{m.title}</a>
                <span className="when">{ui.t('ui.window', { start: fmt.dateTime(m.start), end: fmt.dateTime(m.end) })}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label={ui.t('ui.status.checkNow')}>
        <p data-last-check={snapshot.lastCheck?.outcome ?? 'never'}>
          {snapshot.lastCheck === undefined ? ui.t('ui.status.notChecked')
            : `${ui.t('status.lastChecked', { when: fmt.relative(snapshot.lastCheck.at) })} ${ui.t(OUTCOME[snapshot.lastCheck.outcome])}`}
        </p>
        {schedule !== undefined && (
          <p data-schedule-version={schedule.version}>
            {ui.t('ui.status.plan', { count: String(schedule.version), deadline: fmt.dateTime(Date.parse(schedule.expires)) })}
          </p>
        )}
        <div className="actions">
          <button type="button" aria-disabled={action.busy || undefined}
            onClick={() => void action.run(() => bridge.checkNow(), (s) => (s.lastCheck === undefined ? ui.t('ui.status.notChecked') : ui.t(OUTCOME[s.lastCheck.outcome])))}>{ui.t('ui.status.checkNow')}</button>
        </div>
        <ActionResultMessage action={action} />
      </section>
    </article>
  );
}
