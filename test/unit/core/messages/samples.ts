/**
 * Realistic values for every message argument, formatted the way the agent formats them, in any locale.
 * The readability test reads English texts with these filled in ("{start}" is not a word; "Tuesday,
 * December 8 at 10:00 PM" is six), and the catalog tests format every message in every locale with them.
 */
import {
  argumentsOf, formatDateTime, formatDuration, formatRelative, formatTime, type FormatContext, type MessageArgument,
  type MessageId,
} from '../../../../core/messages/index.js';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Friday 4 December 2026, 09:00 in Paris: a working morning a few days before the patch night. */
export const NOW = Date.UTC(2026, 11, 4, 8, 0);
/** Tuesday 8 December 2026, 22:00 in Paris (21:00 UTC): the maintenance window opens. */
export const WINDOW_START = Date.UTC(2026, 11, 8, 21, 0);

/** The context of a reader in Paris, in `locale`, on NOW. */
export function parisContext(locale: string): FormatContext {
  return { locale, zone: 'Europe/Paris', now: NOW };
}

/** One realistic value per argument name, in the context's language. Numbers are for plurals. */
export function sampleValues(ctx: FormatContext): Record<string, string | number> {
  const dt = (t: number): string => formatDateTime(t, ctx);
  return {
    title: 'December updates',
    status: 'Updates are coming soon',
    when: formatRelative(ctx.now - 5 * 60_000, ctx), // "5 minutes ago": status.lastChecked
    start: dt(WINDOW_START),
    end: dt(WINDOW_START + 4 * HOUR),
    relative: formatRelative(WINDOW_START, ctx),
    deadline: dt(WINDOW_START + 2 * DAY),
    latest: dt(WINDOW_START + 3 * DAY),
    time: formatTime(WINDOW_START + 2 * DAY, ctx),
    duration: formatDuration(3_600, ctx),
    fixTime: dt(ctx.now + 3 * HOUR),
    nextUpdate: dt(ctx.now + DAY),
    service: 'Mail',
    hours: 'Monday to Friday, 8:00 to 18:00',
    email: 'help@example.com',
    phone: '+1 555 0100',
    restartRequired: 'yes',
    steps: 2,
    count: 3,
    minutes: 10,
    seconds: 30,
  };
}

/** Numbers that reach every plural form of every built-in language (ar: 0, 1, 2, 3–10, 11–99, 100+). */
export const PLURAL_PROBES = [0, 1, 2, 3, 5, 11, 12, 21, 22, 25, 100, 101, 1000] as const;

/**
 * The value sets to try for one message: the samples, then each plural argument at every probe and each
 * select argument at every option, one argument at a time. So every branch of every message gets read.
 */
export function variants(id: MessageId, ctx: FormatContext): Array<Record<string, string | number>> {
  const base = { ...sampleValues(ctx), ...overrides(id, ctx) };
  const out = [base];
  for (const arg of argumentsOf(id)) {
    for (const value of alternatives(arg)) out.push({ ...base, [arg.name]: value });
  }
  return out;
}

/** Where one message reads an argument differently: the tooltip's "when" is the coming window, not the last check. */
function overrides(id: MessageId, ctx: FormatContext): Record<string, string> {
  return id === 'tray.tooltip' ? { when: formatRelative(WINDOW_START, ctx) } : {};
}

function alternatives(arg: MessageArgument): Array<string | number> {
  if (arg.kind === 'plural') return [...PLURAL_PROBES];
  if (arg.kind === 'select') return (arg.options ?? []).map((o) => (o === 'other' ? 'no' : o));
  return [];
}
