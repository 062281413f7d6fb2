/** docs/messages.md keeps up with the catalog: every id, its English text and its arguments; the rules' numbers. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { argumentsOf, CATALOGS, LOCALES, READABILITY, type MessageId } from '../../../../core/messages/index.js';

const doc = readFileSync(new URL('../../../../docs/messages.md', import.meta.url), 'utf8');
const ids = Object.keys(CATALOGS.en) as MessageId[];

/** The table row of a message: `| \`id\` | English | arguments |`. */
function row(id: MessageId): string | undefined {
  return doc.split('\n').find((line) => line.startsWith(`| \`${id}\` |`));
}

describe('docs/messages.md', () => {
  it.each(ids)('lists %s with its English text and arguments', (id) => {
    const line = row(id);
    expect(line, `no table row for ${id}`).toBeDefined();
    expect(line).toContain(CATALOGS.en[id].replace(/\|/g, '\\|').replace(/\n/g, '<br>'));
    for (const arg of argumentsOf(id)) expect(line).toContain(`\`${arg.name}\``);
  });

  it('lists no message that does not exist', () => {
    const listed = [...doc.matchAll(/^\| `([a-zA-Z]+\.[\w.]+)` \|/gm)].map((m) => m[1]);
    expect(listed.filter((id) => !ids.includes(id as MessageId))).toEqual([]);
  });

  it('names every language and the readability numbers', () => {
    for (const locale of LOCALES) expect(doc).toContain(`\`${locale}\``);
    expect(doc).toContain(`grade ${READABILITY.builtInMaxGrade} or lower`);
    expect(doc).toContain(`grade ${READABILITY.warnAboveGrade}`);
    expect(doc).toContain(`${READABILITY.minWords} words or more`);
  });
});
