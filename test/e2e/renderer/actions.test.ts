// Every action a person can take in the views, clicked in real Chromium against the REAL preview (real engine,
// real fleet server), and what happens: the view shows the result (ok -> a confirmation from the new snapshot;
// refused -> main's message, calmly), the engine's state changes, and IT's server holds each event exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Preview } from '../../../cli/preview/index.js';
import { launch, openView, previewPage, requireBrowserAndBuild, screenshot, skipped, title, type WatchedPage } from './browser.js';
import { LISTED_URL, PATCH, PHISHING, startScene, UNLISTED_URL, type SceneRun } from './scenes.js';

/** The events IT's server stored of these types, after everything queued was uploaded. */
async function serverEvents(preview: Preview, types: string[]) {
  await preview.engine.settled();
  const stored = await preview.serverEvents();
  const ids = stored.map((e) => e.id);
  expect(new Set(ids).size, 'every event is stored once').toBe(ids.length);
  return stored.filter((e) => types.includes(e.type)).map((e) => ({ type: e.type, maintenance: e.maintenance, body: JSON.parse(e.body) as Record<string, unknown> }));
}

const resultText = (page: Page) => page.locator('main [data-result]').innerText();

describe.skipIf(skipped)(title('the actions in Chromium, against the real preview'), () => {
  let browser: Browser;
  let promptScene: SceneRun;
  let incidentScene: SceneRun;
  let watched: WatchedPage;
  let page: Page;

  beforeAll(async () => {
    requireBrowserAndBuild();
    browser = await launch();
    promptScene = await startScene('prompt', 'en');
    incidentScene = await startScene('incident', 'en');
  });
  afterAll(async () => {
    await browser?.close();
    await promptScene?.stop();
    await incidentScene?.stop();
  });

  describe('restart prompt, report a problem, help (the morning after the patch night)', () => {
    beforeAll(async () => {
      watched = await previewPage(browser, promptScene.preview);
      page = watched.page;
    });
    afterAll(async () => {
      expect(watched.cspViolations, 'CSP violations').toEqual([]);
      expect(watched.pageErrors, 'uncaught page errors').toEqual([]);
      await watched.context.close();
    });

    it.each([
      { label: 'Remind me in 1 hour', seconds: 3600, left: 2, says: /^OK\. We will ask you again in (59 minutes|1 hour)\.$/ },
      { label: 'Remind me in 4 hours', seconds: 14_400, left: 1, says: /^OK\. We will ask you again in [34] hours\.$/ },
      { label: 'Remind me in 1 day', seconds: 86_400, left: 0, says: /^OK\. We will ask you again tomorrow\.$/ },
    ])('defer: "$label" puts the restart off and says until when', async ({ label, seconds, left, says }) => {
      const { preview } = promptScene;
      await openView(page, preview, 'restart-prompt');
      await page.getByRole('button', { name: label }).click();
      await expect.poll(() => resultText(page)).toMatch(says);
      await expect.poll(() => page.locator('[data-deferrals-left]').getAttribute('data-deferrals-left')).toBe(String(left));
      const snapshot = await preview.engine.getSnapshot();
      expect(snapshot.maintenances.find((m) => m.id === PATCH)?.deferralsUsed).toBe(3 - left);
      const deferred = await serverEvents(preview, ['deferred']);
      const last = deferred.at(-1)!.body;
      expect((last['untilMs'] as number) - Date.parse(last['at'] as string)).toBe(seconds * 1000);
      expect(deferred).toHaveLength(3 - left);
      // An option once used up is gone with the last deferral: the page shows only what plan() offers now.
      if (left === 0) expect(await page.locator('[data-choice="defer"]').count()).toBe(0);
      else expect(await page.getByRole('button', { name: label }).count()).toBe(1);
    });

    it('pick a time: a time outside the offered range is explained at the field and not sent', async () => {
      const { preview } = promptScene;
      await page.getByLabel('Date and time').fill('2026-12-11T09:00');
      await page.getByRole('button', { name: 'Use this time' }).click();
      const problem = page.locator('.field-problem');
      await expect.poll(() => problem.innerText()).toMatch(/^Please pick a time\. The earliest is .*\. The latest is Thursday, December 10 at 6:00 PM\.$/);
      expect(await page.getByLabel('Date and time').getAttribute('aria-invalid')).toBe('true');
      expect(await page.evaluate('document.activeElement.type')).toBe('datetime-local');
      expect(await serverEvents(preview, ['deferred'])).toHaveLength(3);
      await screenshot(page, 'pick-time-out-of-range');
    });

    it('pick a time: 15:30 in Paris becomes the restart time, and only Restart now is left', async () => {
      const { preview } = promptScene;
      await page.getByLabel('Date and time').fill('2026-12-09T15:30');
      await page.getByRole('button', { name: 'Use this time' }).click();
      await expect.poll(() => resultText(page)).toMatch(/^OK\. Your computer will restart in \d+ hours\.$/);
      const picked = Date.parse('2026-12-09T15:30:00+01:00');
      expect((await preview.engine.getSnapshot()).maintenances.find((m) => m.id === PATCH)?.pickedRestartAt).toBe(picked);
      const deferred = await serverEvents(preview, ['deferred']);
      expect(deferred.map((d) => d.body['choice'])).toEqual(['1h', '4h', '1d', 'pick-time']);
      expect(deferred.at(-1)?.body).toMatchObject({ pickedAt: picked });
      expect(await page.locator('main [data-choice]').evaluateAll((els) => els.map((e) => e.getAttribute('data-choice')))).toEqual(['restart-now']);
    });

    it('restart now: the dry-run restart is recorded once, and the page says it is only a test', async () => {
      const { preview } = promptScene;
      await page.getByRole('button', { name: 'Restart now' }).click();
      await expect.poll(() => resultText(page)).toBe('Your computer is restarting now. This is a test. Your computer will not really restart.');
      expect(preview.restarts).toHaveLength(1);
      expect(preview.restarts[0]).toMatchObject({ maintenance: PATCH, reason: 'user', dryRun: true });
      expect(await serverEvents(preview, ['restart-started'])).toHaveLength(1);
      await screenshot(page, 'restart-now-result');
    });

    it('report a problem: empty text is explained at the field; the report is sent once, then thanked', async () => {
      const { preview } = promptScene;
      await openView(page, preview, 'feedback');
      await page.getByRole('button', { name: 'Send' }).click();
      const field = page.getByLabel('Your message');
      await expect.poll(() => field.getAttribute('aria-invalid')).toBe('true');
      expect(await page.locator('.field-problem').innerText()).toBe('Please write a few words about the problem.');
      expect(await page.evaluate('document.activeElement.tagName')).toBe('TEXTAREA');
      expect(await serverEvents(preview, ['feedback'])).toEqual([]);
      await screenshot(page, 'feedback-empty');

      await field.fill('My dock stopped working after the update');
      await page.getByLabel('Email or phone').fill('kim@acme.example');
      await page.getByRole('button', { name: 'Send' }).click();
      await expect.poll(() => resultText(page)).toBe('Thank you. We will pass this on to IT.');
      const feedback = await serverEvents(preview, ['feedback']);
      expect(feedback).toHaveLength(1);
      expect(feedback[0]!.body).toMatchObject({ text: 'My dock stopped working after the update', contact: 'kim@acme.example' });
      await screenshot(page, 'feedback-sent');
      // "Write another" brings back an empty form.
      await page.getByRole('button', { name: 'Write another' }).click();
      expect(await page.getByLabel('Your message').inputValue()).toBe('');
    });

    it('help links: a link the schedule lists opens; an address it does not list is refused, in words', async () => {
      const { preview } = promptScene;
      await openView(page, preview, 'help');
      await page.getByRole('link', { name: 'IT status page' }).click();
      const opened = page.locator('[data-link-result="opened"]');
      await expect.poll(() => opened.innerText()).toBe('The link is open in your web browser.');
      expect(preview.opened).toEqual([LISTED_URL]);

      await page.getByRole('link', { name: UNLISTED_URL }).click();
      const refused = page.locator('[data-link-result="refused"]');
      await expect.poll(() => refused.innerText()).toMatch(/^This link is not in the signed schedule, so it does not open\. Please ask IT\.$/);
      expect(preview.refusedLinks).toEqual([UNLISTED_URL]);
      expect(preview.opened).toEqual([LISTED_URL]);
      // The page itself never navigated away.
      expect(new URL(page.url()).origin).toBe(preview.origin);
      await screenshot(page, 'help-link-refused');
    });
  });

  it('follows the agent: an open-view event switches the view, a changed snapshot re-renders it', async () => {
    const { preview } = promptScene;
    const w = await previewPage(browser, preview);
    await openView(w.page, preview, 'status');
    // Main asks the window to show "How we patch" (the tray menu does this): the page switches and focuses it.
    expect((await preview.call('openView', [{ view: 'how-we-patch' }])).status).toBe(200);
    await w.page.locator('main [data-view="how-we-patch"]').waitFor();
    await expect.poll(() => w.page.evaluate('document.activeElement.textContent')).toBe('How we keep your computer up to date');
    expect(new URL(w.page.url()).hash).toBe('#/how-we-patch');
    // Another window acknowledges the notice: this one shows it as read without a reload.
    await openView(w.page, preview, 'notice', { maintenance: PATCH });
    expect(await w.page.getByRole('button', { name: 'OK, got it' }).count()).toBe(1);
    expect((await preview.call('acknowledge', [PATCH])).status).toBe(200);
    await expect.poll(() => w.page.locator('.done-note').count()).toBe(1);
    expect(await w.page.getByRole('button', { name: 'OK, got it' }).count()).toBe(0);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });

  it('incident: "I have read this" is recorded once and the view says it has been read', async () => {
    const { preview } = incidentScene;
    const w = await previewPage(browser, preview);
    await openView(w.page, preview, 'incident', { maintenance: PHISHING });
    await w.page.getByRole('button', { name: 'I have read this' }).click();
    await expect.poll(() => resultText(w.page)).toBe('Thank you. IT can see that you have read this.');
    await expect.poll(() => w.page.locator('.done-note').innerText()).toBe('You have read this.');
    expect(await w.page.getByRole('button', { name: 'I have read this' }).count()).toBe(0);
    // The button went away with the action: focus moved to the result, not back to the top of the page.
    expect(await w.page.evaluate("document.activeElement.getAttribute('role')")).toBe('status');
    const acks = await serverEvents(preview, ['acknowledged']);
    expect(acks).toEqual([expect.objectContaining({ type: 'acknowledged', maintenance: PHISHING })]);
    expect(w.pageErrors).toEqual([]);
    await w.context.close();
  });
});
