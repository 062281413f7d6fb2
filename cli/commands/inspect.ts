import { formatDuration, type Maintenance, type Schedule } from '../../core/schedule/index.js';
import { resolveTimes } from '../../core/policy/times.js';
import { formatOffset, isValidZone, zoneOffset } from '../../core/time/zoned.js';
import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { UsageError } from '../errors.js';
import { nowFrom } from '../expiry.js';
import { loadScheduleInput } from '../schedule-input.js';

export const inspect: Command = {
  name: 'inspect',
  summary: 'Show what people will see and when: each maintenance, its window, deadline and notices, in one time zone.',
  usage: 'forewarn inspect SCHEDULE.yaml|SCHEDULE.signed.json [--zone Z] [--locale L] [--root root.json] [--now ISO] [--json]',
  details: [
    'Times without an offset in the schedule are read in --zone, as each computer reads them in its own zone.',
    'A signed file is verified when --root is given; otherwise it is read with a warning.',
  ],
  options: {
    zone: { type: 'string', value: 'ZONE', help: 'IANA time zone, e.g. Europe/Paris (default: this computer’s)' },
    locale: { type: 'string', value: 'TAG', help: 'language for dates and translated texts, e.g. fr or pt-BR (default: en)' },
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
    if (opt.flag(inv, 'json')) {
      inv.io.out(JSON.stringify({ trust: loaded.trust, ...view }, null, 2));
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
    return 0;
  },
};

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
