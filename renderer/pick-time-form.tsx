// "Pick a time": a date-and-time field limited to the range plan() offers, in the computer's own zone (which
// may differ from the browser's in the preview), checked again here before it is sent.
import { useId, useState } from 'react';
import { localToInstant, wallClockAt } from '../core/time/zoned.js';
import type { Action } from './action-result.js';
import { useView } from './view-context.js';

const MINUTE = 60_000;

/** "2026-12-09T14:30" for an instant, as the wall clock reads in `zone`. */
function toField(instant: number, zone: string): string {
  return new Date(wallClockAt(instant, zone)).toISOString().slice(0, 16);
}

/** The instant a field value means in `zone`, or undefined when it is not a date and time. */
function fromField(value: string, zone: string): number | undefined {
  const wall = Date.parse(`${value}:00Z`);
  return Number.isFinite(wall) ? localToInstant(wall, zone) : undefined;
}

export function PickTimeForm({ maintenance, earliest, latest, action }: {
  maintenance: string; earliest: number; latest: number; action: Action;
}) {
  const { snapshot, ui, fmt, bridge } = useView();
  const id = useId();
  const first = Math.ceil(earliest / MINUTE) * MINUTE;
  const last = Math.floor(latest / MINUTE) * MINUTE;
  const [value, setValue] = useState(() => toField(first, snapshot.zone));
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const range = ui.t('ui.pickTime.outOfRange', { start: fmt.dateTime(first), latest: fmt.dateTime(last) });

  const submit = async (e: React.FormEvent) => {
    e.preventDefault();
    const at = fromField(value, snapshot.zone);
    if (at === undefined || at < first || at > last) {
      setProblem(range);
      document.getElementById(`${id}-input`)?.focus();
      return;
    }
    setProblem(undefined);
    await action.run(() => bridge.defer(maintenance, { kind: 'pick-time', at }), () => ui.t('ui.result.picked', { relative: fmt.relative(at) }));
  };

  return (
    <form className="pick-time" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend>{ui.t('prompt.choice.pickTime')}</legend>
        <p id={`${id}-hint`} className="hint">{ui.t('prompt.pickTime.latest', { latest: fmt.dateTime(last) })}</p>
        <label htmlFor={`${id}-input`}>{ui.t('ui.pickTime.label')}</label>
        <input
          id={`${id}-input`} type="datetime-local" value={value} required
          min={toField(first, snapshot.zone)} max={toField(last, snapshot.zone)} step={60}
          aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`} aria-invalid={problem !== undefined}
          onChange={(e) => setValue(e.target.value)}
        />
        {problem !== undefined && <p id={`${id}-problem`} className="field-problem">{problem}</p>}
        <button type="submit" aria-disabled={action.busy || undefined}>{ui.t('ui.pickTime.confirm')}</button>
      </fieldset>
    </form>
  );
}
