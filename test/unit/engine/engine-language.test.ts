// The engine's own words reach the views in the device's language: a refused action (ActionError.message) and
// the status view's errors (Snapshot.errors[].message) for a German and an Arabic computer; the specifics for
// IT stay English in `detail`. Fakes for every port; the schedule is the example, as the trust keeper would give it.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ActionResult } from '../../../core/agent-api.js';
import { CATALOGS } from '../../../core/messages/index.js';
import { parseScheduleSource, validateSchedule } from '../../../core/schedule/index.js';
import { createEngine, type EngineOptions, type EnginePieces } from '../../../main/engine/engine.js';
import type { Store } from '../../../main/engine/ports.js';
import type { PersistedState } from '../../../main/engine/state/types.js';

const source = parseScheduleSource(readFileSync(new URL('../../../examples/schedule.yaml', import.meta.url), 'utf8'));
if (!source.ok) throw new Error('example does not parse');
const checked = validateSchedule(source.document);
if (!checked.ok) throw new Error('example invalid');
const schedule = checked.schedule;
const M = '2026-12-patch-tuesday';
const NOW = Date.parse('2026-12-09T09:30:00Z'); // the restart is pending, with deferrals offered

function memoryStore(): Store<PersistedState> {
  const data = new Map<keyof PersistedState, unknown>();
  return {
    get: (key) => data.get(key) as never,
    set: (key, value) => void data.set(key, value),
  };
}

function engineFor(locale: string, zone: string, extra: Partial<EngineOptions> = {}) {
  let n = 0;
  const pieces: EnginePieces = {
    trust: {
      // A schedule the server offered failed verification; the last good one (the example) stays in use.
      start: () => ({ rejections: [{ reason: 'bad-signature', detail: 'no signature by a key of the root' }] }),
      current: () => ({ status: 'valid', schedule, version: schedule.version, expires: schedule.expires, rootVersion: 1 }),
    },
    outbox: { add: (event) => ({ ...event, id: `event-${++n}` }) as never },
  };
  return createEngine({
    clock: { now: () => NOW },
    timers: { setTimeout: () => 0, clearTimeout: () => undefined },
    store: memoryStore(),
    notifier: { show: async () => undefined, onActivate: () => () => undefined },
    presenter: { open: () => undefined, update: () => undefined },
    rebooter: { dryRun: true, restart: async () => undefined },
    signals: {
      zone: () => zone, locale: () => locale, busy: async () => ({}), restartPending: async () => false, lastBoot: () => 0,
      on: () => () => undefined,
    },
    logger: { debug() {}, info() {}, warn() {}, error() {} },
    config: { ok: true, config: { fleet: 'acme-laptops', groups: [], tags: [] } },
    pieces,
    ...extra,
  });
}

function refusal(r: ActionResult) {
  if (r.ok) throw new Error('expected a refusal');
  return r.error;
}

describe('the engine speaks the device’s language', () => {
  it.each([
    ['de-DE', 'Europe/Berlin', 'de'],
    ['ar-EG', 'Africa/Cairo', 'ar'],
  ] as const)('%s: refusals and status errors in that language, details in English', async (locale, zone, lang) => {
    const engine = engineFor(locale, zone);
    await engine.start();
    const c = CATALOGS[lang];

    // A deferral the prompt does not offer (a week, with a day or so left).
    const defer = refusal(await engine.defer(M, { kind: 'defer', seconds: 7 * 86_400 }));
    expect(defer).toEqual({ code: 'not-offered', message: c['refusal.notOffered'], detail: `defer "${M}": not-offered` });

    // No restart is pending for the incident; no maintenance of that name here.
    expect(refusal(await engine.restartNow('2026-11-phishing-payslip'))).toMatchObject({ code: 'not-pending', message: c['refusal.notPending'] });
    expect(refusal(await engine.acknowledge('2030-01-nothing'))).toMatchObject({ code: 'unknown-maintenance', message: c['refusal.unknownMaintenance'] });

    // A link the signed schedule does not list.
    const link = refusal(await engine.openHelpLink('https://evil.example/login'));
    expect(link).toMatchObject({ code: 'not-offered', message: c['refusal.linkNotOffered'] });
    expect(link.message).not.toMatch(/signed schedule/);

    // The status view's error: the refused update, in the device's language.
    const snap = await engine.getSnapshot();
    expect(snap.locale).toBe(locale);
    expect(snap.errors).toEqual([{ kind: 'rejected-schedule', message: c['error.rejectedUpdate'], detail: 'bad-signature: no signature by a key of the root' }]);
    await engine.stop();
  });

  it('a managed-config locale wins over the OS’s; a stopped engine and a missing config are said in it too', async () => {
    const engine = engineFor('en-US', 'Europe/Berlin', { config: { ok: false, message: 'no managed config file' } });
    expect(refusal(await engine.acknowledge(M))).toMatchObject({ code: 'not-running', message: 'Forewarn is not ready yet. Please try again in a moment.' });
    const arabic = engineFor('en-US', 'Africa/Cairo', { config: { ok: true, config: { fleet: 'acme-laptops', groups: [], tags: [], locale: 'ar' } } });
    expect(refusal(await arabic.acknowledge(M))).toMatchObject({ code: 'not-running', message: CATALOGS.ar['refusal.notRunning'] });
    const german = engineFor('de-AT', 'Europe/Vienna', { config: { ok: false, message: 'no managed config file' } });
    expect((await german.getSnapshot()).errors).toEqual([{ kind: 'no-config', message: CATALOGS.de['error.noConfig'], detail: 'no managed config file' }]);
  });
});
