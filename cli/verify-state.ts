import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RootDocument, VerifiedSchedule } from '../core/trust/index.js';
import { CliError } from './errors.js';
import { writeFileAtomic } from './files.js';

/** What an agent remembers between checks; the same facts `forewarn verify --state DIR` keeps in DIR. */
interface Remembered {
  fleet: string;
  version: number;
  payloadSha256: string;
  /** The schedule role (keys and threshold) the version was accepted under. */
  scheduleRole: string;
}

const roleOf = (root: RootDocument): string => `${root.roles.schedule.threshold}:${[...root.roles.schedule.keyids].sort().join(',')}`;

/**
 * `--state DIR`: the highest accepted version with the hash of its payload (to catch rollback and
 * equivocation), the bytes of that last good schedule, and the chain of newer roots followed so far (so a
 * rotation is never undone by passing an older chain). Every file is written whole or not at all, the
 * schedule before the facts that point at it.
 */
export function openState(dir: string) {
  const facts = join(dir, 'state.json');
  const lastGood = join(dir, 'schedule.signed.json');
  const roots = join(dir, 'roots');
  try {
    mkdirSync(roots, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CliError(`cannot use the state folder "${dir}": ${(error as Error).message}`);
  }
  let remembered: Remembered | undefined;
  if (existsSync(facts)) {
    try {
      remembered = JSON.parse(readFileSync(facts, 'utf8')) as Remembered;
      if (!Number.isSafeInteger(remembered.version) || typeof remembered.payloadSha256 !== 'string' || typeof remembered.scheduleRole !== 'string') throw new Error('missing fields');
    } catch (error) {
      throw new CliError(`${facts} is damaged (${(error as Error).message}); move it aside to start afresh`);
    }
  }
  return {
    /**
     * The version to protect against rollback under `root`. TUF's fast-forward recovery: when the schedule
     * keys changed since that version was accepted, it is forgotten, so a version signed by a revoked key
     * cannot lock out every real schedule as a "rollback".
     */
    last(root: RootDocument): { version: number; payloadSha256: string } | null {
      if (!remembered || remembered.scheduleRole !== roleOf(root)) return null;
      return { version: remembered.version, payloadSha256: remembered.payloadSha256 };
    },
    /** Roots followed earlier, as bytes; they are verified again from the pinned root on every use. */
    rootChain(): Uint8Array[] {
      return readdirSync(roots).filter((f) => f.endsWith('.root.json')).map((f) => readFileSync(join(roots, f)));
    },
    remember(accepted: VerifiedSchedule, bytes: Uint8Array, root: RootDocument, chain: Uint8Array[]): void {
      chain.forEach((root, i) => writeFileAtomic(join(roots, `${String(i + 1).padStart(4, '0')}.root.json`), root));
      if (accepted.unchanged && remembered?.scheduleRole === roleOf(root)) return;
      writeFileAtomic(lastGood, bytes);
      remembered = { fleet: accepted.schedule.fleet, version: accepted.version, payloadSha256: accepted.payloadSha256, scheduleRole: roleOf(root) };
      writeFileAtomic(facts, `${JSON.stringify(remembered, null, 2)}\n`);
    },
  };
}
