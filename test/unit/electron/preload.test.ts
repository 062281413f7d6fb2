// The preload as it ships: bundled by preload/vite.config.ts (here into a temp folder), then run the way a
// sandboxed preload runs — a plain script whose `require` knows only 'electron' (the electron mock).
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runInNewContext } from 'node:vm';
import { build } from 'vite';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { REQUEST_CHANNELS } from '../../../core/agent-api.js';
import * as electron from './mocks/electron.js';

const configFile = fileURLToPath(new URL('../../../preload/vite.config.ts', import.meta.url));
let outDir: string;
let code: string;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'forewarn-preload-'));
  await build({ configFile, logLevel: 'silent', build: { outDir, emptyOutDir: true } });
  code = readFileSync(join(outDir, 'preload.js'), 'utf8');
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));
beforeEach(() => electron.resetElectronMock());

/** Runs the built preload in a fresh context; returns what it exposed and every module it asked for. */
function runPreload() {
  const required: string[] = [];
  const require = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    throw new Error(`a sandboxed preload cannot require "${id}"`);
  };
  const module = { exports: {} };
  runInNewContext(code, { require, module, exports: module.exports });
  return { required, api: electron.contextBridge.exposed.get('forewarn') as any };
}

describe('the built preload', () => {
  it('is one CommonJS script that requires only electron', () => {
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
    const { required } = runPreload();
    expect(required).toEqual(['electron']);
  });

  it('exposes window.forewarn with exactly the contract’s named methods and on()', () => {
    const { api } = runPreload();
    expect(electron.contextBridge.exposeInMainWorld).toHaveBeenCalledOnce();
    expect(Object.keys(api).sort()).toEqual([...REQUEST_CHANNELS, 'on'].sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(electron.ipcRenderer);
    }
    // Nothing generic: no send/invoke/ipcRenderer under any name.
    expect(Object.keys(api)).not.toContain('send');
    expect(Object.keys(api)).not.toContain('invoke');
  });

  it('each method invokes its own channel with the arguments as given', async () => {
    const { api } = runPreload();
    electron.ipcRenderer.invoke.mockResolvedValueOnce({ ok: true });
    await expect(api.defer('m-1', { kind: 'defer', seconds: 3600 })).resolves.toEqual({ ok: true });
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('defer', 'm-1', { kind: 'defer', seconds: 3600 });
    await api.getSnapshot();
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('getSnapshot');
  });

  it('listeners get the payload only (never the IpcRendererEvent) and can unsubscribe', () => {
    const { api } = runPreload();
    const listener = vi.fn();
    const off = api.on('snapshot-changed', listener);
    const event = { sender: electron.ipcRenderer };
    electron.ipcRenderer.emit('snapshot-changed', event, { tray: { status: 'idle' } });
    expect(listener).toHaveBeenCalledWith({ tray: { status: 'idle' } });
    expect(listener.mock.calls[0]).toHaveLength(1);
    off();
    electron.ipcRenderer.emit('snapshot-changed', event, {});
    expect(listener).toHaveBeenCalledOnce();
    expect(electron.ipcRenderer.listenerCount('snapshot-changed')).toBe(0);
  });

  it('refuses to subscribe to anything but the contract’s events', () => {
    const { api } = runPreload();
    expect(() => api.on('electron-store-get-data', () => undefined)).toThrow('unknown event "electron-store-get-data"');
    expect(() => api.on('open-view', 'not a function')).toThrow('must be a function');
    expect(electron.ipcRenderer.eventNames()).toEqual([]);
  });
});
