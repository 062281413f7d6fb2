// What every view gets from the shell: the latest snapshot, the bridge, the words in the reader's language,
// date formatting in the computer's zone, the live plan time, and a way to move to another view.
import { createContext, useContext } from 'react';
import type { AgentBridge, Snapshot, ViewRequestArg } from '../core/agent-api.js';
import type { UiText } from '../core/messages/index.js';

export interface Formatters {
  /** "Tuesday, December 8 at 10:00 PM" in the computer's zone. */
  dateTime(instant: number): string;
  /** "10:00 PM". */
  time(instant: number): string;
  /** "in 3 hours", against the live plan time. */
  relative(instant: number): string;
  /** "1 hour, 5 minutes". */
  duration(seconds: number): string;
}

export interface ViewContext {
  snapshot: Snapshot;
  bridge: AgentBridge;
  ui: UiText;
  fmt: Formatters;
  /** The plan's time now: snapshot.at plus the time since it arrived (ticks every second). */
  now: number;
  route: ViewRequestArg;
  /** Shows another view in this window. */
  navigate(route: ViewRequestArg): void;
  /** Takes a snapshot an action answered with (the 'snapshot-changed' event may come later). */
  accept(snapshot: Snapshot): void;
}

export const ViewContextValue = createContext<ViewContext | null>(null);

export function useView(): ViewContext {
  const ctx = useContext(ViewContextValue);
  if (ctx === null) throw new Error('useView() outside the app shell');
  return ctx;
}
