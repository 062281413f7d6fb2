import { formatRejection, loadTrustedRoot, updateRoot, type Rejection, type RootDocument } from '../core/trust/index.js';
import { CliError } from './errors.js';
import { readInput } from './files.js';

export type RootResult = { ok: true; root: RootDocument; bytes: Uint8Array } | Rejection;

/**
 * The root an agent would trust: the pinned root file (or a newer one remembered from an earlier rotation),
 * then each newer root of the chain in order, each signed by a threshold of the previous root's keys and of
 * its own. The newest must not have expired (that would be a freeze).
 */
export function resolveRoot(rootFile: string, chainFiles: string[], now: number, remembered?: Uint8Array): RootResult {
  const pinnedBytes = readInput(rootFile, 'root');
  let start = loadTrustedRoot(pinnedBytes, { now, allowExpired: true });
  if (!start.ok) return start;
  let startBytes: Uint8Array = pinnedBytes;
  if (remembered) {
    const newer = loadTrustedRoot(remembered, { now, allowExpired: true });
    if (newer.ok && newer.root.fleet === start.root.fleet && newer.root.version > start.root.version) {
      start = newer;
      startBytes = remembered;
    }
  }
  const from = start.root.version;
  // Roots we already trust are skipped, so passing the whole chain every time is fine.
  const chain = chainFiles.map((f) => readInput(f, 'root')).filter((bytes) => (peekVersion(bytes) ?? Infinity) > from);
  const updated = updateRoot(start.root, chain, { now });
  if (!updated.ok) return updated;
  return { ok: true, root: updated.root, bytes: chain.length > 0 ? chain[chain.length - 1]! : startBytes };
}

/** As resolveRoot, for commands that only need a root to check against: a refusal becomes a CliError. */
export function trustedRootFrom(rootFile: string, chainFiles: string[], now: number): RootDocument {
  const result = resolveRoot(rootFile, chainFiles, now);
  if (!result.ok) throw new CliError(`${rootFile}: ${formatRejection(result)}`);
  return result.root;
}

/** The version a root envelope claims, unverified: used only to skip roots already trusted. */
function peekVersion(bytes: Uint8Array): number | undefined {
  try {
    const envelope = JSON.parse(Buffer.from(bytes).toString('utf8')) as { payload?: unknown };
    if (typeof envelope.payload !== 'string') return undefined;
    const doc = JSON.parse(Buffer.from(envelope.payload, 'base64').toString('utf8')) as { version?: unknown };
    return typeof doc.version === 'number' ? doc.version : undefined;
  } catch {
    return undefined;
  }
}
