/**
 * The state file's own schema versions (independent of the app version: electron-store's/conf's semver
 * migrations would tie the file to release numbers and cannot refuse a newer file). Each migration is a pure
 * function over plain JSON from one version to the next; at open the needed ones run in order and the result is
 * validated (schema.ts) and written once (open-state.ts). A file from a NEWER agent is never migrated down or
 * overwritten: an older agent cannot know what the newer fields mean, and writing would destroy them.
 *
 * Version 0 is the pre-release agent's shape: no schemaVersion, the device id at the top level
 * (`deviceId`, `fleet`), the outbox a bare array of events with the dropped count beside it (`droppedEvents`),
 * and `trust` possibly without `rootChain`.
 * Version 1 is PersistedState (types.ts).
 */

/** The version this agent writes. */
export const CURRENT_SCHEMA_VERSION = 1;

type Json = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  /** Why the shape changed, for the log. */
  description: string;
  migrate(state: Json): Json;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

export const MIGRATIONS: readonly Migration[] = [
  {
    from: 0,
    to: 1,
    description: 'device identity grouped under `device`; the outbox becomes { events, dropped }; an explicit schemaVersion',
    migrate(v0) {
      const { deviceId, fleet, enrolledAt, trust, agent, outbox, droppedEvents, ...rest } = v0;
      const trustObject = isObject(trust) ? trust : {};
      return {
        ...rest,
        schemaVersion: 1,
        device: {
          id: deviceId,
          ...(fleet !== undefined ? { fleet } : {}),
          ...(enrolledAt !== undefined ? { enrolledAt } : {}),
        },
        trust: { ...trustObject, rootChain: Array.isArray(trustObject['rootChain']) ? trustObject['rootChain'] : [] },
        agent: isObject(agent) ? agent : { maintenances: {} },
        outbox: { events: Array.isArray(outbox) ? outbox : [], dropped: typeof droppedEvents === 'number' ? droppedEvents : 0 },
      };
    },
  },
];

// The chain must be complete: 0 -> 1 -> … -> CURRENT, one step each (a gap would strand old files).
MIGRATIONS.forEach((m, i) => {
  if (m.from !== i || m.to !== i + 1) throw new Error(`state migrations: step ${i} goes ${m.from} -> ${m.to}, expected ${i} -> ${i + 1}`);
});
if (MIGRATIONS.length !== CURRENT_SCHEMA_VERSION) throw new Error('state migrations: the chain does not end at CURRENT_SCHEMA_VERSION');

export type MigrationOutcome =
  | { ok: true; state: Json; from: number; applied: number }
  | { ok: false; kind: 'newer'; version: number; message: string }
  | { ok: false; kind: 'invalid'; message: string };

/** The file's version: its schemaVersion, or 0 for the pre-release shape that had none. */
export function versionOf(state: Json): number | undefined {
  if (!('schemaVersion' in state)) return 0;
  const v = state['schemaVersion'];
  return typeof v === 'number' && Number.isInteger(v) && v >= 0 ? v : undefined;
}

/** Brings a parsed state file up to CURRENT_SCHEMA_VERSION. Pure: the input is not changed. */
export function migrate(raw: unknown, migrations: readonly Migration[] = MIGRATIONS, current = CURRENT_SCHEMA_VERSION): MigrationOutcome {
  if (!isObject(raw)) return { ok: false, kind: 'invalid', message: 'state: must be a JSON object' };
  const from = versionOf(raw);
  if (from === undefined) return { ok: false, kind: 'invalid', message: `schemaVersion: must be a whole number >= 0, got ${JSON.stringify(raw['schemaVersion'])}` };
  if (from > current) {
    return {
      ok: false, kind: 'newer', version: from,
      message: `the state file has schemaVersion ${from}, written by a newer Forewarn agent; this agent reads up to ${current} and will not overwrite it`,
    };
  }
  // structuredClone: the migrations build new objects, but a shallow spread would still share nested ones.
  let state = structuredClone(raw);
  let applied = 0;
  for (let v = from; v < current; v++) {
    const step = migrations.find((m) => m.from === v);
    if (step === undefined) return { ok: false, kind: 'invalid', message: `schemaVersion: no migration from ${v}` };
    state = step.migrate(state);
    applied += 1;
  }
  return { ok: true, state, from, applied };
}
