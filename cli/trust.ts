import { formatRejection, loadTrustedRoot, updateRoot, type Rejection, type RootDocument } from '../core/trust/index.js';
import { CliError } from './errors.js';
import { readInput } from './files.js';

export type RootResult =
  | {
      ok: true;
      root: RootDocument;
      /** The newer roots applied on top of the pinned one, oldest first: what an agent keeps. */
      chain: Uint8Array[];
    }
  | Rejection;

/**
 * The root an agent would trust: always re-derived from the pinned root, through each newer root in version
 * order, each signed by a threshold of the previous root's keys and of its own. Roots remembered from earlier
 * calls and roots named on the command line are merged; a remembered root is never trusted on its own
 * signatures. The newest must not have expired (that would be a freeze).
 */
export function resolveRoot(rootFile: string, chainFiles: string[], now: number, remembered: Uint8Array[] = []): RootResult {
  const pinned = loadTrustedRoot(readInput(rootFile, 'root'), { now, allowExpired: true });
  if (!pinned.ok) return pinned;
  const byVersion = new Map<number, Uint8Array>();
  // Remembered roots first: a file claiming the same version cannot replace one already followed.
  for (const bytes of [...remembered, ...chainFiles.map((f) => readInput(f, 'root'))]) {
    const version = peekVersion(bytes);
    if (version === undefined) return { ok: false, reason: 'root-rotation-invalid', detail: 'a root in the chain is not a readable root document' };
    if (version > pinned.root.version && !byVersion.has(version)) byVersion.set(version, bytes);
  }
  const chain = [...byVersion].sort(([a], [b]) => a - b).map(([, bytes]) => bytes);
  const updated = updateRoot(pinned.root, chain, { now });
  if (!updated.ok) return updated;
  return { ok: true, root: updated.root, chain };
}

/** As resolveRoot, for commands that only need a root to check against: a refusal becomes a CliError. */
export function trustedRootFrom(rootFile: string, chainFiles: string[], now: number): RootDocument {
  const result = resolveRoot(rootFile, chainFiles, now);
  if (!result.ok) throw new CliError(`${rootFile}: ${formatRejection(result)}`);
  return result.root;
}

/** The version a root envelope claims, unverified: used only to order the chain, which updateRoot verifies. */
function peekVersion(bytes: Uint8Array): number | undefined {
  try {
    const envelope = JSON.parse(Buffer.from(bytes).toString('utf8')) as { payload?: unknown };
    if (typeof envelope.payload !== 'string') return undefined;
    const doc = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { version?: unknown };
    return Number.isSafeInteger(doc.version) ? (doc.version as number) : undefined;
  } catch {
    return undefined;
  }
}
