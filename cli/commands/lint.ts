import { formatPath, parseScheduleSource, sourceLines } from '../../core/schedule/index.js';
import { lintSchedule, type LintFinding } from '../../core/lint/schedule-lint.js';
import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { readInput } from '../files.js';
import { UsageError } from '../errors.js';
import { looksSigned, readSignedSchedule } from '../schedule-input.js';

interface Reported { severity: 'error' | 'warning'; rule: string; path: string; line?: number; message: string }

export const lint: Command = {
  name: 'lint',
  summary: 'Check IT’s own texts before they reach anyone: readability, long sentences, jargon, translations, links.',
  usage: 'forewarn lint SCHEDULE.yaml|SCHEDULE.signed.json [--locales fr,de,…] [--language en] [--json]',
  details: [
    'Errors (the schedule is invalid, a plain-http link, a declared language missing) exit 1; warnings exit 0.',
    'Readability is Flesch-Kincaid grade, for English texts: above 8 is a warning (built-in texts keep to 7).',
  ],
  options: {
    locales: { type: 'string', value: 'LIST', help: 'languages the fleet uses, e.g. fr,de: each maintenance must have them' },
    language: { type: 'string', value: 'TAG', help: 'language of the schedule’s own texts (default en)' },
    json: common.json,
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    const file = inv.positionals[0]!;
    const text = readInput(file, 'schedule').toString('utf8');
    const locales = opt.string(inv, 'locales')?.split(',').map((l) => l.trim()).filter(Boolean);
    if (locales?.some((l) => !/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/.test(l))) throw new UsageError('--locales is a comma-separated list of language tags, e.g. fr,de,pt-BR');
    // A signed file is linted by its payload (no lines: the payload is one line of JSON).
    const signed = looksSigned(Buffer.from(text)) ? readSignedSchedule(file, Buffer.from(text)).schedule : undefined;
    const parsed = signed ? { ok: true as const, schedule: signed } : parseScheduleSource(text);
    let found: Reported[];
    if (!parsed.ok) {
      found = parsed.issues.map((i) => ({ severity: 'error', rule: 'invalid', path: i.path, ...(i.line ? { line: i.line } : {}), message: i.message }));
    } else {
      const lineOf = signed ? () => undefined : sourceLines(text);
      const findings = lintSchedule(parsed.schedule, { ...(locales ? { locales } : {}), mainLanguage: opt.string(inv, 'language') ?? 'en' });
      found = findings.map((f: LintFinding) => {
        const line = lineOf(f.segments);
        return { severity: f.severity, rule: f.rule, path: formatPath(f.segments), ...(line ? { line } : {}), message: f.message };
      });
    }
    found.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    const errors = found.filter((f) => f.severity === 'error').length;
    const warnings = found.length - errors;
    if (opt.flag(inv, 'json')) {
      inv.io.out(JSON.stringify({ file, errors, warnings, findings: found }, null, 2));
    } else {
      for (const f of found) inv.io.out(`${file}${f.line ? `:${f.line}` : ''}: ${f.severity}: ${f.path || 'schedule'}: ${f.message} [${f.rule}]`);
      inv.io.out(`${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
    }
    return errors > 0 ? 1 : 0;
  },
};
