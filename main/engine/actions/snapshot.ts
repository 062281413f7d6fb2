/**
 * The Snapshot (core/agent-api.ts) from one plan: what the tray and every view show, with its words already in
 * the person's language and zone (core/messages). Pure: the engine passes everything in, `now` included.
 */
import type {
  AgentError, AgentErrorKind, ChoiceView, MaintenanceView, NoticeView, PromptView, ScheduleInfo, Snapshot,
} from '../../../core/agent-api.js';
import {
  agentErrorText, choiceLabel, countdownText, formatMessage, formatRelative, localizedText, promptText,
  type AgentErrorText, type FormatContext,
} from '../../../core/messages/index.js';
import {
  appliesTo, resolveTimes, type AgentState, type DeviceContext, type Plan, type PlanStatus, type RestartPrompt,
} from '../../../core/policy/index.js';
import type { MessageId } from '../../../core/messages/index.js';
import type { Schedule } from '../../../core/schedule/index.js';
import type { TrustState } from '../state/types.js';

const TRAY_LABEL: Record<PlanStatus, MessageId> = {
  idle: 'tray.idle', upcoming: 'tray.upcoming', 'action-needed': 'tray.actionNeeded',
  'restart-pending': 'tray.restartPending', overdue: 'tray.overdue', error: 'tray.error',
};

/**
 * An error as the engine knows it: its kind, which words (the kind's own unless `text` says otherwise) and the
 * technical detail for IT. The snapshot gives it its plain-language message in the reader's language.
 */
export interface EngineError {
  kind: AgentErrorKind;
  text?: AgentErrorText;
  detail?: string;
}

export interface SnapshotInput {
  now: number;
  device: DeviceContext;
  /** The schedule in use (undefined when none is valid now). */
  schedule?: Schedule;
  agent: AgentState;
  plan?: Plan;
  /** The restart choices offered now for the focus maintenance (restartOptions), when plan() did not show a prompt. */
  options?: RestartPrompt;
  /** Notices shown recently, with their words (the engine keeps a short list). */
  notices: NoticeView[];
  lastCheck?: TrustState['lastCheck'];
  errors: EngineError[];
  dryRun: boolean;
}

export function buildSnapshot(input: SnapshotInput): Snapshot {
  const { now, device, schedule, agent, plan } = input;
  const ctx: FormatContext = { locale: device.locale, zone: device.zone, now };
  const status: PlanStatus = input.errors.length > 0 && plan === undefined ? 'error' : plan?.status ?? (input.errors.length > 0 ? 'error' : 'idle');
  const maintenances = schedule === undefined ? [] : maintenanceViews(schedule, device, agent, ctx);
  const focus = maintenances.find((m) => m.id === plan?.focus);
  const label = formatMessage(TRAY_LABEL[status], {}, ctx);
  const tooltip = focus === undefined ? label
    : formatMessage('tray.tooltip', { status: label, title: focus.title, when: formatRelative(status === 'upcoming' ? focus.start : plan?.forcedRestartAt ?? focus.end, ctx) }, ctx);
  const prompt = plan?.prompt ?? input.options;
  const snapshot: Snapshot = {
    at: now, locale: device.locale, zone: device.zone,
    tray: { status, label, tooltip },
    maintenances,
    notices: input.notices.map((n) => ({ ...n, acknowledged: agent.maintenances[n.maintenance]?.acknowledgedAt !== undefined })),
    errors: input.errors.map((e) => agentError(e, ctx)),
    dryRun: input.dryRun,
  };
  if (focus !== undefined) snapshot.focus = focus;
  if (prompt !== undefined) snapshot.prompt = promptView(prompt, ctx);
  if (plan?.countdown !== undefined) {
    const text = countdownText(plan.countdown.restartAt, ctx);
    snapshot.countdown = { ...plan.countdown, ...text };
  }
  if (plan?.forcedRestartAt !== undefined) snapshot.forcedRestartAt = plan.forcedRestartAt;
  if (schedule !== undefined) snapshot.schedule = scheduleInfo(schedule);
  if (input.lastCheck !== undefined) snapshot.lastCheck = input.lastCheck;
  return snapshot;
}

function agentError(e: EngineError, ctx: FormatContext): AgentError {
  const error: AgentError = { kind: e.kind, message: agentErrorText(e.text ?? e.kind, ctx) };
  if (e.detail !== undefined) error.detail = e.detail;
  return error;
}

function promptView(p: RestartPrompt, ctx: FormatContext): PromptView {
  const text = promptText(p, ctx);
  const choices: ChoiceView[] = p.choices.map((c) => ({ ...c, label: choiceLabel(c, ctx) }));
  return {
    maintenance: p.maintenance, title: text.title, body: text.body, deadline: p.deadline, deferralsLeft: p.deferralsLeft,
    deferralsLeftText: text.deferralsLeft, choices, dismissible: p.dismissible,
  };
}

function maintenanceViews(schedule: Schedule, device: DeviceContext, agent: AgentState, ctx: FormatContext): MaintenanceView[] {
  const views: MaintenanceView[] = [];
  for (const m of schedule.maintenances) {
    if (!appliesTo(m, device)) continue;
    const times = resolveTimes(m, device.zone);
    const state = agent.maintenances[m.id];
    const summary = localizedText(ctx.locale, 'summary', m.summary, m.locales);
    const steps = localizedText(ctx.locale, 'steps', m.steps, m.locales) ?? [];
    const view: MaintenanceView = {
      id: m.id, title: localizedText(ctx.locale, 'title', m.title, m.locales) ?? m.title, steps: [...steps],
      start: times.start, end: times.end, restartRequired: m.restart.required, deferralsUsed: state?.deferrals.count ?? 0,
      links: [...m.links],
    };
    if (summary !== undefined) view.summary = summary;
    if (state?.acknowledgedAt !== undefined) view.acknowledgedAt = state.acknowledgedAt;
    if (state?.pickedRestartAt !== undefined) view.pickedRestartAt = state.pickedRestartAt;
    if (state?.completedAt !== undefined) view.completedAt = state.completedAt;
    views.push(view);
  }
  return views;
}

function scheduleInfo(s: Schedule): ScheduleInfo {
  return { fleet: s.fleet, version: s.version, issued: s.issued, expires: s.expires, policy: s.policy, support: s.support, links: s.links };
}
