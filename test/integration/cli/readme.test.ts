import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, workdir } from './run-cli.js';

/** The README must be true: its first lines are the set-up commands, and its walk-through runs as written. */
describe('README', () => {
  const readme = readFileSync(join(repo, 'README.md'), 'utf8');
  const { dir, cleanup } = workdir();
  afterAll(cleanup);

  it('starts with the two set-up commands: run the demo, run the tests', () => {
    const lines = readme.split('\n');
    expect(lines[0]).toBe('```sh');
    expect(lines[1]).toMatch(/^npm ci && npm start\b/);
    expect(lines[2]).toMatch(/^npm ci && npm test\b/);
    const pkg = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8'));
    expect(pkg.scripts.start).toContain('demo');
    expect(pkg.scripts.test).toMatch(/lint.*build.*vitest run/);
  });

  it('walk-through: keys -> root -> sign -> verify -> inspect works exactly as written', () => {
    const section = readme.slice(readme.indexOf('## Walk-through'));
    const block = /```sh\n([\s\S]*?)```/.exec(section)?.[1];
    expect(block).toBeDefined();
    const r = spawnSync('bash', ['-euo', 'pipefail', '-c', block!], {
      cwd: repo, encoding: 'utf8', timeout: 30_000, env: { PATH: process.env.PATH ?? '', TMPDIR: dir, HOME: dir },
    });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^accepted: acme-laptops version 1,/m);
    expect(r.stdout).toContain('signatures verified against root version 1');
    expect(r.stdout).toContain('Europe/Paris');
    expect(r.stdout).toMatch(/^0 errors, \d+ warnings?$/m);
    expect(r.stdout).toContain('what a person sees from');
  });
});
