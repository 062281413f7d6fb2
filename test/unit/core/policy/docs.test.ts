/** docs/policy.md keeps up with the code: every setting with its default, every notice kind and phase. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { POLICY_DEFAULTS } from '../../../../core/policy/index.js';
import { formatDuration } from '../../../../core/schedule/index.js';

const doc = readFileSync(new URL('../../../../docs/policy.md', import.meta.url), 'utf8');

/** A default as the settings table writes it: durations like the schedule's, lists in brackets. */
function shown(value: unknown): string {
  if (typeof value === 'number') return formatDuration(value);
  if (Array.isArray(value)) return `[${value.map(shown).join(', ')}]`;
  return String(value);
}

describe('docs/policy.md', () => {
  it.each(Object.entries(POLICY_DEFAULTS))('lists the setting `%s` with its default', (name, value) => {
    expect(doc).toContain(`| \`${name}\` | \`${shown(value)}\` |`);
  });

  it.each([
    'advance', 'starting', 'finished-restart-needed', 'all-done', 'catch-up', 'reminder', 'incident', 'forced-warning',
    'deadline-passed',
  ])('explains the notice kind `%s`', (kind) => {
    expect(doc).toContain(`\`${kind}\``);
  });

  it.each(['initial', 'approaching', 'imminent', 'overdue'])('explains the phase %s', (phase) => {
    expect(doc).toMatch(new RegExp(`^\\| ${phase} \\|`, 'm'));
  });
});
