/**
 * The Store<PersistedState> port over conf (Node agent, `forewarn preview`, tests). The app does the same over
 * electron-store (a subclass of conf) with persistentStore() and electronStoreOptions() from store-options.ts.
 *
 * Durability of set(), checked against conf 15.1 / atomically 2.1: conf writes a temp file in the same folder,
 * fsyncs it and renames it over state.json, so a killed process leaves the old or the new file, whole. It does
 * not fsync the folder, so a power cut could undo the rename: persistentStore fsyncs the folder after each write.
 * Then the backup (state.bak.json) is rewritten the same way, so it always holds a whole, validated state that is
 * at most one write behind.
 *
 * Reads come from memory: conf re-reads and parses the whole file on every get(), and the state is only ever
 * changed through this store (one agent process per user; the single-instance lock sees to that).
 * Values are kept by reference: callers replace values (the policy actions return new objects), never mutate them.
 */
import Conf from 'conf';
import { uuidv7Generator, type IdGenerator, type RandomBytes } from '../ids.js';
import type { Clock, Store } from '../ports.js';
import { fsyncDirectory, writeFileAtomic } from './atomic-file.js';
import { prepareStateFile, type Recovery, type StoreRefusal } from './open-state.js';
import { confOptions, serializeState, stateFiles, STATE_CONFIG_NAME, type StateFiles } from './store-options.js';
import type { PersistedState } from './types.js';

/** What conf and electron-store have in common that the adapter uses: the whole-state property. */
export interface WholeStateBackend {
  store: Record<string, unknown>;
}

export interface StateStore extends Store<PersistedState> {
  /** The whole state as last written (for the engine's start-up and for tests). */
  snapshot(): PersistedState;
  readonly files: StateFiles;
}

/** The adapter over an opened conf/electron-store; `initial` is what prepareStateFile returned (already on disk). */
export function persistentStore(backend: WholeStateBackend, files: StateFiles, initial: PersistedState): StateStore {
  let current = initial;
  return {
    files,
    get(key) {
      return current[key];
    },
    set(key, value) {
      const next = { ...current, [key]: value };
      // conf: temp file, fsync, rename (throws on failure: then `current` stays, and the caller's action must not run).
      backend.store = next as unknown as Record<string, unknown>;
      // On disk now (a later step failing must not make memory disagree with the file).
      current = next;
      fsyncDirectory(files.dir);
      writeFileAtomic(files.backup, serializeState(next));
    },
    snapshot() {
      return current;
    },
  };
}

export interface OpenConfStoreOptions {
  /** The folder holding state.json (the agent's config folder; a temp folder in tests). */
  cwd: string;
  configName?: string;
  clock: Clock;
  /** Ids for the store-recovered event (a UUIDv7 generator on `clock` by default). */
  ids?: IdGenerator;
  randomBytes?: RandomBytes;
}

export type OpenedStore =
  | { ok: true; store: StateStore; recovered?: Recovery; migratedFrom?: number; firstRun: boolean }
  | { ok: false; refusal: StoreRefusal };

/**
 * Opens (creating, migrating or recovering) the state file, then the backend over it: conf here; the app passes
 * `() => new ElectronStore(electronStoreOptions(cwd))`. A refusal (a file from a newer agent) is returned, not
 * thrown, so the engine can show an error state; an unreadable folder throws.
 */
export function openStateStore(options: OpenConfStoreOptions, createBackend: (files: StateFiles) => WholeStateBackend): OpenedStore {
  const files = stateFiles(options.cwd, options.configName ?? STATE_CONFIG_NAME);
  const prepared = prepareStateFile(files, {
    clock: options.clock,
    ids: options.ids ?? uuidv7Generator(options.clock, options.randomBytes),
    ...(options.randomBytes ? { randomBytes: options.randomBytes } : {}),
  });
  if (!prepared.ok) return prepared;
  const { state, ...rest } = prepared;
  return { ...rest, store: persistentStore(createBackend(files), files, state) };
}

/** The Node agent's store: openStateStore over conf. */
export function openConfStore(options: OpenConfStoreOptions): OpenedStore {
  return openStateStore(options, (files) => new Conf<Record<string, unknown>>(confOptions(files.dir, files.configName)));
}
