// `forewarn publish` and `forewarn status`, the real built command against a real server on 127.0.0.1.
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app.js';
import { openStorage, type Storage } from '../../../server/storage/index.js';
import { forewarnAsync, repo, workdir } from './run-cli.js';

let app: FastifyInstance;
let storage: Storage;
let base: string;
let token: string;
const work = workdir();
const FLEET = 'acme-laptops';
const NOW = '2026-12-01T00:00:00Z';

beforeAll(async () => {
  storage = await openStorage({ sqlitePath: join(work.dir, 'server', 'forewarn.sqlite') });
  app = buildServer({ storage, now: () => Date.parse(NOW) });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
  token = await storage.createAdminToken('cli-test');
  copyFileSync(join(repo, 'examples', 'schedule.yaml'), join(work.dir, 'schedule.yaml'));
});
afterAll(async () => {
  await app.close();
  await storage.close();
  work.cleanup();
});

const run = (...args: string[]) => forewarnAsync(args, { cwd: work.dir, env: { FW_TOKEN: token, WRONG: 'fwa_nope' } });

describe('forewarn publish and status', () => {
  it('signs locally, publishes, refuses a rollback with the verify wording, and shows the funnel', async () => {
    for (const k of ['root', 'sched', 'other']) expect((await run('keygen', '--out', k)).status).toBe(0);
    expect((await run('root', 'init', '--fleet', FLEET, '--root-key', 'root.pub', '--schedule-key', 'sched.pub', '--root-threshold', '1', '--schedule-threshold', '1', '--expires', '2030-01-01T00:00:00Z', '--sign', 'root.key', '--out', 'root.json')).status).toBe(0);
    const { readFileSync } = await import('node:fs');
    const rootPut = await fetch(`${base}/v1/fleets/${FLEET}/root`, {
      method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: readFileSync(join(work.dir, 'root.json')),
    });
    expect(rootPut.status).toBe(201);

    const ok = await run('publish', 'schedule.yaml', '--key', 'sched.key', '--server', base, '--token-env', 'FW_TOKEN', '--now', NOW);
    expect(ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^published: acme-laptops version \d+ \(3 maintenances\)/);
    const again = await run('publish', 'schedule.yaml', '--key', 'sched.key', '--server', base, '--token-env', 'FW_TOKEN', '--now', NOW);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/^unchanged: /);

    const wrongKey = await run('publish', 'schedule.yaml', '--key', 'other.key', '--server', base, '--token-env', 'FW_TOKEN', '--now', NOW);
    expect(wrongKey.status).toBe(1);
    expect(wrongKey.stdout).toMatch(/^rejected: [a-z-]+: /);

    const noToken = await run('publish', 'schedule.yaml', '--key', 'sched.key', '--server', base, '--token-env', 'WRONG', '--now', NOW);
    expect(noToken.status).toBe(1);
    expect(noToken.stderr).toMatch(/admin token/);
    expect((await run('publish', 'schedule.yaml', '--key', 'sched.key', '--server', base, '--token-env', 'UNSET')).status).toBe(2);

    const status = await run('status', '--server', base, '--fleet', FLEET, '--token-env', 'FW_TOKEN', '--maintenance', '2026-12-patch-tuesday');
    expect(status.stderr).toBe('');
    expect(status.status).toBe(0);
    expect(status.stdout).toContain('acme-laptops / 2026-12-patch-tuesday');
    expect(status.stdout).toMatch(/targeted\s+0\s+-/);
    const json = JSON.parse((await run('status', '--server', base, '--fleet', FLEET, '--token-env', 'FW_TOKEN', '--json')).stdout);
    expect(json.funnels).toHaveLength(3);
    const refused = await run('status', '--server', base, '--fleet', FLEET, '--token-env', 'WRONG');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/refused the admin token/);
  });

  it('passes --group and --tag through to the server: the funnel counts only those devices', async () => {
    for (const [deviceId, groups, tags] of [['fin-1', ['finance team'], ['windows']], ['fin-2', ['finance team'], []], ['ops-1', ['ops'], ['windows']]] as const) {
      const enrolled = await storage.enroll({ fleet: FLEET, token: await storage.createEnrollmentToken(FLEET), deviceId, groups, tags });
      expect(enrolled.ok).toBe(true);
    }
    const M = ['--server', base, '--fleet', FLEET, '--token-env', 'FW_TOKEN', '--maintenance', '2026-12-patch-tuesday'];
    const all = await run('status', ...M);
    expect(all.stdout).toMatch(/targeted\s+3\s+100%/);
    // A space in the name travels percent-encoded and comes back as the same name.
    const finance = await run('status', ...M, '--group', 'finance team');
    expect(finance.stderr).toBe('');
    expect(finance.stdout).toContain('acme-laptops / 2026-12-patch-tuesday (group finance team)');
    expect(finance.stdout).toMatch(/targeted\s+2\s+100%/);
    const bothRun = await run('status', ...M, '--group', 'finance team', '--tag', 'windows', '--json');
    expect(bothRun.stderr).toBe('');
    const both = JSON.parse(bothRun.stdout);
    expect(both.funnels).toEqual([expect.objectContaining({ maintenance: '2026-12-patch-tuesday', targeted: 1 })]);
  });
});
