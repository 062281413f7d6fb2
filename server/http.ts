// Shared HTTP pieces: the JSON error shape, bearer tokens, id patterns.
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { Storage } from './storage/index.js';

export const FLEET_ID = '^[a-z0-9][a-z0-9._-]{0,63}$';
export const DEVICE_ID = '^[a-z0-9][a-z0-9._-]{0,127}$';

export const fleetParams = {
  type: 'object',
  required: ['fleet'],
  properties: { fleet: { type: 'string', pattern: FLEET_ID } },
} as const;

/** Every 4xx/5xx body: `{ error, message }`, plus `reason`/`detail` for trust refusals. */
export function sendError(reply: FastifyReply, status: number, error: string, message: string, extra: Record<string, unknown> = {}): FastifyReply {
  return reply.code(status).type('application/json; charset=utf-8').send({ error, message, ...extra });
}

export function bearer(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return null;
  const m = /^Bearer ([A-Za-z0-9._~+/=-]{1,512})$/.exec(header);
  return m ? m[1]! : null;
}

/**
 * The onRequest hook of every device route: the device is the one its Bearer credential names, and only in the
 * fleet of the URL. Runs before the body is parsed, so an unauthenticated request costs no parsing.
 */
export function authenticateDevice(storage: Storage): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const credential = bearer(request);
    if (credential === null) return sendError(reply, 401, 'unauthorized', 'missing Authorization: Bearer <device credential>');
    const device = await storage.deviceByCredential(credential);
    if (!device || device.fleet !== (request.params as { fleet?: string }).fleet) {
      return sendError(reply, 401, 'unauthorized', 'the device credential is not valid for this fleet');
    }
    request.device = device;
    return undefined;
  };
}

/** The onRequest hook of every IT route: an admin token (stored hashed), whose label becomes the audit actor. */
export function authenticateAdmin(storage: Storage): onRequestAsyncHookHandler {
  return async (request, reply) => {
    const token = bearer(request);
    const actor = token === null ? null : await storage.adminActor(token);
    if (actor === null) return sendError(reply, 401, 'unauthorized', 'an admin token is required: Authorization: Bearer <admin token>');
    request.actor = actor;
    return undefined;
  };
}
