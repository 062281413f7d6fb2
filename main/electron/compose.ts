/**
 * The engine with Electron adapters: the one composition (main/engine/node/agent.ts) with electron-store as the
 * state backend (over the same file and options as conf: store-options.ts), safeStorage secrets, Electron's
 * net.fetch as Http (system proxies and certificates apply), the Electron notifier and powerMonitor-aware system
 * signals. Everything else — the pieces and how they are wired — is shared with the Node agent and the preview.
 */
import { join } from 'node:path';
import ElectronStore from 'electron-store';
import { net } from 'electron';
import type { ManagedConfig } from '../platform/managed-config.js';
import { createNodeAgent, type NodeAgent } from '../engine/node/agent.js';
import type { Clock, Http, Logger, Notifier, Presenter } from '../engine/ports.js';
import type { WholeStateBackend } from '../engine/state/conf-store.js';
import { electronStoreOptions } from '../engine/state/store-options.js';
import { createSecrets } from './secrets.js';
import type { ElectronSignals } from './system-signals.js';

export interface ElectronAgentOptions {
  config: { ok: true; config: ManagedConfig } | { ok: false; message: string; detail?: string };
  /** The agent's folder (under app.getPath('userData')). */
  stateDir: string;
  /** Really restart (default: dry run). */
  allowRestart: boolean;
  logger: Logger;
  presenter: Presenter;
  notifier: Notifier;
  signals: ElectronSignals;
  openExternal: (url: string) => void;
  clock?: Clock;
  http?: Http;
}

export type ElectronAgent = NodeAgent;

/** electron-store over the state file, with the options conf uses (store-options.ts). */
export function electronStoreBackend(cwd: string, configName: string): WholeStateBackend {
  return new ElectronStore<Record<string, unknown>>(electronStoreOptions(cwd, configName)) as unknown as WholeStateBackend;
}

/** Builds the agent (not started: call `engine.start()`). */
export function createElectronAgent(options: ElectronAgentOptions): ElectronAgent {
  const { stateDir, logger } = options;
  return createNodeAgent({
    config: options.config, stateDir, allowRestart: options.allowRestart, logger,
    presenter: options.presenter, notifier: options.notifier, signals: options.signals, openExternal: options.openExternal,
    ...(options.clock !== undefined ? { clock: options.clock } : {}),
    http: options.http ?? ((input, init) => net.fetch(input, init)),
    stateBackend: (files) => electronStoreBackend(files.dir, files.configName),
    secrets: createSecrets({ sealed: join(stateDir, 'credential.sealed.json'), plain: join(stateDir, 'credential.json') }, logger),
  });
}
