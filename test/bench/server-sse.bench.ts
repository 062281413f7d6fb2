// SSE fan-out: 10,000 open schedule streams (one enrolled device each, so the per-device stream cap holds),
// held by 4 client processes of 2,500 sockets (no process needs more than the 20,000 file descriptors allowed
// here), then one publish over HTTP: how long until 1,000 and until all 10,000 streams have the new version.
// No ratio goal: numbers to watch, with the server's RSS per 1,000 open streams for the capacity sheet.
import { fork, type ChildProcess } from 'node:child_process';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { backendLocation, enrollDevices, FLEET, startBenchServer } from './server-support.js';
import type { SseJob, SseMessage } from './sse-clients.js';

export interface FanOut {
  name: string;
  streams: number;
  untilFirst1000Ms: number;
  untilAllMs: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  publishResponseMs: number;
  rssPer1000StreamsMiB: number;
  /** V8 heap + external per 1,000 streams: steadier than RSS, which keeps pages freed earlier. */
  heapPer1000StreamsMiB: number;
  connectSeconds: number;
}

const STREAMS = 10_000;
const PROCESSES = 4;

// A full GC before each RSS reading, so the delta is the streams, not the enrollment's garbage
// (`npm run bench` runs node without --expose-gc; this turns it on for this process).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function memory(): { rss: number; heap: number } {
  gc();
  const m = process.memoryUsage();
  return { rss: m.rss, heap: m.heapUsed + m.external };
}

export async function benchSseFanOut(streams = STREAMS): Promise<FanOut | string> {
  const where = await backendLocation('sqlite');
  if (typeof where === 'string') return where;
  const fleet = await startBenchServer(where.location);
  const children: ChildProcess[] = [];
  try {
    const credentials = await enrollDevices(fleet.storage, streams, 'sse');
    const before = memory();
    const connectStart = performance.now();
    const share = Math.ceil(streams / PROCESSES);
    const connected: Array<Promise<SseMessage>> = [];
    const received: Array<Promise<number[]>> = [];
    for (let p = 0; p < PROCESSES; p++) {
      const child = fork(new URL('./sse-clients.js', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
      children.push(child);
      connected.push(new Promise((resolve, reject) => {
        child.on('message', (m: SseMessage) => { if (m.type === 'connected') resolve(m); });
        child.once('exit', (code) => reject(new Error(`SSE client process exited with ${code}`)));
      }));
      received.push(new Promise((resolve) => child.on('message', (m: SseMessage) => { if (m.type === 'received') resolve(m.at); })));
      const job: SseJob = {
        port: fleet.port, path: `/v1/fleets/${FLEET}/schedule/events`, credentials: credentials.slice(p * share, (p + 1) * share),
        connectConcurrency: 100, awaitVersion: 2,
      };
      child.send(job);
    }
    for (const c of await Promise.all(connected)) {
      if (c.type === 'connected' && c.failed > 0) throw new Error(`${c.failed} SSE streams failed to open, first: ${c.firstError}`);
    }
    const connectSeconds = (performance.now() - connectStart) / 1000;
    const after = memory();

    const publishedAt = performance.timeOrigin + performance.now();
    const res = await fetch(`http://127.0.0.1:${fleet.port}/v1/fleets/${FLEET}/schedule`, {
      method: 'PUT', body: fleet.trust.schedule(2), headers: { 'content-type': 'application/json', authorization: `Bearer ${fleet.admin}` },
    });
    const publishResponseMs = performance.timeOrigin + performance.now() - publishedAt;
    if (res.status !== 201) throw new Error(`publish -> ${res.status} ${await res.text()}`);
    const latencies = (await Promise.all(received)).flat().map((t) => t - publishedAt).sort((a, b) => a - b);
    if (latencies.length !== streams) throw new Error(`${latencies.length} of ${streams} streams got the new version`);
    const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]!;
    return {
      name: `SSE fan-out of one publish to ${streams} streams (${PROCESSES} client processes)`,
      streams, untilFirst1000Ms: latencies[Math.min(999, streams - 1)]!, untilAllMs: latencies[streams - 1]!,
      p50Ms: at(0.5), p99Ms: at(0.99), maxMs: latencies[streams - 1]!, publishResponseMs,
      rssPer1000StreamsMiB: ((after.rss - before.rss) / (streams / 1000)) / 2 ** 20,
      heapPer1000StreamsMiB: ((after.heap - before.heap) / (streams / 1000)) / 2 ** 20, connectSeconds,
    };
  } finally {
    for (const child of children) if (child.connected) child.disconnect();
    await fleet.close();
    await where.cleanup();
  }
}

export function reportFanOut(r: FanOut): string {
  return `${r.name}: until 1,000 ${r.untilFirst1000Ms.toFixed(0)} ms, until all ${r.untilAllMs.toFixed(0)} ms `
    + `(p50 ${r.p50Ms.toFixed(0)}, p99 ${r.p99Ms.toFixed(0)}, max ${r.maxMs.toFixed(0)} ms; publish answered in ${r.publishResponseMs.toFixed(0)} ms); `
    + `per 1,000 streams: server RSS +${r.rssPer1000StreamsMiB.toFixed(1)} MiB, heap +${r.heapPer1000StreamsMiB.toFixed(1)} MiB; ${r.streams} opened in ${r.connectSeconds.toFixed(1)} s — to watch, no goal`;
}
