// SSE clients of the fan-out bench, run as a child process (fork): each holds its share of the streams (one
// socket and one device credential per stream), tells the parent when all are open, then when each stream
// saw the awaited schedule version — as wall-clock instants (performance.timeOrigin + now), comparable across
// processes on one machine.
import { request, type ClientRequest } from 'node:http';

export interface SseJob {
  port: number;
  path: string;
  credentials: string[];
  /** Connections being opened at once (the server's listen backlog is finite). */
  connectConcurrency: number;
  /** The version whose arrival is timed. */
  awaitVersion: number;
}

export type SseMessage =
  | { type: 'connected'; open: number; failed: number; firstError: string | null }
  | { type: 'received'; at: number[] };

const requests: ClientRequest[] = [];

function open(job: SseJob, credential: string, onVersion: (version: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: job.port, path: job.path, agent: false, headers: { authorization: `Bearer ${credential}`, accept: 'text/event-stream' } }, (res) => {
      if (res.statusCode !== 200) {
        res.resume();
        reject(new Error(`status ${res.statusCode}`));
        return;
      }
      res.setEncoding('utf8');
      let buffer = '';
      let first = true;
      res.on('data', (chunk: string) => {
        buffer += chunk;
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const message = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const data = /^data: (.*)$/m.exec(message);
          if (!message.startsWith('event: schedule') || !data) continue;
          onVersion((JSON.parse(data[1]!) as { version: number }).version);
          if (first) {
            first = false;
            resolve();
          }
        }
      });
      res.on('error', () => {});
    });
    req.on('error', reject);
    requests.push(req);
    req.end();
  });
}

async function run(job: SseJob): Promise<void> {
  const at: number[] = [];
  const seen = new Set<number>();
  let next = 0;
  let openCount = 0;
  let failed = 0;
  let firstError: string | null = null;
  await Promise.all(Array.from({ length: job.connectConcurrency }, async () => {
    while (next < job.credentials.length) {
      const i = next++;
      try {
        await open(job, job.credentials[i]!, (version) => {
          if (version < job.awaitVersion || seen.has(i)) return;
          seen.add(i);
          at.push(performance.timeOrigin + performance.now());
          if (at.length === openCount) process.send!({ type: 'received', at } satisfies SseMessage);
        });
        openCount++;
      } catch (e) {
        failed++;
        firstError ??= (e as Error).message;
      }
    }
  }));
  process.send!({ type: 'connected', open: openCount, failed, firstError } satisfies SseMessage);
}

if (process.send !== undefined) {
  process.once('message', (job: SseJob) => { void run(job); });
  // The parent ends the bench: close every stream so the server sees them go.
  process.on('disconnect', () => {
    for (const req of requests) req.destroy();
    process.exit(0);
  });
}
