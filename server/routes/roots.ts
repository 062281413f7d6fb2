// GET a fleet's root document by version, so agents can follow a rotation chain.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { FLEET_ID, sendError } from '../http.js';

export function rootRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.get<{ Params: { fleet: string; version: string } }>('/v1/fleets/:fleet/roots/:version', {
    schema: {
      params: {
        type: 'object',
        required: ['fleet', 'version'],
        properties: { fleet: { type: 'string', pattern: FLEET_ID }, version: { type: 'string', pattern: '^[1-9][0-9]{0,8}$' } },
      },
    },
  }, async (request, reply) => {
    const version = Number(request.params.version);
    const bytes = await storage.root(request.params.fleet, version);
    if (!bytes) return sendError(reply, 404, 'no-root', `fleet ${request.params.fleet} has no root version ${version}`);
    // A root version never changes content: cacheable for good.
    return reply.header('Cache-Control', 'public, max-age=31536000, immutable').type('application/json').send(bytes);
  });
}
