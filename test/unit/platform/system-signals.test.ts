import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isValidZone } from '../../../core/time/zoned.js';
import { posixLocaleToBcp47, readSystemLocale } from '../../../main/platform/locale.js';
import { createSystemSignals } from '../../../main/platform/system-signals.js';
import { readSystemZone, zoneFromTzEnv, zoneFromZoneinfoPath } from '../../../main/platform/zone.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

/** A temp file-system root whose etc/localtime links to .../zoneinfo/<zone> (as timedatectl and macOS do). */
function rootWithZone(zone: string | null, debianTimezone?: string): string {
  const root = mkdtempSync(join(tmpdir(), 'forewarn-root-'));
  dirs.push(root);
  mkdirSync(join(root, 'etc'));
  mkdirSync(join(root, 'run'));
  if (zone !== null) symlinkSync(`/usr/share/zoneinfo/${zone}`, join(root, 'etc/localtime'));
  if (debianTimezone !== undefined) writeFileSync(join(root, 'etc/timezone'), `${debianTimezone}\n`);
  return root;
}
function relink(root: string, zone: string) {
  rmSync(join(root, 'etc/localtime'));
  symlinkSync(`/var/db/timezone/zoneinfo/${zone}`, join(root, 'etc/localtime'));
}

describe('zone', () => {
  it('reads the zone from paths and TZ values', () => {
    expect(zoneFromZoneinfoPath('/usr/share/zoneinfo/America/Argentina/Buenos_Aires')).toBe('America/Argentina/Buenos_Aires');
    expect(zoneFromZoneinfoPath('/usr/share/zoneinfo/posix/Europe/Paris')).toBe('Europe/Paris');
    expect(zoneFromZoneinfoPath('/etc/localtime.bak')).toBeNull();
    expect(zoneFromTzEnv(':Asia/Kolkata')).toBe('Asia/Kolkata');
    expect(zoneFromTzEnv('UTC')).toBe('UTC');
    expect(zoneFromTzEnv('EST5EDT')).toBeNull();
    expect(zoneFromTzEnv('')).toBeNull();
  });

  it('TZ first, then the /etc/localtime link, then /etc/timezone, then Intl — each validated', () => {
    const intlZone = () => 'Pacific/Auckland';
    const root = rootWithZone('America/Toronto', 'Europe/Oslo');
    expect(readSystemZone({ platform: 'linux', root, env: { TZ: 'Asia/Tokyo' }, intlZone })).toBe('Asia/Tokyo');
    expect(readSystemZone({ platform: 'linux', root, env: { TZ: 'Not/AZone' }, intlZone })).toBe('America/Toronto');
    expect(readSystemZone({ platform: 'linux', root: rootWithZone('Bogus/Nowhere', 'Europe/Oslo'), env: {}, intlZone })).toBe('Europe/Oslo');
    expect(readSystemZone({ platform: 'linux', root: rootWithZone(null), env: {}, intlZone })).toBe('Pacific/Auckland');
    expect(readSystemZone({ platform: 'win32', root, env: {}, intlZone })).toBe('Pacific/Auckland');
  });

  it('on this machine the real sources give a valid IANA zone', () => {
    expect(isValidZone(readSystemZone())).toBe(true);
  });
});

describe('locale', () => {
  it('POSIX locale names become BCP 47 tags', () => {
    expect(posixLocaleToBcp47('fr_CA.UTF-8')).toBe('fr-CA');
    expect(posixLocaleToBcp47('de_DE@euro')).toBe('de-DE');
    expect(posixLocaleToBcp47('sr_RS@latin')).toBe('sr-Latn-RS');
    expect(posixLocaleToBcp47('pt_BR')).toBe('pt-BR');
    expect(posixLocaleToBcp47('es_419.UTF-8')).toBe('es-419');
    expect(posixLocaleToBcp47('ja')).toBe('ja');
    expect(posixLocaleToBcp47('C.UTF-8')).toBeNull();
    expect(posixLocaleToBcp47('POSIX')).toBeNull();
    expect(posixLocaleToBcp47('../../etc')).toBeNull();
  });

  it('LC_ALL over LC_MESSAGES over LANG; "C" and Windows fall back to Intl', () => {
    const intlLocale = () => 'en-GB';
    expect(readSystemLocale({ platform: 'linux', env: { LANG: 'fr_CA.UTF-8', LC_MESSAGES: 'de_AT.UTF-8', LC_ALL: 'it_CH.UTF-8' }, intlLocale })).toBe('it-CH');
    expect(readSystemLocale({ platform: 'linux', env: { LANG: 'fr_CA.UTF-8', LC_MESSAGES: 'de_AT.UTF-8' }, intlLocale })).toBe('de-AT');
    expect(readSystemLocale({ platform: 'linux', env: { LANG: 'fr_CA.UTF-8', LC_ALL: '' }, intlLocale })).toBe('fr-CA');
    expect(readSystemLocale({ platform: 'linux', env: { LANG: 'C' }, intlLocale })).toBe('en-GB');
    expect(readSystemLocale({ platform: 'win32', env: { LANG: 'fr_CA.UTF-8' }, intlLocale })).toBe('en-GB');
  });
});

describe('createSystemSignals', () => {
  /** Three hand-driven clocks: wall (Clock), monotonic (stops in sleep), boot (counts sleep, never jumps). */
  function clocks() {
    const t = { wall: Date.parse('2026-12-08T21:00:00Z'), mono: 1_000, boot: 3_600_000 };
    return {
      t,
      clock: { now: () => t.wall },
      monotonic: () => t.mono,
      bootClock: () => t.boot,
      run: (ms: number) => { t.wall += ms; t.mono += ms; t.boot += ms; },
    };
  }

  it('zone-changed when the /etc/localtime link changes; zone() is read fresh each call', () => {
    const root = rootWithZone('Europe/Paris');
    const c = clocks();
    const env: NodeJS.ProcessEnv = {};
    const signals = createSystemSignals({ ...c, platform: 'linux', root, env });
    const seen: string[] = [];
    signals.on('zone-changed', () => seen.push(signals.zone()));
    expect(signals.zone()).toBe('Europe/Paris');
    expect(signals.check()).toEqual([]);
    relink(root, 'America/New_York');
    expect(signals.zone()).toBe('America/New_York');
    c.run(60_000);
    expect(signals.check()).toEqual(['zone-changed']);
    expect(seen).toEqual(['America/New_York']);
    expect(signals.check()).toEqual([]); // reported once
  });

  it('locale-changed when the environment says another locale', () => {
    const env: NodeJS.ProcessEnv = { LANG: 'en_US.UTF-8' };
    const signals = createSystemSignals({ ...clocks(), platform: 'linux', root: rootWithZone('UTC'), env });
    expect(signals.locale()).toBe('en-US');
    env['LANG'] = 'fr_CA.UTF-8';
    expect(signals.check()).toEqual(['locale-changed']);
    expect(signals.locale()).toBe('fr-CA');
  });

  it('resume after sleep: boot time advanced, monotonic time did not', () => {
    const c = clocks();
    const signals = createSystemSignals({ ...c, platform: 'linux', root: rootWithZone('UTC'), env: {} });
    let resumed = 0;
    signals.on('resume', () => resumed++);
    c.run(30_000);
    c.t.wall += 8 * 3_600_000; c.t.boot += 8 * 3_600_000; // a night asleep
    expect(signals.check()).toEqual(['resume']);
    expect(resumed).toBe(1);
  });

  it('clock-changed when the wall clock is set, either way; drift under the threshold is ignored', () => {
    const c = clocks();
    const signals = createSystemSignals({ ...c, platform: 'linux', root: rootWithZone('UTC'), env: {} });
    c.run(10_000);
    c.t.wall -= 3_600_000;
    expect(signals.check()).toEqual(['clock-changed']);
    c.run(10_000);
    c.t.wall += 86_400_000;
    expect(signals.check()).toEqual(['clock-changed']);
    c.run(600_000);
    c.t.wall += 1_500; // NTP-sized correction
    expect(signals.check()).toEqual([]);
  });

  it('unsubscribe stops a listener; a throwing listener does not stop the others and is logged', () => {
    const c = clocks();
    const errors: string[] = [];
    const logger = { debug() {}, info() {}, warn() {}, error: (m: string) => void errors.push(m) };
    const signals = createSystemSignals({ ...c, platform: 'linux', root: rootWithZone('UTC'), env: {}, logger });
    let a = 0;
    let b = 0;
    const offA = signals.on('clock-changed', () => { a++; throw new Error('bug'); });
    signals.on('clock-changed', () => b++);
    c.t.wall += 3_600_000;
    signals.check();
    offA();
    c.t.wall += 3_600_000;
    signals.check();
    expect([a, b]).toEqual([1, 2]);
    expect(errors).toEqual(['system signal listener threw']);
  });

  it('lastBoot is wall time minus uptime; restartPending reads the injected root', async () => {
    const c = clocks();
    const root = rootWithZone('UTC');
    const signals = createSystemSignals({ ...c, platform: 'linux', root, env: { PATH: '/nonexistent' } });
    expect(signals.lastBoot()).toBe(Date.parse('2026-12-08T20:00:00Z'));
    expect(await signals.restartPending()).toBe(false);
    writeFileSync(join(root, 'run/reboot-required'), '');
    expect(await signals.restartPending()).toBe(true);
    expect(signals.lastRestartReport()?.reasons).toEqual(['reboot-required']);
  });

  it('defaults (real clocks, real files) run on this machine without events between two immediate checks', async () => {
    const signals = createSystemSignals();
    expect(isValidZone(signals.zone())).toBe(true);
    expect(signals.lastBoot()).toBeLessThan(Date.now());
    expect(await signals.busy()).toBeTypeOf('object');
    expect(signals.check().filter((e) => e === 'resume' || e === 'clock-changed')).toEqual([]);
  });
});
