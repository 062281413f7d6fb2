// Issue goal: an unchanged-schedule poll (If-None-Match -> 304) costs the fleet server at most 1/0.8 of what a
// bare node:http server answering a constant 304 with the same headers costs. The load comes from a forked
// process over keep-alive connections; on 2 cores that process and the server each get about one core.
import { createServer, type Server } from 'node:http';
import { compareAsync, type RateComparison } from './measure.js';
import { SECURITY_HEADERS } from '../../server/protection.js';
import { backendLocation, FLEET, startBenchServer, startLoadClient } from './server-support.js';

const LANES = 32;
const REQUESTS_PER_BATCH = 4000;

/** The baseline: the same 304 with the same headers, nothing else. */
function bareServer(etag: string): Promise<{ server: Server; port: number }> {
  const headers = { ...SECURITY_HEADERS, ETag: etag, 'Cache-Control': 'no-cache' };
  const server = createServer((_req, res) => {
    res.writeHead(304, headers);
    res.end();
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, port: typeof address === 'object' && address ? address.port : 0 });
  }));
}

export async function benchSchedulePoll(): Promise<RateComparison | string> {
  const where = await backendLocation('sqlite');
  if (typeof where === 'string') return where;
  const fleet = await startBenchServer(where.location);
  const bare = await bareServer(fleet.etag);
  const load = startLoadClient();
  try {
    const lanes = Array.from({ length: LANES }, () => ({ 'if-none-match': fleet.etag }));
    const path = `/v1/fleets/${FLEET}/schedule`;
    const job = (port: number) => async () => {
      const r = await load.run({ port, method: 'GET', path, lanes, count: REQUESTS_PER_BATCH, expect: 304 });
      return { ops: r.done, seconds: r.seconds };
    };
    return await compareAsync(
      `unchanged-schedule poll (If-None-Match -> 304), ${LANES} keep-alive clients in another process, SQLite`,
      { name: 'bare node:http constant 304', run: job(bare.port) },
      job(fleet.port),
      { goal: 0.8, unit: 'requests', batches: 7 },
    );
  } finally {
    load.stop();
    bare.server.closeAllConnections();
    bare.server.close();
    await fleet.close();
    await where.cleanup();
  }
}
