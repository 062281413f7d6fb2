/** formatMessage: the facts land in the text, in the reader's language; missing or wrong values fail loudly. */
import { describe, expect, it } from 'vitest';
import {
  argumentsOf, formatDateTime, formatMessage, formatRelative, formatTime, messageArguments, type FormatContext,
} from '../../../../core/messages/index.js';
import { IntlMessageFormat } from 'intl-messageformat';
import { NOW, parisContext, sampleValues, WINDOW_START } from './samples.js';

const HOUR = 3_600_000;
const en: FormatContext = { locale: 'en-GB', zone: 'Europe/London', now: NOW };

describe('facts in the texts', () => {
  it('puts the title, the time, how far off, and the count of steps into the advance notice', () => {
    const values = { title: 'December updates', start: formatDateTime(WINDOW_START, en), restartRequired: 'yes', steps: 3 };
    expect(formatMessage('notice.advance.title', { title: 'December updates', relative: formatRelative(WINDOW_START, en) }, en))
      .toBe('Coming in 4 days: December updates');
    const body = formatMessage('notice.advance.body', values, en);
    expect(body).toContain('Tuesday 8 December at 21:00');
    expect(body).toContain('It will need a restart after that.');
    expect(body).toContain('There are 3 things to do before then.');
    expect(formatMessage('notice.advance.body', { ...values, restartRequired: 'no', steps: 0 }, en))
      .toBe('Your computer will get updates on Tuesday 8 December at 21:00. It won’t need a restart. You don’t need to do anything now.');
    expect(formatMessage('notice.advance.body', { ...values, steps: 1 }, en)).toContain('There is 1 thing to do before then.');
  });

  it('tells the deadline and the time left in the restart prompt, and how many times it can still be put off', () => {
    const deadline = WINDOW_START + 2 * 24 * HOUR;
    const body = formatMessage('prompt.body', { deadline: formatDateTime(deadline, en), relative: formatRelative(deadline, en) }, en);
    expect(body).toContain('Thursday 10 December at 21:00 (in 6 days)');
    expect(formatMessage('prompt.deferralsLeft', { count: 2 }, en)).toBe('You can put it off 2 more times.');
    expect(formatMessage('prompt.deferralsLeft', { count: 1 }, en)).toBe('You can put it off 1 more time.');
    expect(formatMessage('prompt.deferralsLeft', { count: 0 }, en)).toBe('You can’t put it off again.');
    expect(formatMessage('prompt.choice.deferFor', { duration: '4 hours' }, en)).toBe('Remind me in 4 hours');
  });

  it('counts down in minutes and seconds', () => {
    for (const minutes of [60, 30, 10, 5]) {
      expect(formatMessage('forced.warning.body', { minutes }, en)).toContain(`restart in ${minutes} minutes.`);
    }
    expect(formatMessage('forced.warning.title', { minutes: 1 }, en)).toBe('Restart in 1 minute');
    expect(formatMessage('forced.countdown.body', { seconds: 1 }, en)).toMatch(/^Your computer will restart in 1 second\. This can’t be put off\./);
  });

  it('says the same facts in French, with French dates', () => {
    const fr: FormatContext = parisContext('fr');
    const body = formatMessage('notice.deadlinePassed.body', { time: formatTime(WINDOW_START, fr), relative: formatRelative(WINDOW_START, fr) }, fr);
    expect(body).toBe('Le délai pour redémarrer est passé. Votre ordinateur redémarrera à 22:00 (dans 4 jours). Enregistrez votre travail maintenant.');
    expect(formatMessage('incident.outage.body', { service: 'Messagerie', fixTime: formatDateTime(WINDOW_START, fr) }, fr))
      .toContain('Messagerie ne fonctionne pas');
  });

  it('shows a Date value as a day and time in the reader’s zone', () => {
    const paris = formatMessage('prompt.pickTime.latest', { latest: new Date(WINDOW_START) }, parisContext('en-GB'));
    const newYork = formatMessage('prompt.pickTime.latest', { latest: new Date(WINDOW_START) }, { ...parisContext('en-GB'), zone: 'America/New_York' });
    expect(paris).toBe('You can pick any time up to Tuesday 8 December at 22:00.');
    expect(newYork).toBe('You can pick any time up to Tuesday 8 December at 16:00.');
  });

  it('uses the catalog of the nearest language: fr-CA reads French, sv reads English', () => {
    expect(formatMessage('common.close', {}, { ...en, locale: 'fr-CA' })).toBe('Fermer');
    expect(formatMessage('common.close', {}, { ...en, locale: 'pt' })).toBe('Fechar');
    expect(formatMessage('common.close', {}, { ...en, locale: 'zh-SG' })).toBe('关闭');
    expect(formatMessage('common.close', {}, { ...en, locale: 'sv-SE' })).toBe('Close');
    expect(formatMessage('common.close', {}, { ...en, locale: '' })).toBe('Close');
  });

  it('isolates values in Arabic so an English title or a time keeps its own direction', () => {
    const out = formatMessage('notice.allDone.title', { title: 'December updates' }, parisContext('ar'));
    expect(out).toBe('اكتمل: \u2068December updates\u2069');
    // Not in left-to-right languages, where it is not needed.
    expect(formatMessage('notice.allDone.title', { title: 'X' }, en)).toBe('All done: X');
  });

  it('ignores values a message does not use', () => {
    expect(formatMessage('tray.idle', sampleValues(en), en)).toBe('Your computer is up to date');
  });
});

describe('mistakes fail loudly', () => {
  it('names the message and the argument when a value is missing', () => {
    expect(() => formatMessage('notice.advance.body', { start: 'Tuesday', restartRequired: 'yes' }, en))
      .toThrow('Message "notice.advance.body" needs the argument "steps" (plural), which was not given');
    expect(() => formatMessage('prompt.body', { relative: 'in 2 days' }, parisContext('ja'))).toThrow(/"prompt\.body".*"deadline"/);
  });

  it('requires a value even when the branch that uses it is not chosen', () => {
    // Catching it here beats a blank in front of the one person whose count takes that branch.
    expect(() => formatMessage('status.pending', {}, en)).toThrow(/"count"/);
  });

  it('rejects a text where a count belongs, and a number where a choice belongs', () => {
    expect(() => formatMessage('forced.warning.body', { minutes: '5' }, en)).toThrow(/"minutes" must be a finite number/);
    expect(() => formatMessage('forced.warning.body', { minutes: Number.NaN }, en)).toThrow(/finite number/);
    expect(() => formatMessage('notice.starting.body', { end: 'x', restartRequired: 1 }, en)).toThrow(/"restartRequired" must be a text/);
  });
});

describe('message arguments', () => {
  it('finds arguments in every branch, once each, with their kind and keys', () => {
    const ast = new IntlMessageFormat('{a} {n, plural, =0 {none} one {# {b}} other {# {c}}} {s, select, yes {{a}} other {}}', 'en').getAst();
    expect(messageArguments(ast)).toEqual([
      { name: 'a', kind: 'text' },
      { name: 'n', kind: 'plural', options: ['=0', 'one', 'other'] },
      { name: 'b', kind: 'text' },
      { name: 'c', kind: 'text' },
      { name: 's', kind: 'select', options: ['yes', 'other'] },
    ]);
  });

  it('lists what each built-in message needs', () => {
    expect(argumentsOf('notice.advance.body').map((a) => a.name)).toEqual(['start', 'restartRequired', 'steps']);
    expect(argumentsOf('common.close')).toEqual([]);
  });
});
