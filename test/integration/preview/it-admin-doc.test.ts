// docs/it-admin.md must be true: its shell blocks run here, in order, exactly as written, from the repository
// (as a reader who just ran `npm ci`) into an empty HOME. Two markers change how a block runs:
// `<!-- doc-test: skip … -->` (npm ci: it needs the network and has run already), and
// `<!-- doc-test: stops with Ctrl-C -->` (forewarn preview: started, waited for until it prints its link,
// then sent SIGINT, and it must exit 0). The server the doc starts is stopped by the doc's last block; should
// the script fail before that, the whole process group this test started is ended.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { repo, workdir } from '../cli/run-cli.js';

interface Block { code: string; marker: string | undefined }

/** Every ```sh block, with the `<!-- doc-test: … -->` marker on the line before it, if any. */
export function shellBlocks(markdown: string): Block[] {
  const blocks: Block[] = [];
  const re = /(?:<!-- doc-test: ([^>]*?) -->\n)?```sh\n([\s\S]*?)```/g;
  for (let m = re.exec(markdown); m !== null; m = re.exec(markdown)) blocks.push({ marker: m[1], code: m[2]! });
  return blocks;
}

function script(blocks: Block[]): string {
  const parts: string[] = [];
  for (const block of blocks) {
    if (block.marker?.startsWith('skip')) continue;
    if (block.marker === 'stops with Ctrl-C') {
      const command = block.code.trim();
      expect(command.split('\n')).toHaveLength(1);
      parts.push([
        `${command} > preview.out 2>&1 &`,
        'PREVIEW=$!',
        'until grep -q "^open the views: http://127.0.0.1:" preview.out; do kill -0 "$PREVIEW" || { cat preview.out >&2; exit 1; }; sleep 0.2; done',
        'kill -INT "$PREVIEW"',
        'wait "$PREVIEW"',
        'echo "preview stopped with status $?"; cat preview.out',
      ].join('\n'));
      continue;
    }
    if (block.marker !== undefined) throw new Error(`unknown doc-test marker "${block.marker}"`);
    parts.push(block.code);
  }
  return parts.join('\n');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

describe('docs/it-admin.md', () => {
  const doc = readFileSync(join(repo, 'docs', 'it-admin.md'), 'utf8');
  const { dir, cleanup } = workdir();
  let group: number | undefined;
  /** Ends what the doc started (the server, a preview) if the script stopped before its own `kill`. */
  const endGroup = () => {
    if (group === undefined) return;
    try {
      process.kill(-group, 'SIGTERM');
    } catch {
      // the group is already gone: the normal case
    }
    group = undefined;
  };
  afterAll(() => {
    endGroup();
    cleanup();
  });

  it('is linked from the README', () => {
    expect(readFileSync(join(repo, 'README.md'), 'utf8')).toContain('(docs/it-admin.md)');
  });

  it('the journey runs as written: install, keys, root, schedule, lint, inspect, preview, sign, server, publish, agent, status', async () => {
    const blocks = shellBlocks(doc);
    expect(blocks.filter((b) => b.marker === undefined).length).toBeGreaterThanOrEqual(10);
    const port = await freePort();
    const child = spawn('bash', ['-euo', 'pipefail', '-c', script(blocks)], {
      cwd: repo, detached: true,
      env: { PATH: process.env.PATH ?? '', HOME: dir, TMPDIR: dir, PORT: String(port) },
    });
    group = child.pid;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { stdout += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { stderr += d; });
    const status = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    endGroup();
    expect(status, `${stdout}\n${stderr}`).toBe(0);
    expect(stdout).toMatch(/^\d+\.\d+\.\d+$/m); // forewarn --version
    expect(stdout).toMatch(/^0 errors, \d+ warnings?$/m); // lint
    expect(stdout).toContain('what a person sees from'); // inspect --from
    expect(stdout).toContain('preview stopped with status 0');
    expect(stdout).toMatch(/^open the views: http:\/\/127\.0\.0\.1:\d+\/\?session=/m);
    expect(stdout).toMatch(/^accepted: acme-laptops version 1,/m); // verify
    expect(stdout).toMatch(/"fleet":"acme-laptops","version":1,"unchanged":false/); // the root PUT
    expect(stdout).toMatch(/^published: acme-laptops version 1 /m);
    expect(stdout).toContain('acme-laptops / 2026-12-patch-tuesday'); // status: the maintenance's funnel
    expect(stdout).toMatch(/^ +delivered +1 +100%$/m); // …where the agent of step 11 has it
    expect(stdout).toContain(`dashboard: http://127.0.0.1:${port}/dashboard`);
    const agentLog = readFileSync(join(dir, 'acme-forewarn', 'agent.log'), 'utf8');
    expect(agentLog).toMatch(/"event":"done"/);
  }, 180_000); // about 15 s alone; a whole suite on two cores can make it several times that
});
