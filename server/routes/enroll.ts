// POST enroll: a fleet enrollment token and a device id -> a per-device credential, returned once. Optional
// groups/tags are the agent's managed-config groups, stored as if reported at a check-in. An id an admin
// reset (a re-imaged device) may enroll once more; any other existing id is a 409.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { DEVICE_ID, fleetParams, sendError } from '../http.js';

/** A device credential as the server itself makes them (server/tokens.ts): 32 random bytes, base64url. */
const CREDENTIAL = '^fwd_[A-Za-z0-9_-]{43}$';
import { audienceNames, namingErrors } from './devices.js';

export function enrollRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.post<{ Params: { fleet: string }; Body: { token: string; deviceId: string; credential?: string; groups?: string[]; tags?: string[] } }>('/v1/fleets/:fleet/enroll', {
    // Room for the largest group and tag lists (see CHECK_IN_BODY_LIMIT) plus the token and id.
    bodyLimit: 36 * 1024,
    schema: {
      params: fleetParams,
      body: {
        type: 'object',
        required: ['token', 'deviceId'],
        additionalProperties: false,
        properties: {
          token: { type: 'string', minLength: 1, maxLength: 512 }, deviceId: { type: 'string', pattern: DEVICE_ID },
          // The agent's own proposal (kept before it asks), so a retry after a lost answer is idempotent.
          credential: { type: 'string', pattern: CREDENTIAL },
          groups: audienceNames, tags: audienceNames,
        },
      },
    },
    schemaErrorFormatter: namingErrors,
  }, async (request, reply) => {
    const { token, deviceId, credential, groups, tags } = request.body;
    const result = await storage.enroll({
      fleet: request.params.fleet, token, deviceId, ...(credential !== undefined ? { credential } : {}), ...(groups !== undefined ? { groups } : {}), ...(tags !== undefined ? { tags } : {}),
    });
    if (!result.ok) {
      return result.reason === 'bad-token'
        ? sendError(reply, 401, 'bad-token', 'the enrollment token is not valid for this fleet')
        : sendError(reply, 409, 'device-exists', `device ${deviceId} is already enrolled (an admin can reset it: POST /v1/fleets/:fleet/devices/:device/reset)`);
    }
    if (result.reenrolled) request.log.info({ fleet: request.params.fleet, device: deviceId }, 'reset device enrolled again');
    // 200: this very proposal enrolled the device before (a retry); 201: enrolled now.
    return reply.code(result.replayed ? 200 : 201).header('Cache-Control', 'no-store').send({ credential: result.credential });
  });
}
