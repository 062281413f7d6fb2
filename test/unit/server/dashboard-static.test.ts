// The dashboard's static handler (server/routes/dashboard.ts) over real HTTP on 127.0.0.1: raw request paths
// (node:http sends `..` as written, where fetch would normalise it), a fake build in a temp dir with a secret
// file beside it, a missing build, and a build replaced while the server runs.
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../../server/app.js';
import { openStorage, type Storage } from '../../../server/storage/index.js';
import { DASHBOARD_CSP, defaultDashboardDir } from '../../../server/routes/dashboard.js';

interface Answer { status: number; headers: Record<string, string | string[] | undefined>; body: string }

function get(port: number, path: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('dashboard static files', () => {
  const cleanup: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanup.splice(0).reverse()) await c();
  });

  /** A server whose dashboard dir is `<tmp>/site/dashboard`; `<tmp>/site/secret.txt` must never be served. */
  async function serve(build: boolean): Promise<{ port: number; dir: string; app: FastifyInstance }> {
    const tmp = mkdtempSync(join(tmpdir(), 'forewarn-dashboard-'));
    cleanup.push(() => rmSync(tmp, { recursive: true, force: true }));
    const dir = join(tmp, 'site', 'dashboard');
    mkdirSync(join(tmp, 'site'), { recursive: true });
    writeFileSync(join(tmp, 'site', 'secret.txt'), 'TOP-SECRET');
    if (build) {
      mkdirSync(join(dir, 'assets'), { recursive: true });
      mkdirSync(join(dir, '.vite'), { recursive: true });
      writeFileSync(join(dir, 'index.html'), '<!doctype html><title>dash</title><script type="module" src="/dashboard/assets/index-abc123.js"></script>');
      writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("dash")');
      writeFileSync(join(dir, 'assets', 'style-abc123.css'), 'body{}');
      writeFileSync(join(dir, '.vite', 'manifest.json'), '{"private":"build detail"}');
    }
    const storage: Storage = await openStorage({ sqlitePath: join(tmp, 'db.sqlite') });
    const app = buildServer({ storage, dashboardDir: dir });
    await app.listen({ host: '127.0.0.1', port: 0 });
    cleanup.push(() => storage.close());
    cleanup.push(() => app.close());
    const address = app.server.address();
    return { port: typeof address === 'object' && address ? address.port : 0, dir, app };
  }

  it('serves index.html at /dashboard and /dashboard/ with its own CSP and no-cache', async () => {
    const { port } = await serve(true);
    for (const path of ['/dashboard', '/dashboard/']) {
      const res = await get(port, path);
      expect(res.status, path).toBe(200);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['content-security-policy']).toBe(DASHBOARD_CSP);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.body).toContain('<title>dash</title>');
    }
    // The CSP is strict: own scripts and styles only, nothing inline, nothing may frame it.
    for (const part of ["script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'"]) {
      expect(DASHBOARD_CSP).toContain(part);
    }
    expect(DASHBOARD_CSP).not.toContain('unsafe');
  });

  it('serves hashed assets with their content type and immutable caching', async () => {
    const { port } = await serve(true);
    const js = await get(port, '/dashboard/assets/index-abc123.js');
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(js.body).toBe('console.log("dash")');
    const css = await get(port, '/dashboard/assets/style-abc123.css');
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
  });

  it('answers 404 to traversal attempts, encoded or not, and to files outside the listing', async () => {
    const { port } = await serve(true);
    for (const path of [
      '/dashboard/../package.json', '/dashboard/../secret.txt', '/dashboard/..%2fsecret.txt', '/dashboard/%2e%2e/secret.txt',
      '/dashboard/%2e%2e%2fsecret.txt', '/dashboard/assets/../../secret.txt', '/dashboard/assets/..%2f..%2fsecret.txt',
      '/dashboard/%252e%252e%252fsecret.txt', '/dashboard/..\\secret.txt', '/dashboard/%5c..%5csecret.txt', '/dashboard//etc/passwd',
      '/dashboard/%2fetc%2fpasswd', '/dashboard/.vite/manifest.json', '/dashboard/assets/', '/dashboard/assets', '/dashboard/nope.js',
      '/dashboard/index.html%00.js',
    ]) {
      const res = await get(port, path);
      expect(res.status, path).toBe(404);
      expect(res.body, path).not.toContain('TOP-SECRET');
      expect(res.body, path).not.toContain('build detail');
      expect(res.body, path).not.toContain('root:');
    }
  });

  it('answers 503 naming `npm run build` while the build is missing, and serves it once it appears', async () => {
    const { port, dir } = await serve(false);
    const res = await get(port, '/dashboard/');
    expect(res.status).toBe(503);
    expect(JSON.parse(res.body)).toMatchObject({ error: 'dashboard-not-built', message: expect.stringContaining('npm run build') });
    expect((await get(port, '/dashboard/assets/index-abc123.js')).status).toBe(503);
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>late</title>');
    const later = await get(port, '/dashboard');
    expect(later.status).toBe(200);
    expect(later.body).toContain('late');
  });

  it('picks up a rebuild made while it runs: new hashed assets 200, the vanished old ones 404 (never 500)', async () => {
    const { port, dir } = await serve(true);
    expect((await get(port, '/dashboard/')).body).toContain('index-abc123.js');
    expect((await get(port, '/dashboard/assets/index-abc123.js')).status).toBe(200); // listed now
    // `vite build` with emptyOutDir: the old build is removed, new hashed names written, index.html rewritten.
    rmSync(join(dir, 'assets'), { recursive: true, force: true });
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'assets', 'index-def456.js'), 'console.log("rebuilt")');
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>dash</title><script type="module" src="/dashboard/assets/index-def456.js"></script>');
    const html = await get(port, '/dashboard/');
    expect(html.status).toBe(200);
    expect(html.body).toContain('index-def456.js');
    const fresh = await get(port, '/dashboard/assets/index-def456.js');
    expect(fresh.status).toBe(200);
    expect(fresh.body).toBe('console.log("rebuilt")');
    for (const gone of ['/dashboard/assets/index-abc123.js', '/dashboard/assets/style-abc123.css']) {
      const res = await get(port, gone);
      expect(res.status, gone).toBe(404);
      expect(JSON.parse(res.body), gone).toMatchObject({ error: 'not-found' });
    }
    // A listed file deleted with index.html untouched (same mtime): still 404, not 500.
    writeFileSync(join(dir, 'assets', 'extra-111.js'), 'x');
    expect((await get(port, '/dashboard/assets/extra-111.js')).status).toBe(200);
    const before = new Date(Date.now() - 60_000);
    utimesSync(join(dir, 'index.html'), before, before);
    expect((await get(port, '/dashboard/')).status).toBe(200); // listing taken at this mtime
    expect((await get(port, '/dashboard/assets/extra-111.js')).status).toBe(200);
    rmSync(join(dir, 'assets', 'extra-111.js'));
    expect((await get(port, '/dashboard/assets/extra-111.js')).status).toBe(404);
    // A new file added under an unchanged index.html is found by the one re-list a missing name allows.
    writeFileSync(join(dir, 'assets', 'late-222.js'), 'late');
    expect((await get(port, '/dashboard/assets/late-222.js')).status).toBe(200);
  });

  it('keeps the API strict: API answers still carry the default-src none CSP', async () => {
    const { port } = await serve(true);
    const res = await get(port, '/v1/fleets/acme-laptops/compliance');
    expect(res.status).toBe(401);
    expect(res.headers['content-security-policy']).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('finds <repo>/dist/dashboard by default, from the folder holding package.json', () => {
    const dir = defaultDashboardDir();
    expect(dir.endsWith(join('dist', 'dashboard'))).toBe(true);
    expect(existsSync(join(dirname(dirname(dir)), 'package.json'))).toBe(true);
  });
});
