// Time left until an instant: shown every second, but announced to screen readers at a polite pace (every five
// minutes, then every minute, then every fifteen seconds in the last minute), never every second.
import { useView } from './view-context.js';

const MINUTE = 60;

/** The remaining seconds rounded to what is worth saying aloud now. */
export function announceStep(seconds: number): number {
  if (seconds > 10 * MINUTE) return Math.ceil(seconds / (5 * MINUTE)) * 5 * MINUTE;
  if (seconds > MINUTE) return Math.ceil(seconds / MINUTE) * MINUTE;
  return Math.ceil(seconds / 15) * 15;
}

export function LiveCountdown({ until }: { until: number }) {
  const { now, ui, fmt } = useView();
  const seconds = Math.max(0, Math.round((until - now) / 1000));
  // Over an hour, seconds are noise: whole minutes.
  const shown = seconds > 3600 ? Math.floor(seconds / MINUTE) * MINUTE : seconds;
  return (
    <div className="countdown">
      <p className="countdown-time" aria-hidden="true" data-seconds={seconds}>{ui.t('ui.prompt.timeLeft', { duration: fmt.duration(shown) })}</p>
      <p className="visually-hidden" role="timer" aria-live="polite" aria-atomic="true">
        {ui.t('ui.prompt.timeLeft', { duration: fmt.duration(announceStep(seconds)) })}
      </p>
    </div>
  );
}
