// Every action shows its result: ok -> the new snapshot is taken and a short confirmation is shown; refused ->
// the agent's own message, calmly, in a polite live region (never an alarm). Buttons are never `disabled` while
// a request runs (that would drop keyboard focus to the page): they say aria-disabled, and a second press waits.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionResult, Snapshot } from '../core/agent-api.js';
import { useView } from './view-context.js';

export type Outcome = { kind: 'ok'; message: string } | { kind: 'refused'; message: string };

export interface Action {
  busy: boolean;
  outcome: Outcome | undefined;
  /** Runs `request`; on ok takes the new snapshot and shows `done(snapshot)`, else the refusal. */
  run(request: () => Promise<ActionResult>, done: (snapshot: Snapshot) => string): Promise<boolean>;
  clear(): void;
}

export function useAction(): Action {
  const { accept, ui } = useView();
  const [busy, setBusy] = useState(false);
  // A ref as well as state: a second click before the re-render must not send the request twice.
  const inFlight = useRef(false);
  const [outcome, setOutcome] = useState<Outcome | undefined>(undefined);
  const run = useCallback(async (request: () => Promise<ActionResult>, done: (snapshot: Snapshot) => string) => {
    if (inFlight.current) return false;
    inFlight.current = true;
    setBusy(true);
    try {
      const result = await request();
      if (result.ok) {
        accept(result.snapshot);
        setOutcome({ kind: 'ok', message: done(result.snapshot) });
        return true;
      }
      setOutcome({ kind: 'refused', message: result.error.message });
      return false;
    } catch (err) {
      // The bridge itself failed (agent gone, preview stopped): say so without a stack trace.
      setOutcome({ kind: 'refused', message: ui.t('ui.noAgent') + (err instanceof Error && err.message ? ` (${err.message})` : '') });
      return false;
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  }, [accept, ui]);
  return { busy, outcome, run, clear: () => setOutcome(undefined) };
}

/**
 * The result of the last action, read out politely by screen readers. Always rendered, so it is announced. When
 * the action removed the control that had focus (the last "remind me", "I have read this"), focus moves here
 * instead of falling back to the top of the page.
 */
export function ActionResultMessage({ action }: { action: Action }) {
  const { ui } = useView();
  const o = action.outcome;
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (o !== undefined && (document.activeElement === null || document.activeElement === document.body)) ref.current?.focus();
  }, [o]);
  return (
    <div className="result" role="status" aria-live="polite" tabIndex={-1} ref={ref}>
      {o?.kind === 'ok' && <p className="result-ok" data-result="ok">{o.message}</p>}
      {o?.kind === 'refused' && (
        <div className="result-refused" data-result="refused">
          <p className="result-title">{ui.t('ui.result.refused')}</p>
          <p>{o.message}</p>
        </div>
      )}
    </div>
  );
}
