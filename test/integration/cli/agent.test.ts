// `forewarn agent`: the headless Node agent from the command line (in-process through cli/main.ts), against a
// real fleet server on loopback.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../../cli/main.js';
import { cleanDirs, FLEET, makeTrust, startFleetServer, tempDir, type FleetServer } from '../engine/harness.js';

const trust = makeTrust();
const servers: FleetServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.stop();
  cleanDirs();
});

async function forewarn(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const status = await main(args, { out: (l) => out.push(l), err: (l) => err.push(l) }, { PATH: '' });
  const lines = out.flatMap((l) => { try { return [JSON.parse(l) as Record<string, unknown>]; } catch { return []; } });
  return { status, out, err, lines };
}

describe('forewarn agent', () => {
  it('--once fetches, reports and exits 0; a second run has nothing left to send', async () => {
    const server = await startFleetServer(trust, Date.parse('2026-12-03T12:00:00Z'));
    servers.push(server);
    expect(await server.publish(trust.schedule(1))).toBe(201);
    const dir = tempDir('forewarn-cli-agent-');
    writeFileSync(join(dir, 'root.json'), trust.root1);
    writeFileSync(join(dir, 'config.json'), JSON.stringify({
      serverUrl: server.url, fleet: FLEET, rootFile: join(dir, 'root.json'), enrollmentToken: await server.storage.createEnrollmentToken(FLEET), groups: [], tags: [],
    }), { mode: 0o644 });
    const args = ['agent', '--config', join(dir, 'config.json'), '--state', join(dir, 'state'), '--once', '--now', '2026-12-03T12:00:00Z'];
    const r = await forewarn(args);
    expect(r.status, r.err.join('\n')).toBe(0);
    const done = r.lines.find((l) => l['event'] === 'done');
    expect(done).toMatchObject({ status: 'upcoming', errors: [], outbox: 0 });
    const device = r.lines.find((l) => l['event'] === 'ready')!['device'] as string;
    const first = await server.storage.events({ fleet: FLEET, device });
    expect(first.filter((e) => e.type === 'delivered').map((e) => e.maintenance).sort()).toEqual(['2026-11-phishing-payslip', '2026-12-patch-tuesday']);
    const again = await forewarn(args);
    expect(again.status).toBe(0);
    expect((await server.storage.events({ fleet: FLEET, device })).length).toBe(first.length);
  });

  it('without a managed config it runs in its error state and says why (exit 1 with --once)', async () => {
    const dir = tempDir('forewarn-cli-agent-');
    const r = await forewarn(['agent', '--config', join(dir, 'nope.json'), '--state', join(dir, 'state'), '--once']);
    expect(r.status).toBe(1);
    const done = r.lines.find((l) => l['event'] === 'done') as { status: string; errors: Array<{ kind: string; detail: string }> };
    expect(done.status).toBe('error');
    expect(done.errors[0]).toMatchObject({ kind: 'no-config', detail: expect.stringContaining('nope.json: does not exist') });
  });

  it('refuses contradictory or malformed options as usage errors', async () => {
    expect((await forewarn(['agent', '--dry-run', '--allow-restart'])).status).toBe(2);
    const bad = await forewarn(['agent', '--now', 'tomorrow']);
    expect(bad.status).toBe(2);
    expect(bad.err.join('\n')).toMatch(/--now must be an ISO date-time/);
    const help = await forewarn(['agent', '--help']);
    expect(help.out.join('\n')).toContain('usage: forewarn agent [--config FILE]');
  });
});
