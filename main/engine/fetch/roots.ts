/**
 * GET /v1/fleets/:fleet/roots/:version for the TrustKeeper's root following: the bytes, null on 404 (no such
 * root: the chain ends), a thrown Error otherwise (server unreachable or failing). Same size cap and timeout as a
 * schedule; the keeper verifies every root with core's updateRoot before it means anything.
 */
import { MAX_ENVELOPE_BYTES } from '../../../core/trust/index.js';
import type { Http, Timers } from '../ports.js';
import { readCappedBody } from './capped-body.js';
import { REQUEST_TIMEOUT_MS } from './poller.js';

export function rootFetcher(options: { serverUrl: string; fleet: string; http: Http; timers: Timers; timeoutMs?: number }) {
  const base = `${options.serverUrl.replace(/\/+$/, '')}/v1/fleets/${encodeURIComponent(options.fleet)}/roots/`;
  return async (version: number): Promise<Uint8Array | null> => {
    const controller = new AbortController();
    const timer = options.timers.setTimeout(() => controller.abort(new Error('timed out')), options.timeoutMs ?? REQUEST_TIMEOUT_MS);
    try {
      const response = await options.http(`${base}${version}`, { headers: { accept: 'application/json' }, signal: controller.signal });
      if (response.status === 404) {
        await response.body?.cancel().catch(() => undefined);
        return null;
      }
      if (response.status !== 200) {
        await response.body?.cancel().catch(() => undefined);
        throw new Error(`GET root ${version}: HTTP ${response.status}`);
      }
      const body = await readCappedBody(response, MAX_ENVELOPE_BYTES, () => controller.abort(new Error('too large')));
      if (!body.ok) throw new Error(`GET root ${version}: ${body.detail}`);
      return body.bytes;
    } finally {
      options.timers.clearTimeout(timer);
    }
  };
}
