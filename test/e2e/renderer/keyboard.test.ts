// The restart prompt with the keyboard only, in real Chromium against the REAL preview: focus starts on the
// view's heading, Tab reaches every choice in order with a visible focus ring, Enter defers and focus stays on
// the button, the time picker is set with Tab and arrow keys, and Escape leaves the dismissible prompt for the
// status view.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launch, openView, previewPage, requireBrowserAndBuild, screenshot, skipped, title, type WatchedPage } from './browser.js';
import { PATCH, startScene, type SceneRun } from './scenes.js';

/** What has focus: tag, type, text, and whether a focus ring is drawn (outline style and width). */
const focused = (page: Page) => page.evaluate<{ tag: string; type: string; text: string; ring: boolean }>(`(() => {
  const a = document.activeElement;
  const s = getComputedStyle(a);
  return { tag: a.tagName.toLowerCase(), type: a.getAttribute('type') || '', text: (a.textContent || '').trim(),
    ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
})()`);

describe.skipIf(skipped)(title('the restart prompt by keyboard only'), () => {
  let browser: Browser;
  let scene: SceneRun;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    requireBrowserAndBuild();
    browser = await launch();
    scene = await startScene('prompt', 'en');
    watched = await previewPage(browser, scene.preview);
    page = watched.page;
  });
  afterAll(async () => {
    expect(watched?.cspViolations, 'CSP violations').toEqual([]);
    expect(watched?.pageErrors, 'uncaught page errors').toEqual([]);
    await browser?.close();
    await scene?.stop();
  });

  it('focus starts on the heading; Tab goes Restart now, then each "remind me", with a visible ring', async () => {
    await openView(page, scene.preview, 'restart-prompt');
    expect(await focused(page)).toMatchObject({ tag: 'h1', text: 'Time to restart' });
    const order: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expect(f.ring, `focus ring on ${f.text}`).toBe(true);
      order.push(f.text);
    }
    expect(order).toEqual(['Restart now', 'Remind me in 1 hour', 'Remind me in 4 hours', 'Remind me in 1 day']);
  });

  it('Enter on "Remind me in 4 hours" defers; the result is announced and focus stays put', async () => {
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).text).toBe('Remind me in 4 hours');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('main [data-result]').innerText()).toMatch(/^OK\. We will ask you again in [34] hours\.$/);
    expect(await page.locator('main [role="status"] [data-result]').count()).toBe(1);
    expect((await focused(page)).text).toBe('Remind me in 4 hours');
    expect((await scene.preview.engine.getSnapshot()).maintenances.find((m) => m.id === PATCH)?.deferralsUsed).toBe(1);
  });

  it('the time picker by keyboard: Tab to the day, one day later with an arrow key, Enter sends it', async () => {
    // Tab on to the date field (its first part, the month, has focus). Chromium keeps each part within the
    // field's min and max, so the arrow keys cannot leave the offered range (the click test covers typed values).
    for (let i = 0; i < 5 && (await focused(page)).type !== 'datetime-local'; i++) await page.keyboard.press('Tab');
    expect((await focused(page)).type).toBe('datetime-local');
    const field = page.getByLabel('Date and time');
    expect((await field.inputValue()).slice(0, 10)).toBe('2026-12-09');
    await page.keyboard.press('Tab'); // the day
    await page.keyboard.press('ArrowUp'); // one day later
    const chosen = await field.inputValue();
    expect(chosen.slice(0, 10)).toBe('2026-12-10');
    await page.keyboard.press('Enter'); // submits the form
    await expect.poll(() => page.locator('main [data-result]').innerText()).toMatch(/^OK\. Your computer will restart (tomorrow|in 1 day)\.$/);
    const picked = (await scene.preview.engine.getSnapshot()).maintenances.find((m) => m.id === PATCH)?.pickedRestartAt;
    expect(picked).toBe(Date.parse(`${chosen}:00+01:00`));
    await screenshot(page, 'keyboard-picked');
  });

  it('Escape leaves the prompt for the status view, whose heading takes focus', async () => {
    await page.keyboard.press('Escape');
    await page.locator('main [data-view="status"]').waitFor();
    await expect.poll(async () => (await focused(page)).text).toBe('Am I up to date?');
    expect(new URL(page.url()).hash).toBe('#/status');
  });
});
