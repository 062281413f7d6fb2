/**
 * The AgentApi contract (ARCHITECTURE.md, "The AgentApi contract"): the ONE place that says what the views may
 * ask the agent and what the agent pushes to them, as typed maps in the GitHub Desktop style. preload/ (ipc),
 * main/electron/ipc.ts (handlers), the preview bridge and the engine all derive their types from these maps, so
 * a wrong channel or argument is a compile error; every argument is also checked at runtime with the zod
 * schemas below, because it crossed a process boundary and the other side may be compromised.
 *
 * Pure data only: no clock, no I/O. Instants are epoch milliseconds (UTC).
 */
import { z } from 'zod';
import { MAINTENANCE_ID } from './events/index.js';
import type { DeferRefusal, NoticeKind, PlanStatus, RestartChoice } from './policy/index.js';
import type { Link, Policy, Support } from './schedule/index.js';

// ------------------------------------------------------------------------------------------------ arguments

const maintenanceId = z.string().regex(MAINTENANCE_ID, { error: 'must be a maintenance id' });

/** What the person chose in the restart prompt: one of the offered deferrals, or a time they picked. */
export const deferChoiceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('defer'), seconds: z.number().int().positive().max(366 * 86_400) }),
  z.strictObject({ kind: z.literal('pick-time'), at: z.number().int().nonnegative() }),
], { error: 'must be {kind: "defer", seconds} or {kind: "pick-time", at}' });
export type DeferChoiceArg = z.output<typeof deferChoiceSchema>;

/** "Report a problem": the person's words, optionally how to reach them and which maintenance it is about. */
export const problemReportSchema = z.strictObject({
  text: z.string().trim().min(1, { error: 'must not be empty' }).max(4000),
  contact: z.string().trim().min(1).max(200).optional(),
  maintenance: maintenanceId.optional(),
});
export type ProblemReport = z.output<typeof problemReportSchema>;

/** Only web links leave the app (never file:, javascript:, custom schemes). */
export const helpLinkSchema = z.string().max(2048).refine((s) => {
  try {
    const u = new URL(s);
    return u.protocol === 'https:' || u.protocol === 'http:';
  } catch {
    return false;
  }
}, { error: 'must be an http(s) URL' });

export const VIEW_NAMES = ['notice', 'restart-prompt', 'countdown', 'how-we-patch', 'help', 'incident', 'feedback', 'status'] as const;
export type ViewName = (typeof VIEW_NAMES)[number];
export const viewRequestSchema = z.strictObject({
  view: z.enum(VIEW_NAMES),
  maintenance: maintenanceId.optional(),
  notice: z.string().min(1).max(300).optional(),
});
export type ViewRequestArg = z.output<typeof viewRequestSchema>;

/**
 * The argument list of every request, as a zod tuple: main's handlers and the preview bridge parse with these
 * before anything reaches the engine (`parseRequest`).
 */
export const REQUEST_ARGS = {
  getSnapshot: z.tuple([]),
  acknowledge: z.tuple([maintenanceId]),
  defer: z.tuple([maintenanceId, deferChoiceSchema]),
  restartNow: z.tuple([maintenanceId]),
  reportProblem: z.tuple([problemReportSchema]),
  checkNow: z.tuple([]),
  openHelpLink: z.tuple([helpLinkSchema]),
  openView: z.tuple([viewRequestSchema]),
} as const;
export type RequestChannel = keyof typeof REQUEST_ARGS;
export const REQUEST_CHANNELS = Object.keys(REQUEST_ARGS) as RequestChannel[];

// ------------------------------------------------------------------------------------------------ results

/** Why a request was refused: the policy's refusals, plus what the engine itself can say. */
export type ActionErrorCode =
  | DeferRefusal
  /** No valid schedule (none yet, expired, rejected): nothing to act on. */
  | 'no-schedule'
  /** The argument did not pass its schema (the message names the field). */
  | 'invalid-argument'
  /** The restart command failed (the event `failed` says why). */
  | 'restart-failed'
  /** The engine is not running yet or any more. */
  | 'not-running';

export interface ActionError {
  code: ActionErrorCode;
  /** Plain language for the views, in the reader's language (core/messages); the detail is for IT and the logs. */
  message: string;
  detail?: string;
}

/** Every action answers with the snapshot after it, or a typed refusal; it never throws across the boundary. */
export type ActionResult = { ok: true; snapshot: Snapshot } | { ok: false; error: ActionError };

// ------------------------------------------------------------------------------------------------ snapshot

/** Why the agent cannot show the current schedule (the tray turns to 'error' for each). */
export type AgentErrorKind =
  /** The managed config file is missing or invalid: IT must fix it. */
  | 'no-config'
  /** No schedule accepted yet (first run, server unreachable). */
  | 'no-schedule'
  /** The last good schedule expired and the server has no newer one (a freeze, or IT forgot to re-sign). */
  | 'expired-schedule'
  /** The server offered a schedule that failed verification; the last good one stays in use. */
  | 'rejected-schedule'
  /** Enrolling failed (bad token, id already enrolled): IT must act. */
  | 'enrollment'
  /** The state store could not be opened (a newer agent's file, a disk problem). */
  | 'store';

export interface AgentError {
  kind: AgentErrorKind;
  /** Plain language for the status view; the detail is for IT. */
  message: string;
  detail?: string;
}

export interface NoticeView {
  id: string;
  maintenance: string;
  kind: NoticeKind;
  /** When it was due. */
  at: number;
  title: string;
  body: string;
  /** The notice asks for "I have read this" (incidents). */
  acknowledgementNeeded: boolean;
  acknowledged: boolean;
}

export type ChoiceView = RestartChoice & { label: string };

export interface PromptView {
  maintenance: string;
  title: string;
  body: string;
  /** When the restart is forced. */
  deadline: number;
  deferralsLeft: number;
  deferralsLeftText: string;
  /** The choices offered now, each with its label. A choice not listed here is refused. */
  choices: ChoiceView[];
  /** false in the final countdown. */
  dismissible: boolean;
}

export interface MaintenanceView {
  id: string;
  title: string;
  summary?: string;
  steps: string[];
  start: number;
  end: number;
  restartRequired: boolean;
  acknowledgedAt?: number;
  deferralsUsed: number;
  pickedRestartAt?: number;
  completedAt?: number;
  links: Link[];
}

export interface ScheduleInfo {
  fleet: string;
  version: number;
  issued: string;
  expires: string;
  policy: Policy;
  support: Support;
  links: Link[];
}

/** Everything the tray and the views show, derived from one plan(); pushed after every re-plan. */
export interface Snapshot {
  /** The plan's `now`. */
  at: number;
  locale: string;
  zone: string;
  tray: { status: PlanStatus; label: string; tooltip: string };
  /** The maintenance the tray talks about. */
  focus?: MaintenanceView;
  /** Every maintenance of the schedule that is for this computer, in schedule order. */
  maintenances: MaintenanceView[];
  /** Notices shown recently (newest last), with their words, for the notice view a click opens. */
  notices: NoticeView[];
  prompt?: PromptView;
  countdown?: { maintenance: string; restartAt: number; title: string; body: string };
  forcedRestartAt?: number;
  schedule?: ScheduleInfo;
  lastCheck?: { at: number; outcome: 'updated' | 'unchanged' | 'rejected' | 'unreachable'; detail?: string };
  /** Empty when all is well. */
  errors: AgentError[];
  /** The restart command only records what it would do (tests, `--dry-run`). */
  dryRun: boolean;
  /**
   * Plan-time milliseconds per real millisecond, for the views' own clocks between snapshots (a countdown): 1 when
   * absent (the app); `forewarn preview --speed N` sets N.
   */
  rate?: number;
}

// ------------------------------------------------------------------------------------------------ the maps

/** Request/response channels: the views call these; each returns a promise. */
export interface AgentRequests {
  getSnapshot(): Promise<Snapshot>;
  /** "I have read this" for a notice or incident. */
  acknowledge(maintenance: string): Promise<ActionResult>;
  /** Put the restart off by an offered option, or pick a time within the offered range. */
  defer(maintenance: string, choice: DeferChoiceArg): Promise<ActionResult>;
  restartNow(maintenance: string): Promise<ActionResult>;
  reportProblem(report: ProblemReport): Promise<ActionResult>;
  /** The tray's "Check now". */
  checkNow(): Promise<ActionResult>;
  /** Opens an http(s) link from the schedule in the person's browser. */
  openHelpLink(url: string): Promise<ActionResult>;
  /** Opens another view (e.g. "How we patch" from the tray menu). */
  openView(request: ViewRequestArg): Promise<ActionResult>;
}

/** What main pushes to the views, by channel. */
export interface AgentEvents {
  'snapshot-changed': Snapshot;
  'open-view': ViewRequestArg;
}
export const EVENT_CHANNELS = ['snapshot-changed', 'open-view'] as const satisfies ReadonlyArray<keyof AgentEvents>;

// The maps and the schemas list the same channels (a compile error otherwise).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameChannels: Same<RequestChannel, keyof AgentRequests> = true;
void sameChannels;

export type RequestArgs<C extends RequestChannel> = Parameters<AgentRequests[C]>;

/**
 * Checks a request's arguments against its schema; the message names the argument and field
 * ("defer: 1.seconds: …"). Unknown channels are refused too (a view cannot reach anything not listed).
 */
export function parseRequest<C extends RequestChannel>(
  channel: C, args: unknown,
): { ok: true; args: RequestArgs<C> } | { ok: false; error: ActionError } {
  if (!Object.hasOwn(REQUEST_ARGS, channel)) {
    return { ok: false, error: { code: 'invalid-argument', message: `unknown channel "${String(channel)}"` } };
  }
  const r = REQUEST_ARGS[channel].safeParse(args);
  if (r.success) return { ok: true, args: r.data as unknown as RequestArgs<C> };
  const issue = r.error.issues[0]!;
  const path = issue.path.map(String).join('.');
  return { ok: false, error: { code: 'invalid-argument', message: `${channel}: ${path ? `${path}: ` : ''}${issue.message}` } };
}

/**
 * What the views see as `window.forewarn`: every request, plus a subscription to each pushed event. preload/
 * implements it over ipcRenderer, the preview bridge over loopback HTTP; the renderer knows nothing else.
 */
export type AgentBridge = AgentRequests & {
  on<E extends keyof AgentEvents>(channel: E, listener: (payload: AgentEvents[E]) => void): () => void;
};
