/**
 * What happens to the state file before conf or electron-store opens it (both would throw on a corrupt file, and
 * neither knows our schemaVersion):
 * 1. the folder is created if missing; temp files a killed writer left behind are removed;
 * 2. the main file is read, migrated (migrations.ts) and validated (schema.ts);
 * 3. a main file from a NEWER agent version stops everything: a refusal, nothing written or moved;
 * 4. a corrupt main file (empty, truncated, not JSON, schema-invalid) is moved aside as
 *    `<name>.corrupt-<time>.json` (never deleted: IT may want it) and the backup is used; if the backup is
 *    corrupt too it is moved aside as well and the agent starts fresh. Either way a `store-recovered` event
 *    is put in the outbox, so IT learns it happened;
 * 5. the result is written once (main, then backup) when it differs from what is on disk.
 */
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { ForewarnEvent } from '../../../core/events/index.js';
import { newDeviceId, type IdGenerator, type RandomBytes } from '../ids.js';
import type { Clock } from '../ports.js';
import { removeStaleTemps, writeFileAtomic } from './atomic-file.js';
import { CURRENT_SCHEMA_VERSION, migrate } from './migrations.js';
import { validateState } from './schema.js';
import { serializeState, type StateFiles } from './store-options.js';
import type { PersistedState } from './types.js';

/** Why the agent must not use the state file: shown as an error state, never "fixed" by overwriting. */
export interface StoreRefusal {
  kind: 'newer-version';
  path: string;
  fileVersion: number;
  supported: number;
  message: string;
}

export interface Recovery {
  /** Where the state came from: the backup copy, or nothing usable (a fresh state, a new device id). */
  source: 'backup' | 'fresh';
  /** What was wrong with the main file (and the backup, for 'fresh'), by field path where there is one. */
  reason: string;
  /** The corrupt files' new names (in the state folder). */
  movedAside: string[];
}

export type PreparedState =
  | { ok: true; state: PersistedState; recovered?: Recovery; migratedFrom?: number; firstRun: boolean }
  | { ok: false; refusal: StoreRefusal };

export interface PrepareDeps {
  clock: Clock;
  ids: IdGenerator;
  randomBytes?: RandomBytes;
}

type Loaded =
  | { kind: 'missing' }
  | { kind: 'good'; state: PersistedState; text: string; migratedFrom?: number }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'newer'; version: number; message: string };

function load(path: string): Loaded {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    // Unreadable (permissions, a folder in its place): not corruption we may move aside; the caller reports it.
    throw new Error(`state file ${path} cannot be read: ${(error as Error).message}`, { cause: error });
  }
  if (text.trim() === '') return { kind: 'corrupt', reason: 'the file is empty' };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { kind: 'corrupt', reason: `not valid JSON (${(error as Error).message})` };
  }
  const migrated = migrate(raw);
  if (!migrated.ok) return migrated.kind === 'newer' ? { kind: 'newer', version: migrated.version, message: migrated.message } : { kind: 'corrupt', reason: migrated.message };
  const checked = validateState(migrated.state);
  if (!checked.ok) return { kind: 'corrupt', reason: checked.reason };
  return { kind: 'good', state: checked.state, text, ...(migrated.applied > 0 ? { migratedFrom: migrated.from } : {}) };
}

export function freshState(randomBytes?: RandomBytes): PersistedState {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    device: { id: newDeviceId(randomBytes) },
    trust: { rootChain: [] },
    agent: { maintenances: {} },
    outbox: { events: [], dropped: 0 },
  };
}

/** `state.json` -> `state.corrupt-20261123T215601123Z.json` (a counter if that exists): kept, never deleted. */
function moveAside(files: StateFiles, path: string, now: number): string {
  const stamp = new Date(now).toISOString().replace(/[-:.]/g, '');
  const base = basename(path, '.json');
  let target = join(files.dir, `${base}.corrupt-${stamp}.json`);
  for (let n = 2; existsSync(target); n++) target = join(files.dir, `${base}.corrupt-${stamp}-${n}.json`);
  renameSync(path, target);
  return basename(target);
}

function refusal(path: string, loaded: { version: number; message: string }): PreparedState {
  return { ok: false, refusal: { kind: 'newer-version', path, fileVersion: loaded.version, supported: CURRENT_SCHEMA_VERSION, message: `${path}: ${loaded.message}` } };
}

/** Readies the state file for conf/electron-store; see the file header for the order of things. */
export function prepareStateFile(files: StateFiles, deps: PrepareDeps): PreparedState {
  // The first run: the agent's folder may not exist yet (private to this user, like the file).
  mkdirSync(files.dir, { recursive: true, mode: 0o700 });
  removeStaleTemps(files.main);
  removeStaleTemps(files.backup);
  const main = load(files.main);
  if (main.kind === 'newer') return refusal(files.main, main);

  if (main.kind === 'good') {
    const text = main.migratedFrom === undefined ? main.text : serializeState(main.state);
    if (main.migratedFrom !== undefined) writeFileAtomic(files.main, text);
    // Keep the backup equal to the good main file (it may be missing, older, or itself corrupt).
    if (readOrUndefined(files.backup) !== text) writeFileAtomic(files.backup, text);
    return { ok: true, state: main.state, firstRun: false, ...(main.migratedFrom !== undefined ? { migratedFrom: main.migratedFrom } : {}) };
  }

  const backup = load(files.backup);
  if (backup.kind === 'newer') return refusal(files.backup, backup);
  if (main.kind === 'missing' && backup.kind === 'missing') {
    const state = freshState(deps.randomBytes);
    write(files, state);
    return { ok: true, state, firstRun: true };
  }

  const now = deps.clock.now();
  const movedAside: string[] = [];
  if (main.kind === 'corrupt') movedAside.push(moveAside(files, files.main, now));
  const mainReason = main.kind === 'corrupt' ? `${basename(files.main)}: ${main.reason}` : `${basename(files.main)} is missing`;
  let recovered: Recovery;
  let state: PersistedState;
  if (backup.kind === 'good') {
    state = backup.state;
    recovered = { source: 'backup', reason: mainReason, movedAside };
  } else {
    if (backup.kind === 'corrupt') movedAside.push(moveAside(files, files.backup, now));
    const backupReason = backup.kind === 'corrupt' ? `${basename(files.backup)}: ${backup.reason}` : `${basename(files.backup)} is missing`;
    state = freshState(deps.randomBytes);
    recovered = { source: 'fresh', reason: `${mainReason}; ${backupReason}`, movedAside };
  }
  // The event goes in with the recovered state, in the same write: the report cannot be lost on its own.
  const event = {
    id: deps.ids.next(), at: new Date(now).toISOString(), type: 'store-recovered',
    source: recovered.source, reason: recovered.reason.slice(0, 2000), movedAside,
  } as ForewarnEvent;
  state = { ...state, outbox: { ...state.outbox, events: [...state.outbox.events, event] } };
  write(files, state);
  return { ok: true, state, recovered, firstRun: false };
}

function write(files: StateFiles, state: PersistedState): void {
  const text = serializeState(state);
  writeFileAtomic(files.main, text);
  writeFileAtomic(files.backup, text);
}

function readOrUndefined(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return undefined;
  }
}
