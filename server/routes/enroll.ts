// POST enroll: a fleet enrollment token and a device id -> a per-device credential, returned once.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { DEVICE_ID, fleetParams, sendError } from '../http.js';

export function enrollRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.post<{ Params: { fleet: string }; Body: { token: string; deviceId: string } }>('/v1/fleets/:fleet/enroll', {
    bodyLimit: 4096,
    schema: {
      params: fleetParams,
      body: {
        type: 'object',
        required: ['token', 'deviceId'],
        additionalProperties: false,
        properties: { token: { type: 'string', minLength: 1, maxLength: 512 }, deviceId: { type: 'string', pattern: DEVICE_ID } },
      },
    },
  }, async (request, reply) => {
    const result = await storage.enroll({ fleet: request.params.fleet, token: request.body.token, deviceId: request.body.deviceId });
    if (!result.ok) {
      return result.reason === 'bad-token'
        ? sendError(reply, 401, 'bad-token', 'the enrollment token is not valid for this fleet')
        : sendError(reply, 409, 'device-exists', `device ${request.body.deviceId} is already enrolled`);
    }
    return reply.code(201).header('Cache-Control', 'no-store').send({ credential: result.credential });
  });
}
