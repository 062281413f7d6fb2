// The loopback bridge over real HTTP, against the real engine and fleet server: what it serves, and what it
// refuses (no session, another origin, another host, bad arguments, unknown channels, links not in the schedule).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionResult, Snapshot } from '../../../core/agent-api.js';
import { startPreview, type Preview } from '../../../cli/preview/index.js';
import { PREVIEW_CSP } from '../../../cli/preview/bridge-server.js';
import { EXAMPLE, fakeRenderer, PATCH, PROMPT_OPEN } from './support.js';

describe('preview bridge over HTTP', () => {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-preview-test-'));
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview({ schedule: EXAMPLE, zone: 'Europe/Paris', locale: 'en', at: PROMPT_OPEN, rendererDir: fakeRenderer(dir) });
  });
  afterAll(async () => {
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  const post = (channel: string, body: string, headers: Record<string, string> = {}) => fetch(`${preview.origin}/api/${channel}`, {
    method: 'POST', body, headers: { 'content-type': 'application/json', 'x-forewarn-session': preview.token, ...headers },
  });

  it('answers getSnapshot with the engine\'s snapshot of the signed example', async () => {
    const { status, body } = await preview.call('getSnapshot', []);
    expect(status).toBe(200);
    const snapshot = body as Snapshot;
    expect(snapshot.schedule?.fleet).toBe('acme-laptops');
    expect(snapshot.zone).toBe('Europe/Paris');
    expect(snapshot.tray.status).toBe('restart-pending');
    expect(snapshot.prompt?.maintenance).toBe(PATCH);
    expect(snapshot.errors).toEqual([]);
    expect(snapshot.dryRun).toBe(true);
  });

  it('the first visit trades the token in the URL for an HttpOnly SameSite=Strict cookie and drops it from the address', async () => {
    const res = await fetch(preview.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    const cookie = res.headers.get('set-cookie') ?? '';
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    const pair = cookie.split(';')[0]!;
    expect(pair).toBe(preview.cookie);
    const withCookie = await fetch(`${preview.origin}/api/getSnapshot`, { method: 'POST', headers: { cookie: pair, 'content-type': 'application/json' }, body: '[]' });
    expect(withCookie.status).toBe(200);
    const wrong = await fetch(`${preview.origin}/?session=not-the-token`, { redirect: 'manual' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('set-cookie')).toBeNull();
  });

  it('serves the views\' index.html with the bridge script added before the app, under the strict CSP', async () => {
    const res = await fetch(`${preview.origin}/`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(PREVIEW_CSP);
    expect(PREVIEW_CSP).toContain("script-src 'self'");
    expect(PREVIEW_CSP).not.toContain('unsafe-inline');
    const html = await res.text();
    expect(html.indexOf('<script src="./preview-bridge.js"></script>')).toBeGreaterThan(0);
    expect(html.indexOf('preview-bridge.js')).toBeLessThan(html.indexOf('assets/app.js'));
    const script = await fetch(`${preview.origin}/preview-bridge.js`);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(await script.text()).toContain("Object.defineProperty(window, 'forewarn'");
    expect((await fetch(`${preview.origin}/assets/app.js`)).status).toBe(200);
    expect((await fetch(`${preview.origin}/%2e%2e/package.json`)).status).toBe(404);
    expect((await fetch(`${preview.origin}/nothing-here.js`)).status).toBe(404);
  });

  it('refuses /api without the session token (401) and from another origin (403), even with the token', async () => {
    const none = await fetch(`${preview.origin}/api/getSnapshot`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '[]' });
    expect(none.status).toBe(401);
    expect((await post('getSnapshot', '[]', { 'x-forewarn-session': 'x'.repeat(43) })).status).toBe(401);
    const events = await fetch(`${preview.origin}/api/events`);
    expect(events.status).toBe(401);
    const foreign = await post('acknowledge', JSON.stringify([PATCH]), { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
    expect(((await foreign.json()) as { error: { message: string } }).error.message).toContain('https://evil.example');
    expect((await post('getSnapshot', '[]', { origin: preview.origin })).status).toBe(200);
  });

  it('refuses a request that names another host (DNS rebinding) with 403', async () => {
    const { request } = await import('node:http');
    const status = await new Promise<number>((resolve, reject) => {
      const req = request(`${preview.origin}/api/getSnapshot`, {
        method: 'POST', headers: { host: 'attacker.example', 'content-type': 'application/json', 'x-forewarn-session': preview.token },
      }, (res) => { res.resume(); resolve(res.statusCode ?? 0); });
      req.on('error', reject);
      req.end('[]');
    });
    expect(status).toBe(403);
  });

  it('answers bad arguments with 400 and the contract\'s message naming the field; nothing reaches the engine', async () => {
    const before = (await preview.serverEvents()).length;
    const bad = await post('defer', JSON.stringify([PATCH, { kind: 'defer', seconds: -5 }]));
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as ActionResult;
    expect(body.ok).toBe(false);
    if (!body.ok) {
      expect(body.error.code).toBe('invalid-argument');
      expect(body.error.message).toMatch(/^defer: 1\.seconds: /);
    }
    const badId = (await (await post('acknowledge', JSON.stringify(['../etc']))).json()) as ActionResult;
    expect(!badId.ok && badId.error.message).toMatch(/^acknowledge: 0: must be a maintenance id/);
    expect((await post('restartNow', '{not json')).status).toBe(400);
    expect((await post('restartNow', '[]', { 'content-type': 'text/plain' })).status).toBe(415);
    expect((await post('reportProblem', JSON.stringify([{ text: 'x'.repeat(70_000) }]))).status).toBe(413);
    await preview.engine.settled();
    expect((await preview.serverEvents()).length).toBe(before);
    expect(preview.restarts).toEqual([]);
  });

  it('answers unknown channels with 404, listing the real ones', async () => {
    const res = await post('runShell', '["rm -rf /"]');
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toContain('getSnapshot');
    expect((await post('__proto__', '[]')).status).toBe(404);
    const get = await fetch(`${preview.origin}/api/getSnapshot`, { headers: { 'x-forewarn-session': preview.token } });
    expect(get.status).toBe(405);
  });

  it('openHelpLink opens only https links the signed schedule lists; the rest are refused and never opened', async () => {
    const allowed = ['https://help.acme.example/patching', 'https://status.acme.example', 'https://chat.acme.example/it-help',
      'https://help.acme.example/patching/2026-12'];
    for (const url of allowed) {
      const { status, body } = await preview.call('openHelpLink', [url]);
      expect(status).toBe(200);
      expect((body as ActionResult).ok).toBe(true);
    }
    const refused = ['https://evil.example/', 'http://help.acme.example/patching', 'https://help.acme.example/patching/other'];
    for (const url of refused) {
      const { status, body } = await preview.call('openHelpLink', [url]);
      expect(status).toBe(200);
      expect(body).toMatchObject({ ok: false, error: { code: 'not-offered' } });
    }
    const notWeb = await preview.call('openHelpLink', ['javascript:alert(1)']);
    expect(notWeb.status).toBe(400);
    expect(preview.opened).toEqual(allowed);
    expect(preview.refusedLinks).toEqual(refused);
  });
});

describe('preview bridge without built views', () => {
  it('says how to build them (503) and still answers the API', async () => {
    const { startBridgeServer } = await import('../../../cli/preview/bridge-server.js');
    const dir = mkdtempSync(join(tmpdir(), 'forewarn-preview-nobuild-'));
    const bridge = await startBridgeServer({
      rendererDir: join(dir, 'missing'),
      handlers: { handle: async () => ({ ok: false, error: { code: 'not-running', message: 'stub for this check' } }), lastSnapshot: () => undefined },
    });
    try {
      const page = await fetch(`${bridge.origin}/`);
      expect(page.status).toBe(503);
      expect(await page.text()).toContain('npm run build');
      const api = await fetch(`${bridge.origin}/api/checkNow`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-forewarn-session': bridge.token }, body: '[]' });
      expect(api.status).toBe(200);
      expect(await api.json()).toMatchObject({ ok: false, error: { code: 'not-running' } });
    } finally {
      await bridge.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
