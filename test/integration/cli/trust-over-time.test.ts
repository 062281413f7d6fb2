import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forewarn, repo, workdir } from './run-cli.js';

/**
 * What an agent remembers between checks (verify --state), root rotation followed with --root-chain,
 * encrypted keys, and the reasons IT sees when a schedule is refused before signing.
 */
describe('forewarn over time: state, rotation, passphrases, refusals', () => {
  const { dir, cleanup } = workdir();
  const env = { SIGNING_PASSPHRASE: 'correct horse battery staple' };
  const run = (...args: string[]) => forewarn(args, { cwd: dir, env });
  const NOW = '2026-12-01T09:00:00Z';
  const example = parse(readFileSync(join(repo, 'examples', 'schedule.yaml'), 'utf8'));

  /** Writes examples/schedule.yaml with changes, signs it with `key`, returns the signed file name. */
  function signed(name: string, change: (doc: any) => void, key = 'sched.key'): string {
    const doc = structuredClone(example);
    change(doc);
    writeFileSync(join(dir, `${name}.yaml`), stringify(doc));
    const r = run('sign', `${name}.yaml`, '--key', key, '--passphrase-env', 'SIGNING_PASSPHRASE', '--out', `${name}.signed.json`, '--now', NOW);
    expect(r.status, r.stderr).toBe(0);
    return `${name}.signed.json`;
  }

  beforeAll(() => {
    for (const name of ['root-a', 'root-b', 'root-c']) expect(run('keygen', '--out', name).status).toBe(0);
    expect(run('keygen', '--out', 'sched', '--passphrase-env', 'SIGNING_PASSPHRASE').status).toBe(0);
    expect(run('keygen', '--out', 'sched-new').status).toBe(0);
    const init = run('root', 'init', '--fleet', 'acme-laptops', '--root-key', 'root-a.pub', '--root-key', 'root-b.pub', '--root-threshold', '2',
      '--schedule-key', 'sched.pub', '--schedule-threshold', '1', '--expires', '3650d', '--sign', 'root-a.key', '--sign', 'root-b.key', '--out', 'root.json');
    expect(init.status, init.stderr).toBe(0);
  });
  afterAll(cleanup);

  it('an encrypted key needs its passphrase, and a wrong one is named plainly', () => {
    writeFileSync(join(dir, 's.yaml'), stringify(example));
    const none = forewarn(['sign', 's.yaml', '--key', 'sched.key', '--out', 'x.json', '--now', NOW], { cwd: dir });
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/sched\.key: .*encrypted.*--passphrase-env/);
    const wrong = forewarn(['sign', 's.yaml', '--key', 'sched.key', '--out', 'x.json', '--passphrase-env', 'P', '--now', NOW], { cwd: dir, env: { P: 'nope' } });
    expect(wrong.status).toBe(1);
    expect(wrong.stderr).toMatch(/wrong passphrase/i);
  });

  it('remembers the highest version: a rollback and an equivocation are caught across calls', () => {
    const v1 = signed('v1', (d) => { d.version = 1; });
    const v2 = signed('v2', (d) => { d.version = 2; });
    const v2b = signed('v2b', (d) => { d.version = 2; d.maintenances[0].title = 'Another story under the same version'; });
    const verify = (file: string) => run('verify', file, '--root', 'root.json', '--state', 'state', '--now', NOW);
    expect(verify(v1).stdout).toMatch(/^accepted: acme-laptops version 1,/);
    expect(verify(v2).stdout).toMatch(/^accepted: acme-laptops version 2,/);
    expect(verify(v2).stdout).toMatch(/^accepted: acme-laptops version 2 \(unchanged\)/);
    const back = verify(v1);
    expect(back.status).toBe(1);
    expect(back.stdout).toMatch(/^rejected: rollback: /);
    const other = verify(v2b);
    expect(other.status).toBe(1);
    expect(other.stdout).toMatch(/^rejected: equivocation: /);
    // Without state, each is fine on its own: the memory is what catches them.
    expect(run('verify', v1, '--root', 'root.json', '--now', NOW).status).toBe(0);
  });

  it('refuses an invalid schedule before signing, naming field, reason and line', () => {
    writeFileSync(join(dir, 'bad.yaml'), readFileSync(join(repo, 'examples', 'schedule.yaml'), 'utf8')
      .replace(/^fleet: .*$/m, 'fleet: Acme Laptops!'));
    const r = run('sign', 'bad.yaml', '--key', 'sched.key', '--passphrase-env', 'SIGNING_PASSPHRASE', '--out', 'bad.signed.json', '--now', NOW);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.yaml has 1 problem; nothing was signed/);
    expect(r.stderr).toMatch(/^ {2}fleet: .+ \(line \d+\)$/m);
  });

  it('follows a root rotation: old and new root keys sign, new schedule keys take over', () => {
    const rotate = (...signers: string[]) => run('root', 'rotate', '--from', 'root.json', '--add-root-key', 'root-c.pub', '--remove-root-key', 'root-b.pub',
      '--add-schedule-key', 'sched-new.pub', '--remove-schedule-key', 'sched.pub', '--expires', '3650d',
      ...signers.flatMap((s) => ['--sign', s]), '--out', '2.root.json', '--force');
    // The new key holders alone cannot move the fleet: root 1 needs two of its keys.
    const alone = rotate('root-a.key', 'root-c.key');
    expect(alone.status).toBe(1);
    expect(alone.stderr).toMatch(/root-rotation-invalid/);
    const ok = rotate('root-a.key', 'root-b.key', 'root-c.key');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('root version 2');

    const fresh = signed('v9', (d) => { d.version = 9; }, 'sched-new.key');
    // An agent that has only root 1 does not know the new schedule key ...
    expect(run('verify', fresh, '--root', 'root.json', '--now', NOW).stdout).toMatch(/^rejected: unknown-key: /);
    // ... and accepts it once it follows the chain.
    const followed = run('verify', fresh, '--root', 'root.json', '--root-chain', '2.root.json', '--now', NOW);
    expect(followed.status, followed.stdout + followed.stderr).toBe(0);
    // The old schedule key is revoked by root 2.
    const old = signed('v10', (d) => { d.version = 10; });
    expect(run('verify', old, '--root', 'root.json', '--root-chain', '2.root.json', '--now', NOW).stdout).toMatch(/^rejected: unknown-key: /);
  });

  it('a root chain not signed by the old root keys is refused', () => {
    // Someone holding only root-c makes a root of their own and "rotates" it to a version 2.
    expect(run('root', 'init', '--fleet', 'acme-laptops', '--root-key', 'root-c.pub', '--root-threshold', '1', '--schedule-key', 'sched-new.pub',
      '--expires', '3650d', '--sign', 'root-c.key', '--out', 'evil-1.json').status).toBe(0);
    expect(run('root', 'rotate', '--from', 'evil-1.json', '--expires', '3650d', '--sign', 'root-c.key', '--out', 'evil-2.json').status).toBe(0);
    const r = run('verify', 'v9.signed.json', '--root', 'root.json', '--root-chain', 'evil-2.json', '--now', NOW);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^rejected: root-rotation-invalid: /);
  });
});

describe('forewarn verify --state across a rotation', () => {
  const { dir, cleanup } = workdir();
  const run = (...args: string[]) => forewarn(args, { cwd: dir });
  const NOW = '2026-12-01T09:00:00Z';
  const example = readFileSync(join(repo, 'examples', 'schedule.yaml'), 'utf8');
  const signedAs = (version: number, key: string): string => {
    writeFileSync(join(dir, `v${version}.yaml`), example.replace(/^version: \d+$/m, `version: ${version}`));
    const r = run('sign', `v${version}.yaml`, '--key', key, '--out', `v${version}.${key}.json`, '--now', NOW);
    expect(r.status, r.stderr).toBe(0);
    return `v${version}.${key}.json`;
  };
  const verify = (file: string, ...more: string[]) => run('verify', file, '--root', 'root.json', '--state', 'state', '--now', NOW, ...more);

  beforeAll(() => {
    for (const k of ['ra', 'old', 'new', 'co']) expect(run('keygen', '--out', k).status).toBe(0);
    expect(run('root', 'init', '--fleet', 'acme-laptops', '--root-key', 'ra.pub', '--schedule-key', 'old.pub', '--expires', '3650d',
      '--sign', 'ra.key', '--out', 'root.json').status).toBe(0);
  });
  afterAll(cleanup);

  it('forgets a version signed by a revoked key (fast-forward recovery), then protects the new one', () => {
    // A compromised old key pushes a huge version ...
    expect(verify(signedAs(1000, 'old.key')).stdout).toMatch(/^accepted: .* version 1000,/);
    // ... IT rotates the schedule key away ...
    expect(run('root', 'rotate', '--from', 'root.json', '--remove-schedule-key', 'old.pub', '--add-schedule-key', 'new.pub',
      '--expires', '3650d', '--sign', 'ra.key', '--out', '2.root.json').status).toBe(0);
    // ... and the real version 5 is not locked out as a "rollback".
    expect(verify(signedAs(5, 'new.key'), '--root-chain', '2.root.json').stdout).toMatch(/^accepted: .* version 5,/);
    // Rollback protection is back for the new key: version 4 is refused.
    expect(verify(signedAs(4, 'new.key'), '--root-chain', '2.root.json').stdout).toMatch(/^rejected: rollback: /);
  });

  it('remembers the rotation: leaving out --root-chain later does not bring back the revoked key', () => {
    const r = verify(signedAs(2000, 'old.key'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^rejected: unknown-key: /);
    expect(verify(signedAs(6, 'new.key')).stdout).toMatch(/^accepted: .* version 6,/);
  });

  it('never trusts a remembered root on its own signatures: a forged one in the state folder is refused', () => {
    const rootsDir = join(dir, 'state', 'roots');
    const [first] = readdirSync(rootsDir);
    const stored = JSON.parse(readFileSync(join(rootsDir, first!), 'utf8'));
    // Someone with write access to the state folder swaps in a root signed only by a key of their own.
    expect(run('root', 'init', '--fleet', 'acme-laptops', '--root-key', 'co.pub', '--schedule-key', 'co.pub', '--expires', '3650d',
      '--sign', 'co.key', '--out', 'evil-1.json').status).toBe(0);
    expect(run('root', 'rotate', '--from', 'evil-1.json', '--expires', '3650d', '--sign', 'co.key', '--out', 'evil-2.json').status).toBe(0);
    writeFileSync(join(rootsDir, first!), readFileSync(join(dir, 'evil-2.json')));
    const r = verify(signedAs(7, 'co.key'));
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^rejected: root-rotation-invalid: /);
    writeFileSync(join(rootsDir, first!), `${JSON.stringify(stored, null, 2)}\n`);
  });
});

describe('forewarn sign by separate signers', () => {
  const { dir, cleanup } = workdir();
  const run = (...args: string[]) => forewarn(args, { cwd: dir });
  const NOW = '2026-12-01T09:00:00Z';
  afterAll(cleanup);

  it('adds a second signature to a signed file, meeting a threshold of 2', () => {
    for (const k of ['ra', 's1', 's2']) expect(run('keygen', '--out', k).status).toBe(0);
    expect(run('root', 'init', '--fleet', 'acme-laptops', '--root-key', 'ra.pub', '--schedule-key', 's1.pub', '--schedule-key', 's2.pub',
      '--schedule-threshold', '2', '--expires', '3650d', '--sign', 'ra.key', '--out', 'root.json').status).toBe(0);
    copyFileSync(join(repo, 'examples', 'schedule.yaml'), join(dir, 'schedule.yaml'));
    // The first signer alone is not enough, and --root says so before anything is written.
    const alone = run('sign', 'schedule.yaml', '--key', 's1.key', '--root', 'root.json', '--out', 'one.json', '--now', NOW);
    expect(alone.status).toBe(1);
    expect(alone.stderr).toMatch(/threshold-not-met/);
    expect(run('sign', 'schedule.yaml', '--key', 's1.key', '--out', 'one.json', '--now', NOW).status).toBe(0);
    expect(run('verify', 'one.json', '--root', 'root.json', '--now', NOW).stdout).toMatch(/^rejected: threshold-not-met: /);
    // The second signer, on another machine, adds theirs.
    const second = run('sign', 'one.json', '--key', 's2.key', '--root', 'root.json', '--out', 'two.json', '--now', NOW);
    expect(second.status, second.stderr).toBe(0);
    expect(second.stdout).toContain('2 signatures');
    expect(run('verify', 'two.json', '--root', 'root.json', '--now', NOW).status).toBe(0);
  });
});
