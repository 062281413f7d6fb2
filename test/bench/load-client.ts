// The HTTP load generator of the server benches, run as a child process (fork) so its work does not share the
// server's event loop. The parent sends jobs over IPC; each job is bounded by its request count, and each lane
// is one keep-alive connection with its own headers (a device credential, an If-None-Match).
import { Agent, request } from 'node:http';
import { randomBytes } from 'node:crypto';

export interface HttpJob {
  id: number;
  port: number;
  method: 'GET' | 'POST';
  path: string;
  /** One entry per concurrent lane: that lane's request headers. */
  lanes: Array<Record<string, string>>;
  /** Requests in all, shared by the lanes. */
  count: number;
  /** The status every response must have; others are counted as errors. */
  expect: number;
  /** When set, each request posts a fresh batch of this many valid events (generated before the clock starts). */
  eventsPerBody?: number;
}

export interface HttpJobResult {
  id: number;
  done: number;
  errors: number;
  firstError: string | null;
  seconds: number;
}

const agents = new Map<number, Agent>();

function agentFor(port: number, lanes: number): Agent {
  let agent = agents.get(port);
  if (!agent || agent.maxSockets < lanes) {
    agent?.destroy();
    agent = new Agent({ keepAlive: true, maxSockets: lanes, maxFreeSockets: lanes });
    agents.set(port, agent);
  }
  return agent;
}

/** A UUIDv7 (the event id format core/events requires). */
function uuidv7(ms: number): string {
  const b = randomBytes(16);
  b.writeUIntBE(ms, 0, 6);
  b[6] = (b[6]! & 0x0f) | 0x70;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = b.toString('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A batch as an agent sends it: a maintenance's usual mix of event types, each with a fresh id. */
export function eventBatch(size: number, ms = Date.parse('2026-12-09T01:00:00Z')): Array<Record<string, unknown>> {
  const types = ['delivered', 'notified', 'acknowledged', 'restart-started', 'completed'];
  return Array.from({ length: size }, (_, i) => ({
    id: uuidv7(ms + i), type: types[i % types.length], at: new Date(ms + i * 1000).toISOString(),
    maintenance: '2026-12-patch-tuesday', scheduleVersion: 1, zone: 'Europe/Paris',
  }));
}

function send(job: HttpJob, agent: Agent, headers: Record<string, string>, body: string | undefined): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({
      host: '127.0.0.1', port: job.port, method: job.method, path: job.path, agent,
      headers: body === undefined ? headers : { ...headers, 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(body)) },
    }, (res) => {
      // Drain the body so the keep-alive socket is reused.
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
    req.end(body);
  });
}

export async function runJob(job: HttpJob): Promise<HttpJobResult> {
  const agent = agentFor(job.port, job.lanes.length);
  const bodies = job.eventsPerBody === undefined ? null
    : Array.from({ length: job.count }, () => JSON.stringify({ events: eventBatch(job.eventsPerBody!) }));
  let next = 0;
  let done = 0;
  let errors = 0;
  let firstError: string | null = null;
  const start = process.hrtime.bigint();
  await Promise.all(job.lanes.map(async (headers) => {
    while (next < job.count) {
      const i = next++;
      try {
        const status = await send(job, agent, headers, bodies?.[i]);
        if (status === job.expect) done++;
        else {
          errors++;
          firstError ??= `status ${status}, expected ${job.expect}`;
        }
      } catch (e) {
        errors++;
        firstError ??= (e as Error).message;
      }
    }
  }));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { id: job.id, done, errors, firstError, seconds };
}

if (process.send !== undefined) {
  process.on('message', (job: HttpJob) => {
    runJob(job).then((r) => process.send!(r), (e: unknown) => process.send!({ id: job.id, done: 0, errors: 1, firstError: String(e), seconds: 1 }));
  });
  process.on('disconnect', () => {
    for (const agent of agents.values()) agent.destroy();
  });
}
