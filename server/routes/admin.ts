// IT API for enrollment: POST /v1/fleets/:fleet/enrollment-tokens (admin token) -> 201 { fleet, token },
// the token shown once and stored hashed; the creation is audited.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { authenticateAdmin, fleetParams } from '../http.js';

export function adminRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.addHook('onRequest', authenticateAdmin(storage));

  app.post<{ Params: { fleet: string } }>('/v1/fleets/:fleet/enrollment-tokens', { bodyLimit: 1024, schema: { params: fleetParams } }, async (request, reply) => {
    const { fleet } = request.params;
    const token = await storage.createEnrollmentToken(fleet);
    await storage.audit({ actor: request.actor!, action: 'enrollment-token.create', detail: JSON.stringify({ fleet }) });
    request.log.info({ fleet, actor: request.actor }, 'enrollment token created');
    return reply.code(201).header('Cache-Control', 'no-store').send({ fleet, token });
  });
}
