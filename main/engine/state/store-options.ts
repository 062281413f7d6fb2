/**
 * The one definition of the state file's options, shared by conf (Node agent, preview, tests: conf-store.ts)
 * and electron-store (the app, issue 6), so both read and write the same file the same way.
 */
import { join } from 'node:path';

export const PROJECT_NAME = 'forewarn';
/** state.json: the agent's memory; state.bak.json its backup copy. */
export const STATE_CONFIG_NAME = 'state';

/** Compact JSON: the outbox can hold 10,000 events, and conf's default tab indentation would add ~30%. */
export const serializeState = (value: unknown): string => JSON.stringify(value);

/** Options for `new Conf(...)`. Our own schemaVersion + migrations.ts replace conf's semver migrations. */
export function confOptions(cwd: string, configName = STATE_CONFIG_NAME) {
  return {
    projectName: PROJECT_NAME,
    cwd,
    configName,
    fileExtension: 'json',
    // The state names the device and its maintenances: readable by this user only.
    configFileMode: 0o600,
    // Keys are PersistedState's top-level fields, never dotted paths.
    accessPropertiesByDotNotation: false,
    // Never: a corrupt file is moved aside and recovered by open-state.ts, not silently emptied.
    clearInvalidConfig: false,
    watch: false,
    serialize: serializeState,
    deserialize: (text: string) => JSON.parse(text) as Record<string, unknown>,
  } as const;
}

/** The same options for `new ElectronStore(...)` (it names the file `name`, and resolves `cwd` against userData). */
export function electronStoreOptions(cwd: string, configName = STATE_CONFIG_NAME) {
  const { configName: name, ...rest } = confOptions(cwd, configName);
  return { ...rest, name };
}

export interface StateFiles {
  dir: string;
  /** `<dir>/<configName>.json`: what conf/electron-store read and write. */
  main: string;
  /** `<dir>/<configName>.bak.json`: the last good state, rewritten after each successful write. */
  backup: string;
  configName: string;
}

export function stateFiles(cwd: string, configName = STATE_CONFIG_NAME): StateFiles {
  return { dir: cwd, main: join(cwd, `${configName}.json`), backup: join(cwd, `${configName}.bak.json`), configName };
}
