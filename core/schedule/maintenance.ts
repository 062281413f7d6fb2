/**
 * One maintenance (a patch, an incident, an outage or a notice) and its parts: audience, window, restart,
 * notices, translations. Rules between its fields run with `when`, guarded by `isClean`, so they are reported
 * next to unrelated problems; the defaults that depend on other fields (severity and restart by kind, the
 * deadline from the window) are filled in last, once everything is valid.
 */
import { z } from 'zod';
import {
  DEFAULTS, INCIDENT_TEMPLATES, LIMITS, MAINTENANCE_KINDS, RESTART_KINDS, SEVERITIES, TEMPLATE_KINDS, type Severity,
} from './defaults.js';
import { formatDuration, parseDuration } from './durations.js';
import {
  ALWAYS, COMPILED, deadlineSchema, documented, duration, isClean, linkSchema, problem, scheduleTime, text, textList,
  wholeNumber, type RuleMode,
} from './fields.js';
import { addSeconds, parseScheduleTime, type ScheduleTime } from './times.js';

const MAINTENANCE_ID_PATTERN = /^[a-z0-9][a-z0-9._-]{0,63}$/;
/** Language, optional script, optional region: "fr", "fr-CA", "pt-BR", "zh-Hant-TW", "es-419". */
/** A language tag: "fr", "fr-CA", "pt-BR", "zh-Hans-CN". */
export const LOCALE_PATTERN = /^[a-z]{2,3}(?:-[A-Z][a-z]{3})?(?:-(?:[A-Z]{2}|\d{3}))?$/;

/** Who sees a maintenance, after defaults: everyone, or the computers in any group or with any tag. */
export interface Audience {
  all: boolean;
  groups: string[];
  tags: string[];
}

const audienceNames = z.array(text(LIMITS.audienceNameLength)).min(1).max(LIMITS.audienceEntries);

const audienceSchema = documented(
  z
    .strictObject({
      all: documented(z.boolean().optional(), { description: 'true: every computer in the fleet.' }),
      groups: documented(audienceNames.optional(), { description: 'Computers in any of these groups (from the managed config).' }),
      tags: documented(audienceNames.optional(), { description: 'Computers with any of these tags (from the managed config).' }),
    })
    .superRefine((audience, ctx) => {
      const named = audience.groups !== undefined || audience.tags !== undefined;
      if (audience.all === true && named) {
        problem(ctx, 'use either all: true or groups/tags, not both', ['all']);
      } else if (audience.all !== true && !named) {
        problem(ctx, 'must be all: true, or name groups or tags');
      }
    })
    .transform((audience): Audience =>
      audience.all === true
        ? { all: true, groups: [], tags: [] }
        : { all: false, groups: audience.groups ?? [], tags: audience.tags ?? [] })
    .prefault({ ...DEFAULTS.audience }),
  {
    title: 'Audience',
    description: 'Who sees it: { all: true } (the default), or groups and/or tags. A computer sees it when it is in any group or has any tag.',
    // What the superRefine above checks, for editors: all: true, or groups/tags, never both.
    anyOf: [
      { properties: { all: { const: true } }, required: ['all'] },
      { properties: { groups: true }, required: ['groups'] },
      { properties: { tags: true }, required: ['tags'] },
    ],
    if: { properties: { all: { const: true } }, required: ['all'] },
    then: { properties: { groups: false, tags: false } },
  },
);

/** A maintenance window after validation: both ends of the same kind, end after start, normalised text. */
export type WindowSpec =
  | { type: 'instant'; /** UTC, "2026-12-08T21:00:00Z" */ start: string; end: string }
  | { type: 'local'; /** wall clock, "2026-12-08T22:00:00" */ start: string; end: string };

const SAME_KIND = 'must be the same kind of time as start: both with an offset (Z, +01:00) or both local (no offset)';

const windowSchema = documented(
  z
    .strictObject({
      start: documented(scheduleTime(), { description: 'When it starts: "2026-12-08T22:00" (local) or "2026-12-08T22:00:00+01:00" (instant).' }),
      end: documented(scheduleTime(), { description: 'When it ends; the same kind of time as start, and after it.' }),
    })
    .transform((window, ctx): WindowSpec => {
      if (window.start.kind !== window.end.kind) {
        problem(ctx, SAME_KIND, ['end']);
        return z.NEVER;
      }
      if (window.end.ms <= window.start.ms) {
        problem(ctx, 'must be after start', ['end']);
        return z.NEVER;
      }
      return { type: window.start.kind, start: window.start.text, end: window.end.text };
    }),
  {
    title: 'Window',
    description: 'When the work happens. Times with an offset are the same moment everywhere; times without an offset are that clock time in each computer\'s own time zone.',
  },
);

/**
 * Each duration once, in order: what `[...new Set(seconds)].sort(...)` gives, for a handful of whole numbers
 * without the Set, the copy and the comparator calls (an insertion sort that skips repeats).
 */
function distinctSorted(seconds: readonly number[], order: 'shortest first' | 'longest first'): number[] {
  const sorted: number[] = [];
  const ascending = order === 'shortest first';
  for (const value of seconds) {
    if (sorted.includes(value)) continue;
    let at = sorted.length;
    while (at > 0 && (ascending ? sorted[at - 1]! > value : sorted[at - 1]! < value)) {
      sorted[at] = sorted[at - 1]!;
      at -= 1;
    }
    sorted[at] = value;
  }
  return sorted;
}

/** How people may put a restart off, after defaults; durations in seconds, options shortest first. */
export interface DeferralPolicy {
  max: number;
  options: number[];
  latestPick: number;
}

const deferralsSchema = documented(
  z
    .strictObject({
      max: documented(wholeNumber().min(0).max(LIMITS.deferralsMax).default(DEFAULTS.restart.deferrals.max), {
        description: 'How many times a person may put the restart off. 0: never.',
      }),
      options: documented(z.array(duration(LIMITS.deferralSeconds)).max(LIMITS.durationChoices).prefault([...DEFAULTS.restart.deferrals.options]), {
        description: 'The "remind me in..." choices, as durations.',
      }),
      latestPick: documented(duration(LIMITS.deferralSeconds).prefault(DEFAULTS.restart.deferrals.latestPick), {
        description: 'A person may also pick a time, at most this long after the restart became pending. Never later than the effective deadline.',
      }),
    })
    .transform((deferrals, ctx): DeferralPolicy => {
      const { options, latestPick } = deferrals;
      for (let index = 0; index < options.length; index += 1) {
        if (options[index]! > latestPick) {
          problem(ctx, `must not be longer than latestPick (${formatDuration(latestPick)})`, ['options', index]);
        }
      }
      return { max: deferrals.max, options: distinctSorted(options, 'shortest first'), latestPick };
    })
    .prefault({}),
  { title: 'Deferrals', description: 'How people may put a restart off.' },
);

const restartSchema = documented(
  z
    .strictObject({
      required: documented(z.boolean().optional(), {
        description: 'Whether a restart is needed. Default: true for routine-patch and critical-patch, false otherwise. Only patches may set true.',
      }),
      deadline: documented(deadlineSchema(LIMITS.deadlineAfterSeconds.max).optional(), {
        description: `When the restart happens at the latest: a time of the same kind as the window, or a duration after the window end. Default: ${DEFAULTS.restart.deadlineAfterWindowEnd} after the window end.`,
      }),
      grace: documented(duration(LIMITS.graceSeconds).prefault(DEFAULTS.restart.grace), {
        description: 'Minimum warning after a restart becomes pending, even past the deadline (someone back from holiday still gets notice).',
      }),
      deferrals: deferralsSchema,
      finalCountdown: documented(duration(LIMITS.finalCountdownSeconds).prefault(DEFAULTS.restart.finalCountdown), {
        description: `The last countdown before a forced restart; it cannot be put off. At least ${formatDuration(LIMITS.finalCountdownSeconds.min)}.`,
      }),
    })
    .prefault({}),
  { title: 'Restart', description: 'Whether and when a restart is needed, and how it may be put off.' },
);

const noticesSchema = documented(
  z
    .strictObject({
      offsets: documented(
        z.array(duration({ max: LIMITS.noticeOffsetSeconds.max })).min(1).max(LIMITS.durationChoices)
          .prefault([...DEFAULTS.notices.offsets]),
        { description: 'When to tell people, as durations before the window start.' },
      ),
    })
    // Earliest notice first, each once: the order IT wrote them in does not matter.
    .transform((notices) => ({ offsets: distinctSorted(notices.offsets, 'longest first') }))
    .prefault({}),
  { title: 'Notices', description: 'When people are told ahead of the window.' },
);

const stepsSchema = documented(textList(LIMITS.steps, LIMITS.stepLength), {
  description: 'What people should do, one short sentence per step.',
});

const localeOverrideSchema = documented(
  z.strictObject({
    title: text(LIMITS.titleLength).optional(),
    summary: text(LIMITS.summaryLength).optional(),
    steps: stepsSchema.optional(),
  }),
  { title: 'Translation', description: 'The texts in one language; anything left out falls back to the main texts.' },
);

const localesSchema = documented(
  z
    .record(
      z.string().regex(LOCALE_PATTERN, { error: 'must be a language tag like "fr", "fr-CA" or "pt-BR"' }),
      localeOverrideSchema,
    )
    .superRefine((locales, ctx) => {
      if (Object.keys(locales).length > LIMITS.locales) problem(ctx, `must have at most ${LIMITS.locales} languages`);
    })
    .prefault({}),
  {
    title: 'Translations',
    description: 'Texts in other languages, by language tag ("fr", "de", "pt-BR").',
    maxProperties: LIMITS.locales,
  },
);

// ---------------------------------------------------------------- the maintenance

const maintenanceFields = z.strictObject({
  id: documented(z.string().regex(MAINTENANCE_ID_PATTERN, {
    error: 'must be 1 to 64 lowercase letters, digits, ".", "_" or "-", starting with a letter or digit',
  }), { description: 'A stable name, unique in the schedule, e.g. "2026-12-patch-tuesday". Reports use it.' }),
  kind: documented(z.enum(MAINTENANCE_KINDS), {
    description: 'routine-patch, critical-patch (urgent, out of the usual rhythm), incident, outage or information.',
  }),
  severity: documented(z.enum(SEVERITIES).optional(), {
    description: 'low, normal, high or critical. Default: critical for critical-patch, high for incident, normal otherwise.',
  }),
  title: documented(text(LIMITS.titleLength), { description: `The headline, at most ${LIMITS.titleLength} characters.` }),
  summary: documented(text(LIMITS.summaryLength).optional(), { description: `What happens and why it matters, at most ${LIMITS.summaryLength} characters.` }),
  template: documented(z.enum(INCIDENT_TEMPLATES).optional(), {
    description: 'For an incident or outage: a built-in notice (phishing, outage, password-reset, suspicious-sign-in, data-exposure) whose text and steps people read in their own language, unless summary or steps are given.',
  }),
  service: documented(text(LIMITS.titleLength).optional(), {
    description: 'For the outage and suspicious-sign-in templates: the service it is about, e.g. "Email".',
  }),
  steps: stepsSchema.prefault([]),
  audience: audienceSchema,
  window: windowSchema,
  restart: restartSchema,
  notices: noticesSchema,
  links: documented(z.array(linkSchema).max(LIMITS.links).prefault([]), { description: 'Links for more detail.' }),
  locales: localesSchema,
});

type MaintenanceFields = z.output<typeof maintenanceFields>;

/** Rules between fields of one maintenance; each reads only values that parsed cleanly. */
function checkMaintenanceRules(m: MaintenanceFields, ctx: z.core.$RefinementCtx<MaintenanceFields>): void {
  // With no issue so far (always so on the compiled fast path), every value is clean.
  const clean = (...path: (string | number)[]) => ctx.issues.length === 0 || isClean(ctx.issues, path);
  if (clean('kind') && clean('restart', 'required') && m.restart.required === true && !RESTART_KINDS.includes(m.kind)) {
    problem(ctx, `can only be true for ${RESTART_KINDS.join(' or ')}`, ['restart', 'required']);
  }
  if (clean('kind') && clean('template') && m.template !== undefined && !TEMPLATE_KINDS.includes(m.kind)) {
    problem(ctx, `is for ${TEMPLATE_KINDS.join(' or ')} notices only`, ['template']);
  }
  if (clean('template') && clean('service') && (m.template === 'outage' || m.template === 'suspicious-sign-in') && m.service === undefined) {
    problem(ctx, `the ${m.template} template needs the service it is about, e.g. service: Email`, ['service']);
  }
  if (!clean('window') || !clean('restart', 'deadline')) return;
  const deadline = m.restart.deadline;
  if (deadline !== undefined && deadline.kind !== 'after') {
    const start = windowTime(m.window.start);
    if (deadline.kind !== m.window.type) {
      problem(ctx, 'must be the same kind of time as the window: both with an offset (Z, +01:00) or both local (no offset)', [
        'restart', 'deadline',
      ]);
    } else if (deadline.ms < start.ms) {
      problem(ctx, 'must not be before the window start', ['restart', 'deadline']);
    }
  }
}

/** Reads back a normalised window time (it was validated, so it parses). */
function windowTime(text: string): ScheduleTime {
  const parsed = parseScheduleTime(text);
  if (typeof parsed === 'string') throw new Error(`window time was validated but does not parse: ${text}`);
  return parsed;
}

/** A maintenance's restart rules after defaults; durations in whole seconds. */
export interface RestartPolicy {
  required: boolean;
  /** The latest restart time, of the same kind as the window (`window.type`): UTC instant or local wall clock. */
  deadline: string;
  grace: number;
  deferrals: DeferralPolicy;
  finalCountdown: number;
}

/** The restart deadline when none is given: this long after the window end. */
const DEFAULT_DEADLINE_AFTER = { kind: 'after', seconds: parseDuration(DEFAULTS.restart.deadlineAfterWindowEnd) ?? 0 } as const;

/** Applies the defaults that depend on other fields: severity and restart by kind, deadline from the window. */
function completeMaintenance(m: MaintenanceFields) {
  const deadline = m.restart.deadline ?? DEFAULT_DEADLINE_AFTER;
  const restart: RestartPolicy = {
    required: m.restart.required ?? DEFAULTS.restart.required[m.kind],
    deadline: deadline.kind === 'after' ? addSeconds(windowTime(m.window.end), deadline.seconds).text : deadline.text,
    grace: m.restart.grace,
    deferrals: m.restart.deferrals,
    finalCountdown: m.restart.finalCountdown,
  };
  const severity: Severity = m.severity ?? DEFAULTS.severity[m.kind];
  // Field order as documented: who/what first, then the rest (in the order of maintenanceFields, which has no
  // other fields) with the completed restart in its place.
  return {
    id: m.id,
    kind: m.kind,
    severity,
    title: m.title,
    ...(m.summary === undefined ? {} : { summary: m.summary }),
    ...(m.template === undefined ? {} : { template: m.template }),
    ...(m.service === undefined ? {} : { service: m.service }),
    steps: m.steps,
    audience: m.audience,
    window: m.window,
    restart,
    notices: m.notices,
    links: m.links,
    locales: m.locales,
  };
}

/** One maintenance with its cross-field rules run as `rules` says (see RuleMode). */
function maintenanceWith(rules: RuleMode) {
  return maintenanceFields.superRefine(checkMaintenanceRules, rules).transform(completeMaintenance);
}

/** One maintenance, incident or notice. */
export const maintenanceSchema = documented(maintenanceWith(ALWAYS), {
  title: 'Maintenance', description: 'One thing people should know about: a patch, an incident, an outage or a notice.',
});

/** The same maintenance for the copy of the schedule schema that zod compiles (see validate.ts); not in index.ts. */
export const compiledMaintenanceSchema = maintenanceWith(COMPILED);

/** One maintenance after defaults. */
export type Maintenance = z.output<typeof maintenanceSchema>;
/** Notice timing after defaults: seconds before the window start, earliest first. */
export type NoticePolicy = Maintenance['notices'];
/** A translation of a maintenance's texts. */
export type LocaleOverride = z.output<typeof localeOverrideSchema>;
