import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { detectBusy, focusAssertionActive } from '../../../main/platform/busy.js';
import { fakeBin, type FakeBin } from './fake-bin.js';

describe('detectBusy', () => {
  let bin: FakeBin;
  let home: string | undefined;
  afterEach(() => {
    bin?.cleanup();
    if (home) rmSync(home, { recursive: true, force: true });
  });

  it('Linux: dunst paused is do-not-disturb; running is not', async () => {
    bin = fakeBin();
    bin.add('dunstctl', '[ "$1" = "is-paused" ] || exit 9\necho true');
    expect(await detectBusy({ platform: 'linux', env: bin.env })).toEqual({ doNotDisturb: true });
    bin.add('dunstctl', 'echo false');
    expect(await detectBusy({ platform: 'linux', env: bin.env })).toEqual({});
  });

  it('Linux: GNOME banners off is do-not-disturb', async () => {
    bin = fakeBin();
    bin.add('gsettings', '[ "$2 $3" = "org.gnome.desktop.notifications show-banners" ] || exit 9\necho false');
    expect(await detectBusy({ platform: 'linux', env: bin.env })).toEqual({ doNotDisturb: true });
    bin.add('gsettings', 'echo true');
    expect(await detectBusy({ platform: 'linux', env: bin.env })).toEqual({});
  });

  it('Linux: no desktop tools, failing ones and hanging ones all mean "nothing detected", within the bound', async () => {
    bin = fakeBin();
    expect(await detectBusy({ platform: 'linux', env: { PATH: bin.dir } })).toEqual({});
    bin.add('dunstctl', 'echo "Dunst is not running." >&2; exit 1');
    bin.add('gsettings', 'exec sleep 30');
    expect(await detectBusy({ platform: 'linux', env: bin.env, timeoutMs: 200 })).toEqual({});
  });

  it('macOS: a Focus assertion in Assertions.json is do-not-disturb; none, unreadable or garbage is not', async () => {
    home = mkdtempSync(join(tmpdir(), 'forewarn-home-'));
    expect(await detectBusy({ platform: 'darwin', home })).toEqual({});
    mkdirSync(join(home, 'Library/DoNotDisturb/DB'), { recursive: true });
    const file = join(home, 'Library/DoNotDisturb/DB/Assertions.json');
    writeFileSync(file, JSON.stringify({ data: [{ storeAssertionRecords: [{ assertionDetails: { assertionDetailsModeIdentifier: 'com.apple.donotdisturb.mode.default' } }] }] }));
    expect(await detectBusy({ platform: 'darwin', home })).toEqual({ doNotDisturb: true });
    writeFileSync(file, JSON.stringify({ data: [{}] }));
    expect(await detectBusy({ platform: 'darwin', home })).toEqual({});
    expect(focusAssertionActive('{not json')).toBe(false);
  });

  it('Windows: nothing is probed (documented as too slow), so {}', async () => {
    expect(await detectBusy({ platform: 'win32' })).toEqual({});
  });
});
