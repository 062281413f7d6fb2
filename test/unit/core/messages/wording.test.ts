/** Word choices: "restart" (never "reboot"), the everyday word in each language, no shouting, no jargon. */
import { describe, expect, it } from 'vitest';
import { CATALOGS, LOCALES, type Locale, type MessageId } from '../../../../core/messages/index.js';

const ids = Object.keys(CATALOGS.en) as MessageId[];
const english = ids.map((id) => [id, CATALOGS.en[id]] as const);

/** The everyday word for "restart" people know from their own system, per language. */
const RESTART_WORD: Record<Locale, RegExp> = {
  en: /restart/i,
  es: /reinici/i,
  fr: /redémarr/i,
  de: /neu ?start|start\w*\b.*\bneu\b/i, // "neu starten", "Neustart", "startet … neu"
  'pt-BR': /rein[ií]ci/i, // "reiniciar", "reinício"
  it: /riavvi/i,
  nl: /opnieuw op/i,
  pl: /ponown/i,
  ja: /再起動/,
  'zh-CN': /重启/,
  ko: /다시 시작/,
  ar: /إعادة (?:ال)?تشغيل/,
};

describe('word choices', () => {
  it('never says "reboot", in any language or spelling', () => {
    for (const locale of LOCALES) {
      const offenders = ids.filter((id) => /re-?boot/i.test(CATALOGS[locale][id]));
      expect(offenders, locale).toEqual([]);
    }
  });

  it.each(LOCALES)('%s: every restart message uses the everyday word for restart', (locale) => {
    const restartIds = ids.filter((id) => /restart/i.test(id) || id.startsWith('forced.') || id.startsWith('prompt.title'));
    expect(restartIds.length).toBeGreaterThan(5);
    const missing = restartIds.filter((id) => !RESTART_WORD[locale].test(CATALOGS[locale][id]));
    expect(missing).toEqual([]);
  });

  it('shouts nowhere: no word in capitals but the few short ones people know (IT, OK, PC)', () => {
    for (const locale of LOCALES) {
      for (const id of ids) {
        const caps = CATALOGS[locale][id].match(/\b\p{Lu}{2,}\b/gu) ?? [];
        expect(caps.filter((w) => !['IT', 'OK', 'TI', 'PC'].includes(w)), `${locale} ${id}`).toEqual([]);
      }
    }
  });

  it('uses no exclamation marks: calm, not alarmed', () => {
    for (const locale of LOCALES) expect(ids.filter((id) => /[!！]/.test(CATALOGS[locale][id])), locale).toEqual([]);
  });

  it('keeps jargon out of English: no patch, install wording for actions, deploy, endpoint, vulnerability', () => {
    const jargon = /\b(?:patch(?:es|ing)?|deploy\w*|endpoint|vulnerab\w*|exploit\w*|malware|credential\w*|out-of-band|OS)\b/i;
    expect(english.filter(([, text]) => jargon.test(text)).map(([id]) => id)).toEqual([]);
  });

  it('blames no one: no "you failed", "you forgot", "your fault" in English', () => {
    const blame = /\byou (?:failed|forgot|ignored|missed|should have)\b|your fault/i;
    expect(english.filter(([, text]) => blame.test(text)).map(([id]) => id)).toEqual([]);
  });

  it('incident notices say what to do, not how the attack works', () => {
    const technical = /\b(?:IP|address(?:es)?|domain|server|hash|payload|CVE|port|attacker)\b/i;
    const incidentIds = ids.filter((id) => id.startsWith('incident.'));
    expect(incidentIds.filter((id) => technical.test(CATALOGS.en[id]))).toEqual([]);
    // Each template that asks something of people has steps, one per line.
    for (const kind of ['phishing', 'passwordReset', 'suspiciousSignIn', 'dataExposure']) {
      const steps = CATALOGS.en[`incident.${kind}.steps` as MessageId].split('\n');
      expect(steps.length, kind).toBeGreaterThanOrEqual(2);
    }
  });

  it('French puts a no-break space before : ? and !, never a plain one', () => {
    for (const id of ids) {
      const text = CATALOGS.fr[id];
      expect(text, id).not.toMatch(/ [:?!]/);
      expect(text, id).not.toMatch(/[^\s\u00a0{(][?!]/u);
    }
  });
});
