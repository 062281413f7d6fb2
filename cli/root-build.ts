import type { KeyObject } from 'node:crypto';
import {
  createRoot, formatRejection, loadTrustedRoot, RootError, serializeEnvelope, signRoot, updateRoot,
  type RootDocument, type RootFields,
} from '../core/trust/index.js';
import { CliError } from './errors.js';
import { writeFileAtomic } from './files.js';

/**
 * Builds, signs and checks a root before writing it: a root that agents would refuse (threshold not met by
 * the given keys, rotation not signed by both old and new key holders) is never written.
 */
export function writeRoot(
  fields: RootFields,
  signers: KeyObject[],
  out: string,
  check: { now: number; previous?: RootDocument },
): RootDocument {
  let root: RootDocument;
  try {
    root = createRoot(fields);
  } catch (error) {
    if (error instanceof RootError) throw new CliError('the root would be invalid; nothing was written:', error.issues.map((i) => `${i.path}: ${i.message}`));
    throw error;
  }
  const bytes = Buffer.from(serializeEnvelope(signRoot(root, signers)), 'utf8');
  const result = check.previous
    ? updateRoot(check.previous, [bytes], { now: check.now })
    : loadTrustedRoot(bytes, { now: check.now });
  if (!result.ok) throw new CliError(`agents would refuse this root, so nothing was written: ${formatRejection(result)}`);
  writeFileAtomic(out, bytes);
  return root;
}

/** One line per role, for people reading what they just made. */
export function describeRoot(root: RootDocument): string[] {
  return (['root', 'schedule'] as const).map((name) => {
    const role = root.roles[name];
    return `  ${name} keys: ${role.threshold} of ${role.keyids.length} (${role.keyids.map((k) => k.slice(0, 12)).join(', ')})`;
  });
}
