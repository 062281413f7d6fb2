import { describe, expect, it } from 'vitest';
import { LOCALES } from '../../../core/messages/index.js';
import { forewarn, repo } from './run-cli.js';

describe('forewarn inspect --from: the timeline a person would see', () => {
  const run = (...args: string[]) => forewarn(['inspect', 'examples/schedule.yaml', '--now', '2026-11-30T00:00:00Z', ...args], { cwd: repo });

  it('--json gives { at, maintenance, kind, title, body, choices } in order', () => {
    const r = run('--zone', 'America/New_York', '--locale', 'en', '--from', '2026-11-30T00:00:00Z', '--to', '2026-12-12T00:00:00Z', '--json');
    expect(r.status, r.stderr).toBe(0);
    const { timeline } = JSON.parse(r.stdout);
    expect(timeline.length).toBeGreaterThan(10);
    for (const e of timeline) expect(Object.keys(e).sort()).toEqual(['at', 'body', 'choices', 'kind', 'maintenance', 'title']);
    const kinds = timeline.filter((e: any) => e.maintenance === '2026-12-patch-tuesday').map((e: any) => e.kind);
    expect(kinds.slice(0, 2)).toEqual(['advance', 'advance']);
    expect(kinds).toContain('restart-prompt');
    expect(kinds.at(-1)).toBe('all-done');
    const starting = timeline.find((e: any) => e.kind === 'starting' && e.maintenance === '2026-12-patch-tuesday');
    expect(new Date(starting.at).toISOString()).toBe('2026-12-09T03:00:00.000Z');
  });

  it.each(LOCALES)('reads clearly in %s: no placeholders, dates in that language', (locale) => {
    const r = run('--zone', 'Europe/Paris', '--locale', locale, '--from', '2026-12-08T00:00:00Z', '--to', '2026-12-11T00:00:00Z');
    expect(r.status, r.stderr).toBe(0);
    const timeline = r.stdout.slice(r.stdout.indexOf('what a person sees'));
    expect(timeline).not.toMatch(/[{}]/);
    expect(timeline.split('\n').length).toBeGreaterThan(10);
    // The month as it stands in a date in that language: "grudnia" in Polish, "12月" in Chinese, "ديسمبر" in Arabic.
    const parts = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'long', timeZone: 'UTC' }).formatToParts(Date.UTC(2026, 11, 10));
    const at = parts.findIndex((p) => p.type === 'month');
    const december = `${parts[at]!.value}${(parts[at + 1]?.type === 'literal' ? parts[at + 1]!.value : '').trim()}`;
    expect(timeline).toContain(december);
  });

  it('--to before --from is a usage error', () => {
    const r = run('--from', '2026-12-08T00:00:00Z', '--to', '2026-12-01T00:00:00Z');
    expect(r.status).toBe(2);
  });
});
