/**
 * The built renderer (dist/renderer) as main serves it — every response from protocol.ts's serveRenderer, with
 * its CSP and headers — in real Chromium (Debian's, as the dashboard tests use). The Electron binary is not here,
 * so a loopback HTTP server hands each request to serveRenderer as a forewarn://app request; 'self' then means
 * that origin, as it means forewarn://app in the app. Proves the strict CSP does not break the views: they run
 * and draw with no CSP violation and no page error. The bridge is injected by the driver (like the preload,
 * outside the page's CSP) and answers from a fixture snapshot.
 */
import { createServer, type Server } from 'node:http';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { hasChromium, launch, openPage } from '../dashboard/browser.js';
import { restartPending } from '../../unit/electron/snapshots.js';

vi.mock('electron', () => import('../../unit/electron/mocks/electron.js'));
const { serveRenderer } = await import('../../../main/electron/protocol.js');
const { CONTENT_SECURITY_POLICY } = await import('../../../main/electron/security.js');

const rendererDir = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
let server: Server;
let base: string;
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(join(rendererDir, 'index.html'))) throw new Error('dist/renderer is missing: run `npm run build` first (npm test does)');
  server = createServer((req, res) => {
    void serveRenderer(new Request(`forewarn://app${req.url ?? '/'}`, { method: req.method ?? 'GET' }), rendererDir).then(async (response) => {
      res.writeHead(response.status, Object.fromEntries(response.headers));
      res.end(Buffer.from(await response.arrayBuffer()));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  base = `http://127.0.0.1:${address.port}`;
  // Without Chromium the describe below is skipped (and says so); nothing to launch.
  if (hasChromium()) browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((resolve) => server?.close(resolve));
});

describe.skipIf(!hasChromium())('the built renderer under the app’s CSP', () => {
  it.each(['status', 'restart-prompt', 'help'])('#/%s runs and draws with no CSP violation', async (view) => {
    const { page, context, cspViolations, pageErrors } = await openPage(browser);
    const snapshot = restartPending();
    await page.addInitScript(`(() => {
      const snapshot = ${JSON.stringify(snapshot)};
      const ok = async () => ({ ok: true, snapshot });
      window.forewarn = { getSnapshot: async () => snapshot, acknowledge: ok, defer: ok, restartNow: ok, reportProblem: ok,
        checkNow: ok, openHelpLink: ok, openView: ok, on: () => () => undefined };
    })()`);
    const response = await page.goto(`${base}/index.html#/${view}`);
    expect(response?.headers()['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    await page.waitForSelector('h1', { timeout: 15_000 });
    expect(await page.locator('h1').first().textContent()).not.toBe('');
    expect(cspViolations).toEqual([]);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});
