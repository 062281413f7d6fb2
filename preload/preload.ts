/**
 * The sandboxed preload: `window.forewarn`, the AgentBridge of core/agent-api.ts, as narrow named methods over
 * ipcRenderer.invoke/on. The page never gets ipcRenderer itself, a generic send/invoke, or the IpcRendererEvent
 * (whose `sender` is ipcRenderer): each listener receives the payload only.
 *
 * A sandboxed preload may require nothing but 'electron' (and a few Node polyfills): it cannot import project
 * files. So this file has only type imports from core/, and vite bundles it to one CommonJS file,
 * dist/preload/preload.js (preload/vite.config.ts); test/unit/electron/preload.test.ts checks the built file
 * requires nothing else. The channel names below are checked against the contract by the compiler.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { AgentBridge, AgentEvents, AgentRequests, RequestChannel } from '../core/agent-api.js';

const EVENTS = ['snapshot-changed', 'open-view'] as const satisfies ReadonlyArray<keyof AgentEvents>;
type Missing = Exclude<keyof AgentEvents, (typeof EVENTS)[number]>;
// A new event in the contract must be listed above (a compile error otherwise).
const allEvents: [Missing] extends [never] ? true : never = true;
void allEvents;

function invoke<C extends RequestChannel>(channel: C) {
  return ((...args: unknown[]) => ipcRenderer.invoke(channel, ...args)) as AgentRequests[C];
}

const bridge: AgentBridge = {
  getSnapshot: invoke('getSnapshot'),
  acknowledge: invoke('acknowledge'),
  defer: invoke('defer'),
  restartNow: invoke('restartNow'),
  reportProblem: invoke('reportProblem'),
  checkNow: invoke('checkNow'),
  openHelpLink: invoke('openHelpLink'),
  openView: invoke('openView'),
  on(channel, listener) {
    if (!(EVENTS as readonly string[]).includes(channel)) throw new TypeError(`forewarn.on: unknown event "${String(channel)}"`);
    if (typeof listener !== 'function') throw new TypeError('forewarn.on: the listener must be a function');
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => (listener as (p: unknown) => void)(payload);
    ipcRenderer.on(channel, wrapped);
    return () => void ipcRenderer.removeListener(channel, wrapped);
  },
};

contextBridge.exposeInMainWorld('forewarn', bridge);
