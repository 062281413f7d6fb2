// The managed config against real files in a temp dir: every error kind with its message, and the paths per OS.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { findManagedConfig, loadManagedConfig, managedConfigPaths } from '../../../main/platform/managed-config.js';
import { FLEET, makeTrust } from '../../integration/server/fixtures.js';

const trust = makeTrust();
const dir = mkdtempSync(join(tmpdir(), 'forewarn-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let n = 0;
function file(content: string | object, mode = 0o644): string {
  const path = join(dir, `config-${n++}.json`);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  chmodSync(path, mode);
  return path;
}

const root = JSON.parse(trust.root1.toString('utf8')) as object;
const valid = { serverUrl: 'https://forewarn.example.com', fleet: FLEET, root, enrollmentToken: 'tok-123', groups: ['pilot'], tags: ['lab'] };

describe('managedConfigPaths', () => {
  it('is /etc/forewarn/config.json on Linux', () => {
    expect(managedConfigPaths('linux', {})).toEqual(['/etc/forewarn/config.json']);
  });
  it('is %ProgramData%\\Forewarn\\config.json on Windows, with the usual default', () => {
    expect(managedConfigPaths('win32', { ProgramData: 'D:\\Data' })).toEqual(['D:\\Data\\Forewarn\\config.json']);
    expect(managedConfigPaths('win32', {})).toEqual(['C:\\ProgramData\\Forewarn\\config.json']);
  });
  it('is the managed preferences plist, then Application Support, on macOS', () => {
    expect(managedConfigPaths('darwin', {})).toEqual([
      '/Library/Managed Preferences/com.forewarn.agent.plist',
      '/Library/Application Support/Forewarn/config.json',
    ]);
  });
});

describe('loadManagedConfig', () => {
  it('loads a valid config: the root as exact bytes, groups and tags, no warnings for 0644', () => {
    const result = loadManagedConfig(file(valid));
    if (!result.ok) throw new Error(result.error.message);
    expect(result.config).toMatchObject({ serverUrl: valid.serverUrl, fleet: FLEET, enrollmentToken: 'tok-123', groups: ['pilot'], tags: ['lab'] });
    expect(JSON.parse(Buffer.from(result.config.rootBytes).toString('utf8'))).toEqual(root);
    expect(result.warnings).toEqual([]);
  });

  it('reads rootFile and enrollmentTokenFile relative to the config file', () => {
    mkdirSync(join(dir, 'sub'), { recursive: true });
    writeFileSync(join(dir, 'sub', 'root.json'), trust.root1);
    writeFileSync(join(dir, 'sub', 'token'), 'tok-from-file\n');
    const { root: _r, enrollmentToken: _t, ...rest } = valid;
    const result = loadManagedConfig(file({ ...rest, rootFile: 'sub/root.json', enrollmentTokenFile: 'sub/token' }));
    if (!result.ok) throw new Error(result.error.message);
    expect(Buffer.from(result.config.rootBytes).equals(trust.root1)).toBe(true);
    expect(result.config.enrollmentToken).toBe('tok-from-file');
  });

  it('warns (does not refuse) when the file is writable by others', () => {
    const result = loadManagedConfig(file(valid, 0o666));
    expect(result.ok && result.warnings[0]).toMatch(/writable by anyone \(mode 0666\).*root-owned 0644/);
  });

  it('missing: names the path', () => {
    const path = join(dir, 'nope.json');
    expect(loadManagedConfig(path)).toEqual({ ok: false, error: { kind: 'missing', path, message: `${path}: does not exist; IT must install the managed config` } });
    const all = findManagedConfig([path, join(dir, 'nope2.json')]);
    expect(!all.ok && all.error).toMatchObject({ kind: 'missing', message: expect.stringContaining(`${path} or ${join(dir, 'nope2.json')}`) });
  });

  it('unreadable: a directory, and a .plist off macOS', () => {
    const r = loadManagedConfig(dir);
    expect(!r.ok && r.error).toMatchObject({ kind: 'unreadable', message: `${dir}: is not a regular file` });
    const plist = join(dir, 'com.forewarn.agent.plist');
    writeFileSync(plist, '<plist/>');
    const p = loadManagedConfig(plist, 'linux');
    expect(!p.ok && p.error).toMatchObject({ kind: 'unreadable', message: expect.stringContaining('can only be read on macOS') });
  });

  it.skipIf(process.getuid?.() === 0)('unreadable: permission denied says what IT should do', () => {
    const path = file(valid, 0o000);
    const r = loadManagedConfig(path);
    expect(!r.ok && r.error).toMatchObject({ kind: 'unreadable', message: expect.stringMatching(/permission denied.*0644/) });
  });

  it('invalid JSON: the line and column', () => {
    const r = loadManagedConfig(file('{\n  "serverUrl": "https://x.example",\n  "fleet": "a",,\n}'));
    expect(!r.ok && r.error).toMatchObject({ kind: 'invalid', line: 3, message: expect.stringMatching(/is not valid JSON \(line 3, column \d+\)/) });
  });

  it('invalid JSON: duplicate keys are refused (no parser differential)', () => {
    const r = loadManagedConfig(file('{"fleet": "a", "fleet": "b"}'));
    expect(!r.ok && r.error.message).toMatch(/duplicate/i);
  });

  it('invalid field: names the field path and its line', () => {
    const r = loadManagedConfig(file({ ...valid, groups: ['a', 'b', ''] }));
    expect(!r.ok && r.error).toMatchObject({ kind: 'invalid', field: 'groups[2]', line: expect.any(Number) });
    expect(!r.ok && r.error.message).toMatch(/groups\[2\]: must not be empty \(line \d+\)/);
  });

  it.each([
    [{ serverUrl: 'http://forewarn.example.com' }, 'serverUrl', /must use https:\/\//],
    [{ serverUrl: 'not a url' }, 'serverUrl', /must be a URL/],
    [{ fleet: 'Acme Laptops' }, 'fleet', /must be a fleet id/],
    [{ pollIntervalSeconds: 5 }, 'pollIntervalSeconds', /60/],
    [{ tags: Array.from({ length: 101 }, (_, i) => `t${i}`) }, 'tags', /at most 100/],
    [{ locale: 'english please' }, 'locale', /language tag/],
    [{ colour: 'blue' }, 'colour', /not a known field/],
    [{ dryRun: 'yes' }, 'dryRun', /must be true or false, not "yes"/],
    [{ groups: 'finance' }, 'groups', /must be an array, not "finance"/],
  ])('invalid %j -> %s', (patch, field, message) => {
    const r = loadManagedConfig(file({ ...valid, ...patch }));
    expect(!r.ok && r.error).toMatchObject({ kind: 'invalid', field });
    expect(!r.ok && r.error.message).toMatch(message);
  });

  it('restarts are real unless IT sets dryRun (a pilot group)', () => {
    const plain = loadManagedConfig(file(valid));
    expect(plain.ok && plain.config.dryRun).toBe(false);
    const pilot = loadManagedConfig(file({ ...valid, dryRun: true }));
    expect(pilot.ok && pilot.config.dryRun).toBe(true);
  });

  it('allows http only on loopback', () => {
    for (const serverUrl of ['http://127.0.0.1:8080', 'http://[::1]:8080', 'http://localhost:8080']) {
      expect(loadManagedConfig(file({ ...valid, serverUrl })).ok, serverUrl).toBe(true);
    }
  });

  it('invalid: a missing required field, the root absent or doubled, a root for another fleet, a forged root', () => {
    const { fleet: _f, ...noFleet } = valid;
    expect(loadManagedConfig(file(noFleet))).toMatchObject({ ok: false, error: { field: 'fleet', message: expect.stringContaining('fleet: is required') } });
    const { root: _r, ...noRoot } = valid;
    expect(loadManagedConfig(file(noRoot))).toMatchObject({ ok: false, error: { field: 'root', message: expect.stringContaining('root: is required') } });
    expect(loadManagedConfig(file({ ...valid, rootFile: 'x' }))).toMatchObject({ ok: false, error: { field: 'root', message: expect.stringContaining('not both') } });
    expect(loadManagedConfig(file({ ...valid, fleet: 'other-fleet' }))).toMatchObject({ ok: false, error: { field: 'root', message: expect.stringContaining('the root is for fleet "acme-laptops"') } });
    const forged = JSON.parse(trust.root2Forged.toString('utf8')) as object;
    // root2Forged is signed by its own key: a valid root on its own. A payload that is not a root is refused.
    expect(loadManagedConfig(file({ ...valid, root: forged })).ok).toBe(true);
    const bogus = { ...(root as Record<string, unknown>), payloadType: 'application/vnd.forewarn.schedule+json' };
    expect(loadManagedConfig(file({ ...valid, root: bogus }))).toMatchObject({ ok: false, error: { kind: 'invalid', field: 'root', message: expect.stringContaining('not a usable root: rejected:') } });
    expect(loadManagedConfig(file({ ...valid, enrollmentTokenFile: 'missing-token' }))).toMatchObject({ ok: false, error: { field: 'enrollmentToken' } });
  });
});
