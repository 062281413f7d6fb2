// The restart prompt: what will happen and when, time left, the deadline, how many times it can still be put
// off, and exactly the choices plan() allows now (snapshot.prompt.choices): restart now, each "remind me in",
// and a time picker limited to the offered range.
import { ActionResultMessage, useAction } from '../action-result.js';
import { LiveCountdown } from '../live-countdown.js';
import { MaintenanceDetails } from '../maintenance-details.js';
import { PickTimeForm } from '../pick-time-form.js';
import { useView } from '../view-context.js';
import { ViewHeading } from '../view-heading.js';

export function RestartPromptView() {
  const { snapshot, ui, fmt, bridge } = useView();
  const action = useAction();
  const prompt = snapshot.prompt;
  if (prompt === undefined) {
    return (
      <article data-view="restart-prompt">
        <ViewHeading>{snapshot.tray.label}</ViewHeading>
        <ActionResultMessage action={action} />
      </article>
    );
  }
  const maintenance = snapshot.maintenances.find((m) => m.id === prompt.maintenance);
  const restarted = () => `${ui.t('forced.restartingNow')}${snapshot.dryRun ? ` ${ui.t('ui.result.dryRun')}` : ''}`;
  return (
    <article className="prompt" data-view="restart-prompt">
      <ViewHeading>{prompt.title}</ViewHeading>
      <p className="lead">{prompt.body}</p>
      <LiveCountdown until={prompt.deadline} />
      <p className="deadline">{ui.t('ui.prompt.deadline', { deadline: fmt.dateTime(prompt.deadline) })}</p>
      <p className="deferrals-left" data-deferrals-left={prompt.deferralsLeft}>{prompt.deferralsLeftText}</p>
      <p className="save-work">{ui.t('prompt.saveWork')}</p>
      <section aria-labelledby="choices-heading" className="choices">
        <h2 id="choices-heading">{ui.t('ui.prompt.choices')}</h2>
        <div className="choice-buttons">
          {prompt.choices.map((c) => {
            if (c.kind === 'restart-now') {
              return (
                <button key="restart-now" type="button" className="primary" data-choice="restart-now" aria-disabled={action.busy || undefined}
                  onClick={() => void action.run(() => bridge.restartNow(prompt.maintenance), restarted)}>{c.label}</button>
              );
            }
            if (c.kind === 'defer') {
              return (
                <button key={`defer-${c.seconds}`} type="button" data-choice="defer" data-seconds={c.seconds} aria-disabled={action.busy || undefined}
                  onClick={() => void action.run(() => bridge.defer(prompt.maintenance, { kind: 'defer', seconds: c.seconds }),
                    () => ui.t('ui.result.deferred', { relative: fmt.relative(c.until) }))}>{c.label}</button>
              );
            }
            return null;
          })}
        </div>
        {prompt.choices.map((c) => c.kind === 'pick-time' && (
          <PickTimeForm key="pick-time" maintenance={prompt.maintenance} earliest={c.earliest} latest={c.latest} action={action} />
        ))}
      </section>
      <ActionResultMessage action={action} />
      {maintenance !== undefined && <MaintenanceDetails maintenance={maintenance} />}
    </article>
  );
}
