// GET /v1/fleets/:fleet/schedule/events: a Server-Sent Events stream that tells a device at once that a new
// schedule version exists, so it fetches it now instead of at its next poll. `event: schedule` with
// `data: {"version":N,"etag":"\"<sha256>\""}` on connect (version 0 and etag null before the first publish)
// and on every publish; a `: keep-alive` comment every 25 s so proxies keep the connection open.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { authenticateDevice, fleetParams } from '../http.js';
import type { ScheduleVersion } from '../notifier.js';

export const KEEPALIVE_MS = 25_000;
/** Clients reconnect after this many ms when the stream drops (the SSE `retry:` field). */
export const RECONNECT_MS = 10_000;

export function scheduleEventRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { storage } = ctx;
  const notifier = ctx.notifier;
  if (!notifier) throw new Error('scheduleEventRoutes: the route context has no notifier');
  const streams = new Set<ServerResponse>();
  // app.close() waits for open connections; a stream never ends by itself, so end them first.
  app.addHook('preClose', async () => {
    for (const res of streams) res.end();
  });

  app.get<{ Params: { fleet: string } }>('/v1/fleets/:fleet/schedule/events', {
    schema: { params: fleetParams },
    onRequest: authenticateDevice(storage),
  }, async (request, reply) => {
    const { fleet } = request.params;
    const res = reply.raw;
    let sent = -1;
    const send = (update: ScheduleVersion | { version: 0; etag: null }): void => {
      if (update.version <= sent || res.writableEnded) return;
      sent = update.version;
      res.write(`event: schedule\ndata: ${JSON.stringify({ version: update.version, etag: update.etag })}\n\n`);
    };
    // Subscribe before reading the current version, so a publish in between is not missed (send() skips
    // anything not newer than what the stream already said).
    const pending: ScheduleVersion[] = [];
    let ready = false;
    const unsubscribe = notifier.subscribe(fleet, (update) => (ready ? send(update) : pending.push(update)));
    let current;
    try {
      current = await storage.currentSchedule(fleet);
    } catch (error) {
      unsubscribe();
      throw error;
    }
    // From here on the reply is ours: Fastify's hooks no longer send headers, so take the ones set so far.
    reply.hijack();
    res.writeHead(200, {
      ...(reply.getHeaders() as Record<string, string>),
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      'X-Accel-Buffering': 'no',
      Connection: 'keep-alive',
    });
    res.write(`retry: ${RECONNECT_MS}\n\n`);
    send(current ? { version: current.version, etag: `"${current.payloadSha256}"` } : { version: 0, etag: null });
    ready = true;
    for (const update of pending.splice(0)) send(update);
    streams.add(res);
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
    keepAlive.unref();
    const cleanup = (): void => {
      clearInterval(keepAlive);
      unsubscribe();
      streams.delete(res);
    };
    res.once('close', cleanup);
    res.once('error', cleanup);
    // Gone while the current version was read: 'close' has fired already.
    if (res.destroyed || request.raw.socket.destroyed) cleanup();
    request.log.info({ fleet, device: request.device?.id }, 'schedule stream opened');
  });
}
