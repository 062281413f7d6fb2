// The fleet server's HTTP app: agent API (schedule, roots, enroll, events) and IT API (publish root and
// schedule). Storage, clock and logger come in, so tests and `forewarn server` compose it the same way.
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import type { Storage } from './storage/index.js';
import { sendError } from './http.js';
import { scheduleRoutes } from './routes/schedule.js';
import { rootRoutes } from './routes/roots.js';
import { enrollRoutes } from './routes/enroll.js';
import { eventRoutes } from './routes/events.js';
import { publishRoutes } from './routes/publish.js';
import { complianceRoutes } from './routes/compliance.js';
import { scheduleEventRoutes } from './routes/schedule-events.js';
import { adminRoutes } from './routes/admin.js';
import { deviceRoutes } from './routes/devices.js';
import { dashboardRoutes, defaultDashboardDir } from './routes/dashboard.js';
import { LocalScheduleNotifier, type ScheduleNotifier } from './notifier.js';
import { isStorageUnavailable, protect, sendUnavailable, type RateLimits } from './protection.js';
import { ScheduleCache } from './schedule-cache.js';
import type { StreamLimits } from './routes/schedule-events.js';

export interface ServerOptions {
  storage: Storage;
  now?: () => number;
  /** A pino logger, `true` for Fastify's default, or absent/false for none. */
  logger?: FastifyBaseLogger | boolean;
  /** Tells SSE streams of new schedule versions; in-process by default (one node). */
  notifier?: ScheduleNotifier;
  /** Rate limits per address and per credential (server/rate-limit.ts has the defaults). */
  rateLimits?: RateLimits;
  /** The built IT dashboard (Vite output); <repo>/dist/dashboard by default. */
  dashboardDir?: string;
  /** Caps on open SSE streams per node and per device (server/routes/schedule-events.ts has the defaults). */
  streamLimits?: StreamLimits;
  /**
   * Fastify's trustProxy: which proxies' X-Forwarded-For decides `request.ip` (rate limits, logs). Off by
   * default, since any client could otherwise pick its own address. Addresses, CIDRs, or true for any.
   */
  trustProxy?: boolean | string | string[];
}

export interface RouteContext {
  storage: Storage;
  now: () => number;
  /** Set by buildServer; publish emits through it, the SSE route listens. */
  notifier?: ScheduleNotifier;
  streamLimits?: StreamLimits;
  /** Set by buildServer: the schedule route reads through it, publish offers what it stored. */
  scheduleCache?: ScheduleCache;
}

export function buildServer(options: ServerOptions): FastifyInstance {
  const logger = options.logger ?? false;
  const app = Fastify({
    ...(typeof logger === 'boolean' ? { logger } : { loggerInstance: logger }),
    bodyLimit: 1024 * 1024,
    // Wrong types are errors, never coerced; unknown properties are kept (events carry their own fields).
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    return503OnClosing: true,
    trustProxy: options.trustProxy ?? false,
  }) as unknown as FastifyInstance;
  const ctx: RouteContext = { storage: options.storage, now: options.now ?? Date.now, ...(options.streamLimits ? { streamLimits: options.streamLimits } : {}) };
  ctx.notifier = options.notifier ?? new LocalScheduleNotifier();
  const scheduleCache = new ScheduleCache({ load: (fleet) => options.storage.currentSchedule(fleet), notifier: ctx.notifier });
  ctx.scheduleCache = scheduleCache;
  app.addHook('onClose', async () => scheduleCache.close());
  protect(app, options.rateLimits);

  app.setErrorHandler((error: { statusCode?: number; code?: string; message: string; validation?: unknown }, request, reply) => {
    if (error.statusCode === undefined && isStorageUnavailable(error)) return sendUnavailable(request, reply, error);
    const status = typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err: error }, 'request failed');
      return sendError(reply, status, 'internal', 'the server failed to handle the request');
    }
    const kind = error.validation ? 'invalid-request' : error.code === 'FST_ERR_CTP_BODY_TOO_LARGE' ? 'too-large'
      : error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' ? 'unsupported-media-type' : 'bad-request';
    return sendError(reply, status, kind, error.message);
  });
  app.setNotFoundHandler((request, reply) => sendError(reply, 404, 'not-found', `no route ${request.method} ${request.url.split('?')[0]}`));

  app.register(async (scope) => {
    scheduleRoutes(scope, ctx);
    rootRoutes(scope, ctx);
    enrollRoutes(scope, ctx);
    eventRoutes(scope, ctx);
  });
  // Publishing takes the raw envelope bytes, so it gets its own content-type parser in its own scope.
  app.register(async (scope) => publishRoutes(scope, ctx));
  // IT reads (compliance, CSV, timeline, feedback) behind the admin token, in their own scope.
  app.register(async (scope) => complianceRoutes(scope, ctx));
  app.register(async (scope) => scheduleEventRoutes(scope, ctx));
  app.register(async (scope) => adminRoutes(scope, ctx));
  app.register(async (scope) => deviceRoutes(scope, ctx));
  // The dashboard's static files: public, no token (the data calls it makes need one), its own CSP.
  app.register(async (scope) => dashboardRoutes(scope, options.dashboardDir ?? defaultDashboardDir()));
  return app;
}
