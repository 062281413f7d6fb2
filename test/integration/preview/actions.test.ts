// Every choice a person makes in the views, over the real HTTP bridge into the real engine, and what IT's
// server then holds: each action's event exactly once. And the two pushed events on the SSE stream.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ActionResult, AgentEvents, Snapshot } from '../../../core/agent-api.js';
import { startPreview, type Preview } from '../../../cli/preview/index.js';
import { EXAMPLE, PATCH, PROMPT_OPEN, readEvents, type EventReader } from './support.js';

const ok = (body: unknown): Snapshot => {
  const r = body as ActionResult;
  if (!r.ok) throw new Error(`refused: ${r.error.code}: ${r.error.message}`);
  return r.snapshot;
};

describe('preview: the person\'s choices reach the engine and the server', () => {
  let preview: Preview;
  let events: EventReader;
  beforeAll(async () => {
    preview = await startPreview({ schedule: EXAMPLE, zone: 'Europe/Paris', locale: 'en', at: PROMPT_OPEN });
    events = await readEvents(preview.origin, preview.token);
  });
  afterAll(async () => {
    events?.close();
    await preview?.stop();
  });

  it('a new event stream starts with the current snapshot', async () => {
    const first = await events.next<Snapshot>('snapshot-changed');
    expect(first.prompt?.maintenance).toBe(PATCH);
  });

  it('acknowledge records it and pushes the changed snapshot', async () => {
    const { status, body } = await preview.call('acknowledge', [PATCH]);
    expect(status).toBe(200);
    const after = ok(body);
    expect(after.maintenances.find((m) => m.id === PATCH)?.acknowledgedAt).toBeTypeOf('number');
    const pushed = await events.next<Snapshot>('snapshot-changed', (s) => s.maintenances.some((m) => m.id === PATCH && m.acknowledgedAt !== undefined));
    expect(pushed.maintenances.find((m) => m.id === PATCH)?.acknowledgedAt).toBe(after.maintenances.find((m) => m.id === PATCH)?.acknowledgedAt);
  });

  it('defer with an offered option uses one deferral', async () => {
    const before = ok({ ok: true, snapshot: (await preview.call('getSnapshot', [])).body });
    const option = before.prompt!.choices.find((c) => c.kind === 'defer' && c.seconds === 3600);
    expect(option).toBeDefined();
    const after = ok((await preview.call('defer', [PATCH, { kind: 'defer', seconds: 3600 }])).body);
    expect(after.maintenances.find((m) => m.id === PATCH)?.deferralsUsed).toBe(1);
  });

  it('a deferral not offered is refused in words, and changes nothing', async () => {
    const { status, body } = await preview.call('defer', [PATCH, { kind: 'defer', seconds: 7 * 3600 }]);
    expect(status).toBe(200);
    expect(body).toMatchObject({ ok: false, error: { code: 'not-offered' } });
  });

  it('pick-time sets the restart time within the offered range', async () => {
    const at = Date.parse('2026-12-09T19:00:00+01:00');
    const after = ok((await preview.call('defer', [PATCH, { kind: 'pick-time', at }])).body);
    expect(after.maintenances.find((m) => m.id === PATCH)?.pickedRestartAt).toBe(at);
  });

  it('restart now runs the dry-run restart command (recorded, never run)', async () => {
    const { status, body } = await preview.call('restartNow', [PATCH]);
    expect(status).toBe(200);
    expect((body as ActionResult).ok).toBe(true);
    expect(preview.restarts).toHaveLength(1);
    expect(preview.restarts[0]).toMatchObject({ maintenance: PATCH, reason: 'user', dryRun: true });
    expect(preview.restarts[0]!.argv.length).toBeGreaterThan(0);
  });

  it('report a problem is sent with its words and contact', async () => {
    ok((await preview.call('reportProblem', [{ text: 'My dock stopped working after the update', contact: 'kim@acme.example' }])).body);
  });

  it('openView pushes open-view to the page', async () => {
    ok((await preview.call('openView', [{ view: 'how-we-patch' }])).body);
    const view = await events.next<AgentEvents['open-view']>('open-view', (v) => v.view === 'how-we-patch');
    expect(view).toEqual({ view: 'how-we-patch' });
    expect(preview.views.at(-1)).toEqual({ view: 'how-we-patch' });
  });

  it('the server holds each action\'s event exactly once, with what the person said', async () => {
    await preview.engine.settled();
    const stored = await preview.serverEvents();
    const counts = new Map<string, number>();
    for (const e of stored) counts.set(e.id, (counts.get(e.id) ?? 0) + 1);
    expect([...counts.values()].every((n) => n === 1)).toBe(true);
    const mine = stored.filter((e) => ['acknowledged', 'deferred', 'restart-started', 'feedback'].includes(e.type));
    expect(mine.map((e) => e.type).sort()).toEqual(['acknowledged', 'deferred', 'deferred', 'feedback', 'restart-started']);
    const body = (type: string) => mine.filter((e) => e.type === type).map((e) => JSON.parse(e.body) as Record<string, unknown>);
    expect(body('feedback')[0]).toMatchObject({ text: 'My dock stopped working after the update', contact: 'kim@acme.example' });
    expect(body('deferred').map((d) => d['choice']).sort()).toEqual(['1h', 'pick-time']);
    expect(body('restart-started')[0]).toMatchObject({ maintenance: PATCH, reason: 'user' });
    // Nothing is left waiting in the agent's outbox: everything above was uploaded.
    expect((await preview.engine.getSnapshot()).errors).toEqual([]);
  });
});
