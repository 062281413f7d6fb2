import { beforeEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../../core/agent-api.js';

vi.mock('electron', () => import('./mocks/electron.js'));
const electron = await import('./mocks/electron.js');
const { registerIpc } = await import('../../../main/electron/ipc.js');
const { createWindowPresenter } = await import('../../../main/electron/windows.js');
const S = await import('./snapshots.js');

const logger = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };
const ok = { ok: true as const, snapshot: S.upcoming() };
const requests = () => ({
  getSnapshot: vi.fn(async () => S.upcoming()),
  acknowledge: vi.fn(async () => ok), defer: vi.fn(async () => ok), restartNow: vi.fn(async () => ok),
  reportProblem: vi.fn(async () => ok), checkNow: vi.fn(async () => ok), openHelpLink: vi.fn(async () => ok), openView: vi.fn(async () => ok),
});

let engine: ReturnType<typeof requests>;
let presenter: ReturnType<typeof createWindowPresenter>;
let ours: InstanceType<typeof electron.BrowserWindow>;

beforeEach(() => {
  electron.resetElectronMock();
  engine = requests();
  presenter = createWindowPresenter({ preload: '/p.js', logger });
  registerIpc({ requests: engine, isOurs: presenter.isOurs, logger });
  presenter.open({ view: 'restart-prompt' });
  ours = electron.BrowserWindow.windows[0]!;
});

/** An invoke as Electron delivers it: the sender's webContents and the frame that sent it. */
function call(channel: string, args: unknown[], from: { id?: number; url?: string; parent?: unknown; frame?: null } = {}) {
  const handler = electron.ipcMain.handlers.get(channel);
  if (!handler) throw new Error(`no handler for ${channel}`);
  const senderFrame = from.frame === null ? null : { url: from.url ?? 'forewarn://app/index.html#/restart-prompt', parent: from.parent ?? null };
  return handler({ sender: { id: from.id ?? ours.webContents.id }, senderFrame }, ...args) as Promise<any>;
}

describe('IPC handlers', () => {
  it('registers exactly the contract channels', () => {
    expect([...electron.ipcMain.handlers.keys()].sort()).toEqual([...REQUEST_CHANNELS].sort());
  });

  it('passes valid requests from our window to the engine, parsed', async () => {
    await expect(call('defer', [S.MAINTENANCE, { kind: 'defer', seconds: 3600 }])).resolves.toEqual(ok);
    expect(engine.defer).toHaveBeenCalledWith(S.MAINTENANCE, { kind: 'defer', seconds: 3600 });
    await expect(call('getSnapshot', [])).resolves.toMatchObject({ tray: { status: 'upcoming' } });
    await call('reportProblem', [{ text: '  the printer  ' }]);
    // The schema's own normalisation (trim) is what reaches the engine.
    expect(engine.reportProblem).toHaveBeenCalledWith({ text: 'the printer' });
  });

  it.each([
    ['defer', [S.MAINTENANCE, { kind: 'defer', seconds: -1 }], /defer: 1\.seconds/],
    ['defer', [S.MAINTENANCE, { kind: 'defer', seconds: 60, extra: true }], /defer: 1/],
    ['acknowledge', ['../../etc'], /acknowledge: 0/],
    ['acknowledge', [], /acknowledge/],
    ['restartNow', [S.MAINTENANCE, 'extra'], /restartNow/],
    ['reportProblem', [{ text: '' }], /reportProblem: 0\.text/],
    ['openHelpLink', ['file:///etc/passwd'], /openHelpLink: 0: must be an http\(s\) URL/],
    ['openView', [{ view: 'devtools' }], /openView: 0\.view/],
    ['getSnapshot', ['x'], /getSnapshot/],
  ])('%s with a bad argument is refused with the field named, and never reaches the engine', async (channel, args, message) => {
    const result = await call(channel, args);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: expect.stringMatching(message) } });
    for (const fn of Object.values(engine)) expect(fn).not.toHaveBeenCalled();
  });

  it.each([
    ['a webContents that is not one of our windows', { id: 99_999 }],
    ['our window after it navigated elsewhere', { url: 'https://evil.example/' }],
    ['a look-alike host', { url: 'forewarn://app.evil/index.html' }],
    ['a file:// page', { url: 'file:///tmp/index.html' }],
    ['a subframe of our window', { parent: {} }],
    ['a frame that is gone', { frame: null }],
  ])('rejects %s before parsing anything', async (_name, from) => {
    await expect(call('restartNow', [S.MAINTENANCE], from)).rejects.toThrow(/restartNow refused/);
    expect(engine.restartNow).not.toHaveBeenCalled();
  });

  it('an engine failure comes back as a refusal, never as a rejected invoke', async () => {
    engine.acknowledge.mockRejectedValueOnce(new Error('disk full'));
    await expect(call('acknowledge', [S.MAINTENANCE])).resolves.toMatchObject({ ok: false, error: { code: 'not-running', detail: 'disk full' } });
    expect(logger.error).toHaveBeenCalledWith('IPC request failed', expect.objectContaining({ channel: 'acknowledge' }));
  });

  it('stops trusting a window once it is closed', async () => {
    const id = ours.webContents.id;
    ours.close();
    await expect(call('checkNow', [], { id })).rejects.toThrow(/not one of our windows/);
    expect(engine.checkNow).not.toHaveBeenCalled();
  });
});
