import type { IncidentTemplate, Maintenance } from '../schedule/index.js';
import type { NoticeDue, RestartChoice, RestartPrompt } from '../policy/index.js';
import { formatDateTime, formatDuration, formatRelative, formatTime, type FormatContext } from './dates.js';
import { formatMessage } from './format.js';
import { resolveLocale, SOURCE_LOCALE } from './locales.js';
import type { MessageId } from './catalogs/index.js';
import { localizedText } from './overrides.js';

/** A notice as a person reads it: a title and a body, in their language, zone and moment. */
export interface NoticeText { title: string; body: string }

/**
 * The words for one notice plan() decided to show. IT's own texts (title, summary) come from the schedule in
 * the reader's language when translated; everything around them is built in (docs/messages.md).
 */
export function noticeText(n: NoticeDue, m: Maintenance, ctx: FormatContext): NoticeText {
  const title = localizedText(ctx.locale, 'title', m.title, m.locales);
  const summary = localizedText(ctx.locale, 'summary', m.summary, m.locales);
  const f = n.facts;
  const deadline = f.deadline ?? f.end;
  const when = (instant: number) => ({ deadline: formatDateTime(instant, ctx), relative: formatRelative(instant, ctx) });
  const restartRequired = f.restartRequired ? 'yes' : 'no';
  switch (n.kind) {
    case 'advance':
      return {
        title: formatMessage('notice.advance.title', { title, relative: formatRelative(f.start, ctx) }, ctx),
        body: withSummary(summary, formatMessage('notice.advance.body', { start: formatDateTime(f.start, ctx), restartRequired, steps: f.steps }, ctx)),
      };
    case 'starting':
      return {
        title: formatMessage('notice.starting.title', { title }, ctx),
        body: formatMessage('notice.starting.body', { end: formatDateTime(f.end, ctx), restartRequired }, ctx),
      };
    case 'finished-restart-needed':
      return {
        title: formatMessage('notice.finishedRestartNeeded.title', { title }, ctx),
        body: formatMessage('notice.finishedRestartNeeded.body', when(deadline), ctx),
      };
    case 'all-done':
      return { title: formatMessage('notice.allDone.title', { title }, ctx), body: formatMessage('notice.allDone.body', {}, ctx) };
    case 'catch-up': {
      const facts = { title, start: formatDateTime(f.start, ctx), end: formatDateTime(f.end, ctx), ...when(deadline), relative: formatRelative(f.stage === 'upcoming' ? f.start : deadline, ctx) };
      const body = f.stage === 'upcoming' ? formatMessage('notice.catchUp.upcoming', facts, ctx)
        : f.stage === 'in-progress' ? formatMessage('notice.catchUp.inProgress', facts, ctx)
          : f.stage === 'restart-needed' ? formatMessage('notice.catchUp.restartNeeded', facts, ctx)
            : f.stage === 'all-done' ? formatMessage('notice.catchUp.allDone', facts, ctx)
              : incidentCatchUp(m, ctx, f.end);
      return { title: formatMessage('notice.catchUp.title', {}, ctx), body };
    }
    case 'incident':
    case 'reminder': {
      const t = incidentText(m, ctx, f.end);
      return { title: t.title, body: [t.body, ...t.steps].join(' ') };
    }
    case 'forced-warning': {
      const minutes = f.minutesLeft ?? 0;
      return { title: formatMessage('forced.warning.title', { minutes }, ctx), body: formatMessage('forced.warning.body', { minutes }, ctx) };
    }
    case 'deadline-passed': {
      const at = f.forcedAt ?? deadline;
      return {
        title: formatMessage('notice.deadlinePassed.title', {}, ctx),
        body: formatMessage('notice.deadlinePassed.body', { time: formatTime(at, ctx), relative: formatRelative(at, ctx) }, ctx),
      };
    }
  }
}

/** The restart prompt's words: what happens and when, how many deferrals are left, one label per choice. */
export function promptText(p: RestartPrompt, ctx: FormatContext): { title: string; body: string; deferralsLeft: string; choices: string[] } {
  return {
    title: formatMessage('prompt.title', {}, ctx),
    body: formatMessage('prompt.body', { deadline: formatDateTime(p.deadline, ctx), relative: formatRelative(p.deadline, ctx) }, ctx),
    // Deferrals left but none that fits before the deadline is, to the person, none left.
    deferralsLeft: formatMessage('prompt.deferralsLeft', { count: p.choices.some((c) => c.kind === 'defer') ? p.deferralsLeft : 0 }, ctx),
    choices: p.choices.map((c) => choiceLabel(c, ctx)),
  };
}

/** The label of one restart choice, e.g. "Remind me in 4 hours". */
export function choiceLabel(c: RestartChoice, ctx: FormatContext): string {
  if (c.kind === 'restart-now') return formatMessage('prompt.choice.restartNow', {}, ctx);
  if (c.kind === 'defer') return formatMessage('prompt.choice.deferFor', { duration: formatDuration(c.seconds, ctx) }, ctx);
  return formatMessage('prompt.choice.pickTime', {}, ctx);
}

/**
 * A catch-up for an incident or outage: says an IT notice came ("IT sent you a notice: “…”."), then what it says,
 * with the same words (IT's own or a template's, in the reader's language) as the incident notice itself.
 */
function incidentCatchUp(m: Maintenance, ctx: FormatContext, end: number): string {
  const t = incidentText(m, ctx, end);
  return `${formatMessage('notice.catchUp.incident', { title: t.title }, ctx)} ${t.body}`;
}

function withSummary(summary: string | undefined, text: string): string {
  return summary ? `${summary} ${text}` : text;
}

/** The final countdown's words, `restartAt - now` before the restart. */
export function countdownText(restartAt: number, ctx: FormatContext): NoticeText {
  const seconds = Math.max(0, Math.round((restartAt - ctx.now) / 1000));
  return { title: formatMessage('forced.countdown.title', {}, ctx), body: formatMessage('forced.countdown.body', { seconds }, ctx) };
}

const TEMPLATE_IDS: Record<IncidentTemplate, { title: MessageId; body: MessageId; steps?: MessageId }> = {
  phishing: { title: 'incident.phishing.title', body: 'incident.phishing.body', steps: 'incident.phishing.steps' },
  outage: { title: 'incident.outage.title', body: 'incident.outage.body' },
  'password-reset': { title: 'incident.passwordReset.title', body: 'incident.passwordReset.body', steps: 'incident.passwordReset.steps' },
  'suspicious-sign-in': { title: 'incident.suspiciousSignIn.title', body: 'incident.suspiciousSignIn.body', steps: 'incident.suspiciousSignIn.steps' },
  'data-exposure': { title: 'incident.dataExposure.title', body: 'incident.dataExposure.body', steps: 'incident.dataExposure.steps' },
};

/**
 * An incident or outage notice. IT's own words win where the reader can read them (the schedule's main
 * language, or a translation); otherwise a template's built-in words, in the reader's language. The window's
 * end is the time a template names: the expected fix (outage), the password deadline, the next update.
 */
export function incidentText(m: Maintenance, ctx: FormatContext, end: number): { title: string; body: string; steps: string[] } {
  const readsMain = resolveLocale(ctx.locale) === SOURCE_LOCALE;
  const own = <K extends 'title' | 'summary' | 'steps'>(field: K) => {
    const translated = localizedText(ctx.locale, field, undefined, m.locales);
    return translated ?? (readsMain ? m[field] : undefined);
  };
  const ids = m.template ? TEMPLATE_IDS[m.template] : undefined;
  const at = formatDateTime(end, ctx);
  const values = { service: m.service ?? '', fixTime: at, deadline: at, nextUpdate: at };
  const ownSteps = own('steps');
  return {
    title: own('title') ?? (ids ? formatMessage(ids.title, values, ctx) : m.title),
    body: own('summary') ?? (ids ? formatMessage(ids.body, values, ctx) : m.summary ?? formatMessage('incident.updatesWillFollow', {}, ctx)),
    steps: ownSteps && ownSteps.length > 0 ? ownSteps
      : ids?.steps ? formatMessage(ids.steps, values, ctx).split('\n') : m.steps,
  };
}
