import { formatDuration, type Maintenance, type Schedule } from '../../core/schedule/index.js';
import { resolveTimes, simulateTimeline, type DeviceContext, type TimelineEntry } from '../../core/policy/index.js';
import { countdownText, formatMessage, noticeText, promptText } from '../../core/messages/index.js';
import { formatOffset, isValidZone, zoneOffset } from '../../core/time/zoned.js';
import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { UsageError } from '../errors.js';
import { nowFrom } from '../expiry.js';
import { loadScheduleInput } from '../schedule-input.js';

export const inspect: Command = {
  name: 'inspect',
  summary: 'Show what people will see and when: each maintenance, its window, deadline and notices, in one time zone.',
  usage: 'forewarn inspect SCHEDULE.yaml|SCHEDULE.signed.json [--zone Z] [--locale L] [--from ISO [--to ISO]] [--group G] [--tag T] [--root root.json] [--now ISO] [--json]',
  details: [
    'Times without an offset in the schedule are read in --zone, as each computer reads them in its own zone.',
    'With --from, also every notice, prompt and countdown a person would see, in order, in their words, if they',
    'never clicked anything (until --to, default 30 days later). Without --group/--tag the computer is in every',
    'group and has every tag, so nothing is hidden.',
    'A signed file is verified when --root is given; otherwise it is read with a warning.',
  ],
  options: {
    zone: { type: 'string', value: 'ZONE', help: 'IANA time zone, e.g. Europe/Paris (default: this computer’s)' },
    locale: { type: 'string', value: 'TAG', help: 'language for dates and translated texts, e.g. fr or pt-BR (default: en)' },
    from: { type: 'string', value: 'ISO', help: 'show the timeline a person would see, starting at this instant' },
    to: { type: 'string', value: 'ISO', help: 'end of the timeline (default: 30 days after --from)' },
    group: { type: 'string', multiple: true, value: 'G', help: 'the computer is in group G (repeat)' },
    tag: { type: 'string', multiple: true, value: 'T', help: 'the computer has tag T (repeat)' },
    root: { type: 'string', value: 'FILE', help: 'verify a signed schedule against this root first' },
    'root-chain': common.rootChain,
    now: { type: 'string', value: 'ISO', help: 'show as of this instant instead of now' },
    json: { type: 'boolean', help: 'print the same facts as JSON' },
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    const zone = opt.string(inv, 'zone') ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (!isValidZone(zone)) throw new UsageError(`--zone "${zone}" is not an IANA time zone such as Europe/Paris`);
    const locale = opt.string(inv, 'locale') ?? 'en';
    if (!isValidLocale(locale)) throw new UsageError(`--locale "${locale}" is not a language tag such as fr or pt-BR`);
    const now = nowFrom(opt.string(inv, 'now'), inv.now);
    const root = opt.string(inv, 'root');
    const loaded = loadScheduleInput(inv.positionals[0]!, { ...(root ? { root } : {}), rootChain: opt.list(inv, 'root-chain'), now });
    const view = describe(loaded.schedule, zone, locale, now);
    const fromText = opt.string(inv, 'from');
    const from = fromText === undefined ? undefined : nowFrom(fromText, inv.now);
    const to = from === undefined ? undefined : (opt.string(inv, 'to') ? nowFrom(opt.string(inv, 'to'), inv.now) : from + 30 * DAY);
    if (from !== undefined && to! <= from) throw new UsageError('--to must be after --from');
    const device = deviceFor(loaded.schedule, zone, locale, opt.list(inv, 'group'), opt.list(inv, 'tag'), from ?? now);
    const timeline = from === undefined ? undefined : timelineOf(loaded.schedule, device, from, to!);
    if (opt.flag(inv, 'json')) {
      inv.io.out(JSON.stringify({ trust: loaded.trust, ...view, ...(timeline ? { timeline } : {}) }, null, 2));
      return 0;
    }
    const when = dateFormat(zone, locale);
    const s = loaded.schedule;
    inv.io.out(`${s.fleet}, version ${s.version}: ${loaded.note}`);
    inv.io.out(`issued ${when(Date.parse(s.issued))}, expires ${when(Date.parse(s.expires))}`);
    inv.io.out(`times in ${zone} (UTC${formatOffset(zoneOffset(now, zone))}), language ${locale}, as of ${when(now)}`);
    if (view.maintenances.length === 0) inv.io.out('\nno maintenances: people see nothing but the usual "up to date".');
    for (const m of view.maintenances) {
      inv.io.out('');
      inv.io.out(`${m.title}  [${m.kind}, ${m.severity}, ${m.state}]  (${m.id})`);
      inv.io.out(`  for:      ${m.audience}`);
      inv.io.out(`  when:     ${when(m.start)} – ${when(m.end)}${m.localTime ? ' (each computer’s own clock)' : ''}`);
      inv.io.out(`  restart:  ${m.restart}`);
      if (m.notices.length > 0) {
        inv.io.out(`  notices:  ${m.notices.map((n) => `${n.before === '0s' ? 'at the start' : `${n.before} before`} (${when(n.at)}${n.at <= now ? ', past' : ''})`).join('; ')}`);
      }
      m.steps.forEach((step, i) => inv.io.out(`  ${i === 0 ? 'to do:   ' : '         '} ${i + 1}. ${step}`));
    }
    if (timeline) {
      inv.io.out('');
      inv.io.out(`what a person sees from ${when(from!)} to ${when(to!)}, if they never click anything:`);
      if (timeline.length === 0) inv.io.out('  nothing');
      for (const [entry, repeats] of collapseRepeats(timeline)) {
        inv.io.out('');
        inv.io.out(`${when(entry.at)}  [${entry.kind}] ${entry.title}  (${entry.maintenance})${repeats > 1 ? `  — shown ${repeats} times, last ${when(repeats === 1 ? entry.at : entry.lastAt)}` : ''}`);
        if (entry.body) inv.io.out(`  ${entry.body}`);
        if (entry.choices.length > 0) inv.io.out(`  choices: ${entry.choices.join(' | ')}`);
      }
    }
    return 0;
  },
};

const DAY = 86_400_000;

/** The computer `inspect` pretends to be: in the named groups and tags, or in all of them. */
function deviceFor(schedule: Schedule, zone: string, locale: string, groups: string[], tags: string[], bootedBefore: number): DeviceContext {
  const all = groups.length === 0 && tags.length === 0;
  return {
    zone, locale, busy: {}, restartPending: false, lastBoot: bootedBefore - DAY,
    groups: all ? [...new Set(schedule.maintenances.flatMap((m) => m.audience.groups))] : groups,
    tags: all ? [...new Set(schedule.maintenances.flatMap((m) => m.audience.tags))] : tags,
  };
}

interface TimelineLine { at: number; maintenance: string; kind: string; title: string; body: string; choices: string[] }

/** Every notice, prompt and countdown in order, with the words the person reads. */
function timelineOf(schedule: Schedule, device: DeviceContext, from: number, to: number): TimelineLine[] {
  const byId = new Map(schedule.maintenances.map((m) => [m.id, m] as const));
  const words = (e: TimelineEntry): TimelineLine => {
    const ctx = { locale: device.locale, zone: device.zone, now: e.at };
    const base = { at: e.at, maintenance: e.maintenance };
    if (e.type === 'notice') return { ...base, kind: e.notice.kind, ...noticeText(e.notice, byId.get(e.maintenance)!, ctx), choices: [] };
    if (e.type === 'prompt') {
      const t = promptText(e.prompt, ctx);
      return { ...base, kind: 'restart-prompt', title: t.title, body: `${t.body} ${t.deferralsLeft}`, choices: t.choices };
    }
    if (e.type === 'countdown') return { ...base, kind: 'final-countdown', ...countdownText(e.restartAt, ctx), choices: [] };
    return { ...base, kind: 'restart', title: formatMessage('forced.restartingNow', {}, ctx), body: '', choices: [] };
  };
  return simulateTimeline(schedule, device, from, to).map(words);
}

/** Consecutive restart prompts that say the same thing are one line with a count: the cadence, not noise. */
function collapseRepeats(lines: TimelineLine[]): Array<[TimelineLine & { lastAt: number }, number]> {
  const out: Array<[TimelineLine & { lastAt: number }, number]> = [];
  for (const line of lines) {
    const last = out[out.length - 1];
    if (last && line.kind === 'restart-prompt' && last[0].kind === 'restart-prompt' && last[0].maintenance === line.maintenance
      && last[0].choices.join('|') === line.choices.join('|')) {
      last[0].lastAt = line.at;
      last[1]++;
    } else {
      out.push([{ ...line, lastAt: line.at }, 1]);
    }
  }
  return out;
}

/** The facts `inspect` shows, computed once for both the text and the JSON output. */
function describe(schedule: Schedule, zone: string, locale: string, now: number) {
  return {
    fleet: schedule.fleet,
    version: schedule.version,
    zone,
    locale,
    maintenances: schedule.maintenances.map((m) => {
      const t = resolveTimes(m, zone);
      const text = localized(m, locale);
      const d = m.restart.deferrals;
      return {
        id: m.id, kind: m.kind, severity: m.severity, title: text.title, steps: text.steps,
        state: now < t.start ? 'upcoming' : now < t.end ? 'in progress' : 'finished',
        audience: m.audience.all ? 'everyone' : [m.audience.groups.length ? `groups ${m.audience.groups.join(', ')}` : '', m.audience.tags.length ? `tags ${m.audience.tags.join(', ')}` : ''].filter(Boolean).join('; '),
        localTime: m.window.type === 'local',
        start: t.start, end: t.end, deadline: t.deadline,
        restart: m.restart.required
          ? `needed by ${dateFormat(zone, locale)(t.deadline)}; ${d.max === 0 ? 'cannot be put off' : `may be put off ${d.max} time${d.max === 1 ? '' : 's'} (${d.options.map(formatDuration).join(', ')}, or a picked time)`}; final countdown ${formatDuration(m.restart.finalCountdown)}`
          : 'not needed',
        notices: m.notices.offsets.map((seconds) => ({ before: formatDuration(seconds), at: t.start - seconds * 1000 })),
      };
    }),
  };
}

/** Translated texts with the fallback chain fr-CA -> fr -> the schedule's own words. */
function localized(m: Maintenance, locale: string): { title: string; steps: string[] } {
  const chain = [locale, locale.split('-')[0]!];
  const found = chain.map((tag) => m.locales[tag]).filter((o) => o !== undefined);
  return {
    title: found.find((o) => o.title)?.title ?? m.title,
    steps: found.find((o) => o.steps)?.steps ?? m.steps,
  };
}

function dateFormat(zone: string, locale: string): (ms: number) => string {
  const f = new Intl.DateTimeFormat(locale, { timeZone: zone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit' });
  return (ms) => f.format(ms);
}

function isValidLocale(tag: string): boolean {
  try {
    return Intl.getCanonicalLocales(tag).length === 1;
  } catch {
    return false;
  }
}
