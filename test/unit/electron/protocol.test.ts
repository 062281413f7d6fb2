import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('./mocks/electron.js'));
const electron = await import('./mocks/electron.js');
const { registerPrivilegedScheme, registerRendererProtocol, resolveRendererPath, serveRenderer } = await import('../../../main/electron/protocol.js');
const { CONTENT_SECURITY_POLICY } = await import('../../../main/electron/security.js');

let dir: string;
let root: string;
const SECRET = 'do-not-serve-me';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'forewarn-protocol-'));
  root = join(dir, 'renderer');
  mkdirSync(join(root, 'assets'), { recursive: true });
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>Forewarn</title>');
  writeFileSync(join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(dir, 'secret.txt'), SECRET);
  // A sibling folder whose name starts like the root: a naive startsWith(root) check would let it through.
  mkdirSync(join(dir, 'renderer-evil'));
  writeFileSync(join(dir, 'renderer-evil', 'x.txt'), SECRET);
  symlinkSync(join(dir, 'secret.txt'), join(root, 'link.txt'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));
beforeEach(() => electron.resetElectronMock());

const get = (url: string, method = 'GET') => serveRenderer(new Request(url, { method }), root);

describe('forewarn:// serves dist/renderer only', () => {
  it('serves index.html for / and files by path, with the strict CSP and their type', async () => {
    for (const url of ['forewarn://app/', 'forewarn://app/index.html']) {
      const res = await get(url);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(await res.text()).toContain('<title>Forewarn</title>');
    }
    const js = await get('forewarn://app/assets/app.js');
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('the CSP allows only our own scripts and styles: no inline, no eval, no network, no frames', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
  });

  it.each([
    'forewarn://app/%2e%2e/secret.txt',
    'forewarn://app/%2E%2E%2Fsecret.txt',
    'forewarn://app/assets/..%2F..%2Fsecret.txt',
    'forewarn://app/..%5csecret.txt',
    'forewarn://app/%2e%2e/renderer-evil/x.txt',
    'forewarn://app/link.txt',
    'forewarn://app/index.html%00.png',
    'forewarn://other/index.html',
    'https://app/index.html',
  ])('refuses %s (never the file outside)', async (url) => {
    const res = await get(url);
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await res.text()).not.toContain(SECRET);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('path logic: ".." that stays inside is fine, one that leaves is 403', () => {
    expect(resolveRendererPath('forewarn://app/assets/%2e%2e/index.html', root)).toEqual({ ok: true, file: join(root, 'index.html') });
    expect(resolveRendererPath('forewarn://app/%2e%2e%2fsecret.txt', root)).toEqual({ ok: false, status: 403 });
    expect(resolveRendererPath('forewarn://app/missing.js', root)).toEqual({ ok: true, file: join(root, 'missing.js') });
  });

  it('answers 404 for a missing file and 405 for anything but GET/HEAD', async () => {
    expect((await get('forewarn://app/missing.js')).status).toBe(404);
    expect((await get('forewarn://app/index.html', 'POST')).status).toBe(405);
  });

  it('registers the scheme as standard+secure (no CSP bypass) and the handler on "forewarn"', async () => {
    registerPrivilegedScheme();
    expect(electron.protocol.privileged).toEqual([{ scheme: 'forewarn', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
    registerRendererProtocol(root);
    const res = await electron.protocol.handlers.get('forewarn')!(new Request('forewarn://app/index.html'));
    expect(res.status).toBe(200);
  });
});
