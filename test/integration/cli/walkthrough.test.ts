import { copyFileSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createHash, createPublicKey } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forewarn, repo, workdir } from './run-cli.js';

/** The README's walk-through, step by step, with the real command: keys -> root -> sign -> verify -> inspect. */
describe('forewarn: keys, root, sign, verify', () => {
  const { dir, cleanup } = workdir();
  const run = (...args: string[]) => forewarn(args, { cwd: dir });
  const NOW = '2026-12-01T09:00:00Z';

  beforeAll(() => copyFileSync(join(repo, 'examples', 'schedule.yaml'), join(dir, 'schedule.yaml')));
  afterAll(cleanup);

  it('keygen writes a private key only its owner can read, and prints the keyid of the public key', () => {
    for (const name of ['root-a', 'root-b', 'schedule-1']) {
      const r = run('keygen', '--out', name);
      expect(r.status, r.stderr).toBe(0);
      const keyid = /^keyid ([0-9a-f]{64})$/m.exec(r.stdout)?.[1];
      const spki = createPublicKey(readFileSync(join(dir, `${name}.pub`))).export({ format: 'der', type: 'spki' });
      // The last 32 bytes of an Ed25519 SPKI are the raw public key; the keyid is their SHA-256.
      expect(keyid).toBe(createHash('sha256').update(spki.subarray(-32)).digest('hex'));
      expect(statSync(join(dir, `${name}.key`)).mode & 0o777).toBe(0o600);
      expect(readFileSync(join(dir, `${name}.key`), 'utf8')).toMatch(/^-----BEGIN PRIVATE KEY-----/);
    }
  });

  it('keygen refuses to overwrite a key unless forced', () => {
    const r = run('keygen', '--out', 'root-a');
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('already exist');
  });

  it('root init needs the root threshold of signatures, and writes the root when it has them', () => {
    const base = ['root', 'init', '--fleet', 'acme-laptops', '--root-key', 'root-a.pub', '--root-key', 'root-b.pub',
      '--root-threshold', '2', '--schedule-key', 'schedule-1.pub', '--schedule-threshold', '1', '--expires', '365d'];
    const short = run(...base, '--sign', 'root-a.key', '--out', 'root.json');
    expect(short.status).toBe(1);
    expect(short.stderr).toMatch(/threshold|2/);
    const ok = run(...base, '--sign', 'root-a.key', '--sign', 'root-b.key', '--out', 'root.json');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('acme-laptops');
  });

  it('sign and verify: accepted with a one-line summary', () => {
    const s = run('sign', 'schedule.yaml', '--key', 'schedule-1.key', '--out', 'schedule.signed.json', '--root', 'root.json', '--now', NOW);
    expect(s.status, s.stderr).toBe(0);
    const v = run('verify', 'schedule.signed.json', '--root', 'root.json', '--now', NOW);
    expect(v.status, v.stderr).toBe(0);
    expect(v.stdout.trim().split('\n')).toHaveLength(1);
    expect(v.stdout).toMatch(/^accepted: acme-laptops version 1\b/);
  });

  it('verify --json gives a script the same facts', () => {
    const v = run('verify', 'schedule.signed.json', '--root', 'root.json', '--now', NOW, '--json');
    expect(v.status).toBe(0);
    const facts = JSON.parse(v.stdout);
    expect(facts).toMatchObject({ accepted: true, fleet: 'acme-laptops', version: 1, unchanged: false });
    expect(facts.signedBy).toHaveLength(1);
  });

  it('a tampered schedule is rejected with one line and exit 1', () => {
    const envelope = JSON.parse(readFileSync(join(dir, 'schedule.signed.json'), 'utf8'));
    const doc = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8'));
    doc.maintenances[0].title = 'Nothing to see here';
    envelope.payload = Buffer.from(JSON.stringify(doc)).toString('base64');
    writeFileSync(join(dir, 'tampered.json'), JSON.stringify(envelope));
    const v = run('verify', 'tampered.json', '--root', 'root.json', '--now', NOW);
    expect(v.status).toBe(1);
    expect(v.stdout.trim()).toMatch(/^rejected: bad-signature: .+$/);
    expect(v.stdout.trim().split('\n')).toHaveLength(1);
  });

  it('an expired schedule is rejected (no indefinite freeze)', () => {
    const v = run('verify', 'schedule.signed.json', '--root', 'root.json', '--now', '2031-01-01T00:00:00Z');
    expect(v.status).toBe(1);
    expect(v.stdout).toMatch(/^rejected: expired: /);
  });

  it('inspect shows what users will see, in their zone', () => {
    const r = run('inspect', 'schedule.signed.json', '--root', 'root.json', '--zone', 'Asia/Kolkata', '--locale', 'en', '--now', NOW);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('acme-laptops');
    expect(r.stdout).toContain('Asia/Kolkata');
    expect(r.stdout).toMatch(/signatures verified/);
  });

  it('usage errors exit 2 and say what is wrong', () => {
    const missing = run('verify', 'schedule.signed.json');
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--root is required');
    const unknown = run('verify', 'schedule.signed.json', '--root', 'root.json', '--colour');
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toContain('unknown option --colour');
    expect(run('frobnicate').status).toBe(2);
  });

  it('every command has --help', () => {
    for (const cmd of [['keygen'], ['root', 'init'], ['root', 'rotate'], ['sign'], ['verify'], ['inspect'], ['schema']]) {
      const r = run(...cmd, '--help');
      expect(r.status, cmd.join(' ')).toBe(0);
      expect(r.stdout).toContain(`usage: forewarn ${cmd.join(' ')}`);
    }
    const top = run('--help');
    expect(top.status).toBe(0);
    expect(top.stdout).toContain('root rotate');
  });
});
