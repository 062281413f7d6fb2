/** docs/schedule-format.md keeps up with the format: every field, every default, the main limits. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, LIMITS, MAINTENANCE_KINDS, SEVERITIES, scheduleJsonSchema } from '../../../../core/schedule/index.js';

const doc = readFileSync(new URL('../../../../docs/schedule-format.md', import.meta.url), 'utf8');

/** Every property name anywhere in the JSON Schema. */
function fieldNames(node: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(node)) node.forEach((item) => fieldNames(item, into));
  else if (node !== null && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'properties' && value !== null && typeof value === 'object') Object.keys(value).forEach((name) => into.add(name));
      fieldNames(value, into);
    }
  }
  return into;
}

/** Every leaf value of DEFAULTS, as the docs write it. */
function defaultValues(node: unknown): string[] {
  if (Array.isArray(node)) return [`[${node.join(', ')}]`];
  if (node !== null && typeof node === 'object') return Object.values(node).flatMap(defaultValues);
  return [String(node)];
}

describe('docs/schedule-format.md', () => {
  it.each([...fieldNames(scheduleJsonSchema())])('documents the field `%s`', (name) => {
    expect(doc).toContain(`\`${name}\``);
  });

  it.each([...new Set(defaultValues(DEFAULTS))])('shows the default %s', (value) => {
    expect(doc).toContain(`\`${value}\``);
  });

  it.each([...MAINTENANCE_KINDS, ...SEVERITIES])('names `%s`', (value) => {
    expect(doc).toContain(`\`${value}\``);
  });

  it.each([
    ['titles', LIMITS.titleLength], ['summaries', LIMITS.summaryLength], ['steps', LIMITS.stepLength], ['policy texts', LIMITS.policyTextLength],
  ])('gives the limit for %s', (_what, limit) => {
    expect(doc).toContain(`**${limit}`);
  });

  it('tells how to point an editor at the schema', () => {
    expect(doc).toContain('# yaml-language-server: $schema=./schedule.schema.json');
  });
});
