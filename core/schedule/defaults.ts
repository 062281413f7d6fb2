/**
 * Every default and every limit of schedule format v1, in one place.
 *
 * The zod schema takes its `.prefault(...)` values from DEFAULTS, the JSON Schema shows them, and
 * docs/schedule-format.md lists them, so a default is changed here and nowhere else. Durations are written
 * the way IT writes them in a schedule ("4h"), because they are input defaults: they go through the same
 * parsing as a value IT typed.
 */

/** The kinds of maintenance a schedule can announce. */
export const MAINTENANCE_KINDS = ['routine-patch', 'critical-patch', 'incident', 'outage', 'information'] as const;
export type MaintenanceKind = (typeof MAINTENANCE_KINDS)[number];

/** How loud a notice is, from quiet to urgent. */
export const SEVERITIES = ['low', 'normal', 'high', 'critical'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** The kinds that install patches: only these may ask for a restart. */
export const RESTART_KINDS: readonly MaintenanceKind[] = ['routine-patch', 'critical-patch'];

/**
 * Built-in incident and outage notices (core/messages: incident.*), written once with care and translated into
 * every built-in language: what people need to do, nothing that would help an attacker.
 */
export const INCIDENT_TEMPLATES = ['phishing', 'outage', 'password-reset', 'suspicious-sign-in', 'data-exposure'] as const;
export type IncidentTemplate = (typeof INCIDENT_TEMPLATES)[number];
/** The kinds a template may be used with. */
export const TEMPLATE_KINDS: readonly MaintenanceKind[] = ['incident', 'outage'];

export const DEFAULTS = Object.freeze({
  /** Severity when a maintenance gives none: out-of-band patches are critical, incidents high, the rest normal. */
  severity: Object.freeze({
    'routine-patch': 'normal',
    'critical-patch': 'critical',
    incident: 'high',
    outage: 'normal',
    information: 'normal',
  } satisfies Record<MaintenanceKind, Severity>),
  /** Who sees a maintenance that names no audience: every computer in the fleet. */
  audience: Object.freeze({ all: true } as const),
  restart: Object.freeze({
    /** Whether a restart is needed when `restart.required` is not given: yes for patches, no for notices. */
    required: Object.freeze({
      'routine-patch': true,
      'critical-patch': true,
      incident: false,
      outage: false,
      information: false,
    } satisfies Record<MaintenanceKind, boolean>),
    /** With no `deadline`, the restart is due this long after the window ends. */
    deadlineAfterWindowEnd: '2d',
    /**
     * Minimum warning time once a restart becomes pending. A computer that was off (someone on holiday) still
     * gets at least this long before a forced restart, even when the deadline has already passed.
     */
    grace: '4h',
    deferrals: Object.freeze({
      /** How many times a person may push the restart back. */
      max: 3,
      /** The "remind me in…" choices offered to a person. */
      options: Object.freeze(['1h', '4h', '1d'] as const),
      /**
       * The latest time a person may pick themselves, counted from when the restart became pending. The agent
       * still never goes past the effective deadline (the later of `deadline` and pending + `grace`; pending
       * outside active hours, the grace counts from their next start: docs/policy.md).
       */
      latestPick: '3d',
    }),
    /** The last, un-deferrable countdown shown right before a forced restart. */
    finalCountdown: '5m',
  }),
  notices: Object.freeze({
    /** When to tell people ahead of the window start. */
    offsets: Object.freeze(['7d', '1d', '4h', '1h', '15m'] as const),
  }),
});

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Size and range limits: they keep notices short enough to read and schedules small enough to sign and ship. */
export const LIMITS = Object.freeze({
  /** Characters in a maintenance title (fits a notification headline). */
  titleLength: 80,
  /** Characters in a maintenance summary (fits a notification body). */
  summaryLength: 400,
  /** Characters in one step of what to do. */
  stepLength: 200,
  /** Steps in one maintenance. */
  steps: 10,
  /** Characters in one "how we patch" policy text. */
  policyTextLength: 600,
  /** Characters in a short label: a link label, a contact name or role. */
  labelLength: 80,
  /** Characters in an FAQ question. */
  questionLength: 200,
  /** Characters in an FAQ answer. */
  answerLength: 600,
  /** Characters in a contact's opening hours or phone number. */
  contactDetailLength: 200,
  /** Characters in an email address (the longest address mail servers must accept). */
  emailLength: 254,
  /** Characters in a link. */
  urlLength: 2000,
  /** Maintenances in one schedule. */
  maintenances: 500,
  /** Links in one list (top level or per maintenance). */
  links: 20,
  /** Support contacts. */
  contacts: 20,
  /** FAQ entries. */
  faq: 50,
  /** Audience groups or tags in one maintenance, each. */
  audienceEntries: 100,
  /** Characters in one audience group or tag name. */
  audienceNameLength: 64,
  /** Language overrides in one maintenance. */
  locales: 50,
  /** Highest `restart.deferrals.max`. */
  deferralsMax: 20,
  /** Entries in `restart.deferrals.options` and in `notices.offsets`. */
  durationChoices: 10,
  /** Shortest and longest `restart.finalCountdown`, in seconds: at least a minute to save work. */
  finalCountdownSeconds: Object.freeze({ min: MINUTE, max: HOUR }),
  /** Shortest and longest `restart.grace`, in seconds. */
  graceSeconds: Object.freeze({ min: 15 * MINUTE, max: 30 * DAY }),
  /** Longest `restart.deferrals.options` entry and `latestPick`, in seconds. */
  deferralSeconds: Object.freeze({ min: MINUTE, max: 30 * DAY }),
  /** Earliest notice ahead of a window, in seconds. */
  noticeOffsetSeconds: Object.freeze({ max: 60 * DAY }),
  /** Longest restart deadline given as a duration after the window end, in seconds. */
  deadlineAfterSeconds: Object.freeze({ max: 90 * DAY }),
});
