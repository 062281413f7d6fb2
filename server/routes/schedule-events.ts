// GET /v1/fleets/:fleet/schedule/events: a Server-Sent Events stream that tells a device at once that a new
// schedule version exists, so it fetches it now instead of at its next poll. `event: schedule` with
// `data: {"version":N,"etag":"\"<sha256>\""}` on connect (version 0 and etag null before the first publish)
// and on every publish; a `: keep-alive` comment every 25 s so proxies keep the connection open.
import type { ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RouteContext } from '../app.js';
import { authenticateDevice, bearer, fleetParams, sendError } from '../http.js';
import type { ScheduleVersion } from '../notifier.js';
import { hashToken } from '../tokens.js';

export const KEEPALIVE_MS = 25_000;
/** Clients reconnect after this many ms when the stream drops (the SSE `retry:` field). */
export const RECONNECT_MS = 10_000;
/** Open streams per node: each holds a socket and a file descriptor; beyond it, 503 with Retry-After. */
export const MAX_STREAMS = 20_000;
/** Open streams per device (per credential): a newer stream beyond it closes the device's oldest one. */
export const MAX_STREAMS_PER_DEVICE = 2;
/** Seconds a client refused because the node is full waits (a load balancer may send it to another node). */
export const STREAMS_FULL_RETRY_AFTER_SECONDS = 30;

export interface StreamLimits {
  maxStreams?: number;
  maxStreamsPerDevice?: number;
}

interface Stream {
  res: ServerResponse;
  close(): void;
}

/**
 * The open streams of this node, per device. Beyond the per-device cap the OLDEST stream is closed rather
 * than the new one refused: an agent on a flaky network (Wi-Fi hand-over, sleep, NAT timeout) reconnects
 * while its old connection is still open here, half-dead, and would stay so until a keep-alive write fails
 * (minutes). Refusing would leave the live agent without notifications in that time; closing the oldest
 * keeps the newest, which is the one that works. A device can still hold at most the cap.
 */
class OpenStreams {
  readonly maxStreams: number;
  readonly maxPerDevice: number;
  private readonly all = new Set<Stream>();
  private readonly byDevice = new Map<string, Stream[]>();
  /** Streams admitted but still being set up (the current version is being read). */
  private starting = 0;

  constructor(limits: StreamLimits = {}) {
    this.maxStreams = limits.maxStreams ?? MAX_STREAMS;
    this.maxPerDevice = limits.maxStreamsPerDevice ?? MAX_STREAMS_PER_DEVICE;
    for (const [name, value] of [['maxStreams', this.maxStreams], ['maxStreamsPerDevice', this.maxPerDevice]] as const) {
      if (!Number.isSafeInteger(value) || value < 1) throw new Error(`streamLimits.${name} must be an integer >= 1, not ${value}`);
    }
  }

  /** A device at its own cap replaces one of its streams, so it is admitted even on a full node. */
  admits(device: string): boolean {
    return this.all.size + this.starting < this.maxStreams || (this.byDevice.get(device)?.length ?? 0) >= this.maxPerDevice;
  }

  reserve(): () => void {
    this.starting++;
    let released = false;
    return () => {
      if (!released) this.starting--;
      released = true;
    };
  }

  /** Adds a stream; returns the streams of the same device it pushed out (already closed). */
  add(device: string, stream: Stream): Stream[] {
    let list = this.byDevice.get(device);
    if (!list) this.byDevice.set(device, (list = []));
    const evicted: Stream[] = [];
    while (list.length >= this.maxPerDevice) evicted.push(list.shift()!);
    list.push(stream);
    this.all.add(stream);
    for (const old of evicted) old.close();
    return evicted;
  }

  remove(device: string, stream: Stream): void {
    this.all.delete(stream);
    const list = this.byDevice.get(device);
    if (!list) return;
    const i = list.indexOf(stream);
    if (i >= 0) list.splice(i, 1);
    if (list.length === 0) this.byDevice.delete(device);
  }

  closeAll(): void {
    for (const stream of [...this.all]) stream.close();
  }

  get size(): number {
    return this.all.size;
  }
}

/** The device key: the SHA-256 of its credential, known before the database is asked who it is. */
function deviceKey(request: FastifyRequest): string | null {
  const token = bearer(request);
  return token === null ? null : hashToken(token);
}

function full(request: FastifyRequest, reply: FastifyReply, streams: OpenStreams): FastifyReply {
  request.log.warn({ open: streams.size, max: streams.maxStreams }, 'schedule streams full');
  return sendError(reply.header('Retry-After', String(STREAMS_FULL_RETRY_AFTER_SECONDS)), 503, 'streams-full',
    `this server node has its maximum of ${streams.maxStreams} open schedule streams; retry in ${STREAMS_FULL_RETRY_AFTER_SECONDS} s`);
}

export function scheduleEventRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { storage } = ctx;
  const notifier = ctx.notifier;
  if (!notifier) throw new Error('scheduleEventRoutes: the route context has no notifier');
  const streams = new OpenStreams(ctx.streamLimits);
  // app.close() waits for open connections; a stream never ends by itself, so end them first.
  app.addHook('preClose', async () => streams.closeAll());

  app.get<{ Params: { fleet: string } }>('/v1/fleets/:fleet/schedule/events', {
    schema: { params: fleetParams },
    onRequest: [
      // A full node refuses before the credential is looked up, so a reconnect storm costs no queries.
      async (request, reply) => {
        const key = deviceKey(request);
        return key !== null && !streams.admits(key) ? full(request, reply, streams) : undefined;
      },
      authenticateDevice(storage),
    ],
  }, async (request, reply) => {
    const { fleet } = request.params;
    const key = deviceKey(request)!; // authenticateDevice let it through: there is a credential
    // Checked again: other streams may have been admitted while the credential was looked up.
    if (!streams.admits(key)) return full(request, reply, streams);
    const release = streams.reserve();
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
      release();
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
    const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
    keepAlive.unref();
    let closed = false;
    const cleanup = (): void => {
      if (closed) return;
      closed = true;
      clearInterval(keepAlive);
      unsubscribe();
      streams.remove(key, stream);
    };
    const stream: Stream = {
      res,
      close: () => {
        cleanup();
        if (!res.writableEnded) res.end();
      },
    };
    release();
    const replaced = streams.add(key, stream);
    if (replaced.length > 0) request.log.info({ fleet, device: request.device?.id, replaced: replaced.length }, 'schedule stream replaced an older one of the device');
    res.once('close', cleanup);
    res.once('error', cleanup);
    // Gone while the current version was read: 'close' has fired already.
    if (res.destroyed || request.raw.socket.destroyed) cleanup();
    request.log.info({ fleet, device: request.device?.id }, 'schedule stream opened');
  });
}
