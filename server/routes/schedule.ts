// GET the current signed schedule of a fleet: the exact envelope bytes, strong ETag = payload sha256. Read
// through the in-memory schedule cache (server/schedule-cache.ts), so an unchanged poll (304) costs no query.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { fleetParams, sendError } from '../http.js';
import { ScheduleCache } from '../schedule-cache.js';

export function scheduleRoutes(app: FastifyInstance, { storage, notifier, scheduleCache }: RouteContext): void {
  // buildServer always passes one; a bare route context (a test composing routes itself) gets its own.
  const cache = scheduleCache ?? new ScheduleCache({ load: (fleet) => storage.currentSchedule(fleet), ...(notifier ? { notifier } : {}) });
  if (!scheduleCache) app.addHook('onClose', async () => cache.close());
  app.get<{ Params: { fleet: string } }>('/v1/fleets/:fleet/schedule', { schema: { params: fleetParams } }, async (request, reply) => {
    const current = await cache.get(request.params.fleet);
    if (!current) return sendError(reply, 404, 'no-schedule', `fleet ${request.params.fleet} has no published schedule`);
    reply.header('ETag', current.etag).header('Cache-Control', 'no-cache');
    if (matches(request.headers['if-none-match'], current.etag)) return reply.code(304).send();
    return reply.type('application/json').send(current.envelope);
  });
}

/** If-None-Match: `*` or a list of entity tags; weak tags compare weakly (RFC 9110 13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header === etag) return true; // the usual poll: exactly the tag it got last time
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
