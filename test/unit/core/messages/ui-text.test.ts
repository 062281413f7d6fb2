/** uiText: the views' own words in the reader's language and direction, and no ui.* message left unused. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGS, uiText } from '../../../../core/messages/index.js';

const rendererDir = new URL('../../../../renderer/', import.meta.url).pathname;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [readFileSync(join(dir, e.name), 'utf8')] : []);
}

describe('uiText', () => {
  it('speaks the nearest built-in language of an OS tag, right to left for Arabic', () => {
    const ar = uiText('ar-EG');
    expect([ar.locale, ar.dir, ar.t('ui.nav')]).toEqual(['ar', 'rtl', 'الصفحات']);
    const fr = uiText('fr_CA.UTF-8');
    expect([fr.locale, fr.dir, fr.t('ui.status.title')]).toEqual(['fr', 'ltr', 'Mon ordinateur est-il à jour\u00a0?']);
    expect(uiText('tlh').t('ui.feedback.contact')).toBe('Email or phone');
  });

  it('fills in values, isolated in Arabic so a Latin date does not reorder the sentence', () => {
    expect(uiText('en').t('ui.prompt.timeLeft', { duration: '5 minutes' })).toBe('Time left: 5 minutes');
    expect(uiText('ar').t('ui.prompt.timeLeft', { duration: '5 minutes' })).toBe('الوقت المتبقي: \u20685 minutes\u2069');
    expect(() => uiText('en').t('ui.prompt.timeLeft')).toThrow(/needs the argument "duration"/);
  });

  it('every ui.* message is used by a view (no dead words to translate twelve times)', () => {
    const code = sources(rendererDir).join('\n');
    const unused = Object.keys(CATALOGS.en).filter((id) => id.startsWith('ui.') && !code.includes(`'${id}'`));
    expect(unused).toEqual([]);
  });
});
