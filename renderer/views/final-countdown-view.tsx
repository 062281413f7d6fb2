// The final countdown: the restart can no longer be put off. No close or "later" control (the shell also hides
// the page navigation and ignores Escape here); it says when the restart happens and offers Restart now.
import { ActionResultMessage, useAction } from '../action-result.js';
import { LiveCountdown } from '../live-countdown.js';
import { useView } from '../view-context.js';
import { ViewHeading } from '../view-heading.js';

export function FinalCountdownView() {
  const { snapshot, ui, fmt, bridge } = useView();
  const action = useAction();
  const countdown = snapshot.countdown;
  const restartAt = countdown?.restartAt ?? snapshot.forcedRestartAt ?? snapshot.prompt?.deadline;
  const maintenance = countdown?.maintenance ?? snapshot.prompt?.maintenance ?? snapshot.focus?.id;
  const restarted = () => `${ui.t('forced.restartingNow')}${snapshot.dryRun ? ` ${ui.t('ui.result.dryRun')}` : ''}`;
  return (
    <article className="final-countdown" data-view="countdown">
      <ViewHeading>{countdown?.title ?? snapshot.tray.label}</ViewHeading>
      {restartAt !== undefined && (
        <>
          <p className="lead">{ui.t('ui.countdown.at', { time: fmt.time(restartAt) })}</p>
          <LiveCountdown until={restartAt} />
        </>
      )}
      <p className="save-work">{ui.t('prompt.saveWork')}</p>
      {maintenance !== undefined && (
        <div className="actions">
          <button type="button" className="primary" data-choice="restart-now" aria-disabled={action.busy || undefined}
            onClick={() => void action.run(() => bridge.restartNow(maintenance), restarted)}>{ui.t('prompt.choice.restartNow')}</button>
        </div>
      )}
      <ActionResultMessage action={action} />
    </article>
  );
}
