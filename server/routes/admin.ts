// IT API for enrollment: POST /v1/fleets/:fleet/enrollment-tokens (admin token) -> 201 { fleet, token },
// the token shown once and stored hashed; the creation is audited.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { bearer, fleetParams, sendError } from '../http.js';

export function adminRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.addHook('onRequest', async (request, reply) => {
    const token = bearer(request);
    const actor = token === null ? null : await storage.adminActor(token);
    if (actor === null) return sendError(reply, 401, 'unauthorized', 'an admin token is required: Authorization: Bearer <admin token>');
    request.actor = actor;
    return undefined;
  });

  app.post<{ Params: { fleet: string } }>('/v1/fleets/:fleet/enrollment-tokens', { bodyLimit: 1024, schema: { params: fleetParams } }, async (request, reply) => {
    const { fleet } = request.params;
    const token = await storage.createEnrollmentToken(fleet);
    await storage.audit({ actor: request.actor!, action: 'enrollment-token.create', detail: JSON.stringify({ fleet }) });
    request.log.info({ fleet, actor: request.actor }, 'enrollment token created');
    return reply.code(201).header('Cache-Control', 'no-store').send({ fleet, token });
  });
}
