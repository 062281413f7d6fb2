import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../../../server/app.js';
import { openStorage, type Storage } from '../../../server/storage/index.js';

describe('buildServer', () => {
  let dir = '';
  let storage: Storage | null = null;
  afterEach(async () => {
    await storage?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a pino logger and answers unknown routes and bad params with JSON errors', async () => {
    dir = mkdtempSync(join(tmpdir(), 'forewarn-app-'));
    storage = await openStorage({ sqlitePath: join(dir, 'db.sqlite') });
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write(chunk, _enc, done) { lines.push(String(chunk)); done(); } }));
    const app = buildServer({ storage, logger });
    const missing = await app.inject({ method: 'GET', url: '/nope' });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toEqual({ error: 'not-found', message: 'no route GET /nope' });
    const bad = await app.inject({ method: 'GET', url: '/v1/fleets/Not%20A%20Fleet/schedule' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ error: 'invalid-request', message: expect.stringMatching(/params\/fleet/) });
    await app.close();
    expect(lines.some((l) => JSON.parse(l).req?.url === '/nope')).toBe(true);
  });
});
