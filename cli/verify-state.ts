import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { VerifiedSchedule } from '../core/trust/index.js';
import { CliError } from './errors.js';
import { writeFileAtomic } from './files.js';

/** What an agent remembers between checks; the same facts `forewarn verify --state DIR` keeps in DIR. */
interface Remembered {
  fleet: string;
  version: number;
  payloadSha256: string;
}

/**
 * `--state DIR`: the highest accepted version with the hash of its payload (to catch rollback and
 * equivocation), the bytes of that last good schedule, and the newest trusted root. Every file is written
 * whole or not at all, and the schedule before the facts that point at it.
 */
export function openState(dir: string) {
  const facts = join(dir, 'state.json');
  const lastGood = join(dir, 'schedule.signed.json');
  const root = join(dir, 'root.json');
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new CliError(`cannot use the state folder "${dir}": ${(error as Error).message}`);
  }
  let remembered: Remembered | undefined;
  if (existsSync(facts)) {
    try {
      remembered = JSON.parse(readFileSync(facts, 'utf8')) as Remembered;
      if (!Number.isInteger(remembered.version) || typeof remembered.payloadSha256 !== 'string') throw new Error('missing fields');
    } catch (error) {
      throw new CliError(`${facts} is damaged (${(error as Error).message}); move it aside to start afresh`);
    }
  }
  return {
    last(): { version: number; payloadSha256: string } | null {
      return remembered ? { version: remembered.version, payloadSha256: remembered.payloadSha256 } : null;
    },
    rootChain(): Uint8Array | undefined {
      return existsSync(root) ? readFileSync(root) : undefined;
    },
    remember(accepted: VerifiedSchedule, bytes: Uint8Array, rootBytes: Uint8Array): void {
      writeFileAtomic(root, rootBytes);
      if (accepted.unchanged) return;
      writeFileAtomic(lastGood, bytes);
      remembered = { fleet: accepted.schedule.fleet, version: accepted.version, payloadSha256: accepted.payloadSha256 };
      writeFileAtomic(facts, `${JSON.stringify(remembered, null, 2)}\n`);
    },
  };
}
