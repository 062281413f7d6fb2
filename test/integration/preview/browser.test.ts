// The bridge script in real Chromium: the printed link sets the session and lands on the views, which get
// `window.forewarn` before their own module runs, answer through the real engine, and receive both pushed events
// over EventSource — all under the strict CSP, with no violation. The views here are a stand-in page (F1's
// test/e2e/renderer drives the real ones through the same startPreview).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, type Preview } from '../../../cli/preview/index.js';
import { hasChromium, launch, openPage } from '../../e2e/dashboard/browser.js';
import { EXAMPLE, fakeRenderer, PATCH, PROMPT_OPEN } from './support.js';

const skipped = !hasChromium() && !process.env['CI'];
const title = (t: string) => (skipped ? `${t} (skipped: /usr/bin/chromium is missing; apt-get install chromium)` : t);

describe.skipIf(skipped)(title('the preview bridge in Chromium'), () => {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-preview-browser-'));
  let preview: Preview;
  let browser: Browser;
  beforeAll(async () => {
    if (!hasChromium()) throw new Error('/usr/bin/chromium is missing: CI must apt-get install chromium');
    preview = await startPreview({ schedule: EXAMPLE, zone: 'Europe/Paris', locale: 'en', at: PROMPT_OPEN, rendererDir: fakeRenderer(dir) });
    browser = await launch();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the link lands on the views with window.forewarn working, events pushed, and no CSP violation', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${preview.url}#/status`);
    // The token left the address bar; the view in the fragment survived the redirect.
    expect(w.page.url()).toBe(`${preview.origin}/#/status`);
    await w.page.waitForSelector('body[data-ready="yes"]');
    expect(await w.page.textContent('#status')).toBe('restart-pending|Please restart your computer');
    const cookies = await w.context.cookies();
    expect(cookies).toHaveLength(1);
    expect(cookies[0]).toMatchObject({ httpOnly: true, sameSite: 'Strict' });
    // The page cannot read the session: it is HttpOnly.
    expect(await w.page.evaluate('document.cookie')).toBe('');

    // A request from the page goes through the bridge to the engine; its snapshot comes back pushed.
    const result = await w.page.evaluate(`window.forewarn.acknowledge(${JSON.stringify(PATCH)}).then((r) => r.ok)`);
    expect(result).toBe(true);
    const bad = await w.page.evaluate(`window.forewarn.defer(${JSON.stringify(PATCH)}, { kind: 'defer', seconds: -1 })`) as { ok: boolean; error: { message: string } };
    expect(bad.ok).toBe(false);
    expect(bad.error.message).toMatch(/^defer: 1\.seconds/);
    await preview.engine.openView({ view: 'help' });
    await w.page.waitForFunction(`document.getElementById('view').textContent === 'help'`);
    // The bridge cannot be replaced by a later script.
    expect(await w.page.evaluate(`(() => { try { window.forewarn = null; } catch {} return typeof window.forewarn.getSnapshot; })()`)).toBe('function');
    expect(w.cspViolations).toEqual([]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('a page without the session gets 401 from every request (a stale or guessed link does nothing)', async () => {
    const w = await openPage(browser);
    await w.page.goto(`${preview.origin}/#/status`);
    const outcome = await w.page.evaluate(`window.forewarn.getSnapshot().then(() => 'answered', (e) => String(e.message))`);
    expect(outcome).toMatch(/HTTP 401|no valid preview session/);
    await w.context.close();
  });
});
