// GET the current signed schedule of a fleet: the exact envelope bytes, strong ETag = payload sha256.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { fleetParams, sendError } from '../http.js';

export function scheduleRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.get<{ Params: { fleet: string } }>('/v1/fleets/:fleet/schedule', { schema: { params: fleetParams } }, async (request, reply) => {
    const current = await storage.currentSchedule(request.params.fleet);
    if (!current) return sendError(reply, 404, 'no-schedule', `fleet ${request.params.fleet} has no published schedule`);
    const etag = `"${current.payloadSha256}"`;
    reply.header('ETag', etag).header('Cache-Control', 'no-cache');
    if (matches(request.headers['if-none-match'], etag)) return reply.code(304).send();
    return reply.type('application/json').send(current.envelope);
  });
}

/** If-None-Match: `*` or a list of entity tags; weak tags compare weakly (RFC 9110 13.1.2). */
function matches(header: string | undefined, etag: string): boolean {
  if (header === undefined) return false;
  if (header.trim() === '*') return true;
  return header.split(',').some((tag) => tag.trim().replace(/^W\//, '') === etag);
}
