/**
 * What plan() reads (the computer, the agent's own memory) and what it decides. Instants are epoch
 * milliseconds (UTC); durations in settings and schedules are whole seconds.
 */

/** Signs that the person is in the middle of something: any one of them holds non-urgent interruptions. */
export interface BusySignals {
  fullscreen?: boolean;
  presenting?: boolean;
  camera?: boolean;
  microphone?: boolean;
  screenSharing?: boolean;
  doNotDisturb?: boolean;
}

/** The computer plan() decides for, as the engine sees it right now. */
export interface DeviceContext {
  /** IANA zone, e.g. "Europe/Paris": local schedule times are read on this clock. */
  zone: string;
  locale: string;
  /** From the managed config: who this computer is, for the audience of each maintenance. */
  groups: string[];
  tags: string[];
  busy: BusySignals;
  /** The OS reports an update waiting for a restart. */
  restartPending: boolean;
  /** When the computer last started (epoch ms). */
  lastBoot: number;
}

/** What the agent remembers about one maintenance; the engine persists it, plan() only reads it. */
export interface MaintenanceState {
  /** Notice ids shown, or superseded by a notice that was shown (catch-up, a later warning). */
  noticesShown: string[];
  acknowledgedAt?: number;
  deferrals: { count: number; until?: number };
  /** A restart time the person picked: a promise, the restart happens then. */
  pickedRestartAt?: number;
  /**
   * When the restart became pending: the grace period counts from here (from the next start of active hours when
   * this is outside them, for a non-critical maintenance).
   */
  pendingSince?: number;
  promptShownAt?: number;
  completedAt?: number;
}

/** The agent's memory, per maintenance id. */
export interface AgentState {
  maintenances: Record<string, MaintenanceState>;
  /** When the engine last planned: a notice that came due after it, and long ago, was missed (asleep, off). */
  lastPlannedAt?: number;
}

/** The tray's one word. 'error' is never returned by plan(): the engine sets it for a rejected or expired schedule. */
export type PlanStatus = 'idle' | 'upcoming' | 'action-needed' | 'restart-pending' | 'overdue' | 'error';

export type NoticeKind =
  | 'advance' | 'starting' | 'finished-restart-needed' | 'all-done' | 'catch-up' | 'reminder' | 'incident'
  | 'forced-warning' | 'deadline-passed';

/** Where a maintenance stands, as a catch-up notice tells it (notice.catchUp.* messages). */
export type Stage = 'upcoming' | 'in-progress' | 'restart-needed' | 'all-done' | 'incident';

/** What a message needs to say it, as of the plan's `now`. */
export interface NoticeFacts {
  stage: Stage;
  /** Window start and end (instants, resolved in the computer's zone). */
  start: number;
  end: number;
  restartRequired: boolean;
  /** How many steps the maintenance lists (messages pluralise on it). */
  steps: number;
  /** The restart deadline the person is told: the effective one (grace included), for restart maintenances. */
  deadline?: number;
  /** The deadline as the schedule wrote it (resolved), when it differs from `deadline`. */
  scheduleDeadline?: number;
  /** When the restart will be forced (the effective deadline, or the picked time). */
  forcedAt?: number;
  deferralsLeft?: number;
  /** Whole minutes (rounded up) from now to what the notice is about: the start, or the forced restart. */
  minutesLeft?: number;
  /** The notice asks for "I have read this" (incidents). */
  acknowledgementNeeded?: boolean;
}

export interface NoticeDue {
  /** Stable: "<maintenance>:<kind>[:<detail>]", e.g. "2026-12-patch:advance:86400". Shown at most once. */
  id: string;
  maintenance: string;
  kind: NoticeKind;
  /** When it was due (for a catch-up: when the newest thing it stands for was due). */
  at: number;
  facts: NoticeFacts;
  /** Ids this notice stands in for: the engine records them as shown with it (markShown does). */
  supersedes?: string[];
}

export type RestartChoice =
  | { kind: 'restart-now' }
  | { kind: 'defer'; seconds: number; until: number }
  | { kind: 'pick-time'; earliest: number; latest: number };

export interface RestartPrompt {
  maintenance: string;
  /** The effective deadline: when the restart is forced (the picked time, if earlier). */
  deadline: number;
  deferralsLeft: number;
  choices: RestartChoice[];
  /** false in the final countdown: it cannot be closed or put off. */
  dismissible: boolean;
}

/** How close a pending restart is to its effective deadline (Nudge's phases). */
export type Phase = 'initial' | 'approaching' | 'imminent' | 'overdue';

export interface Plan {
  status: PlanStatus;
  /** The most urgent maintenance (what the tray's tooltip and menu talk about). */
  focus?: string;
  /** Notices to show now, oldest first. */
  notices: NoticeDue[];
  prompt?: RestartPrompt;
  countdown?: { maintenance: string; restartAt: number };
  /** The earliest forced restart of all pending restarts. */
  forcedRestartAt?: number;
  /** Facts the engine must persist (restarts that became pending at this plan). */
  remember: Array<{ maintenance: string; pendingSince: number }>;
  /** When to plan again at the latest: > now, <= now + maxSleep. */
  nextWake: number;
}
