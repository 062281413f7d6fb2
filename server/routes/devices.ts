// Devices: the agent's check-in (its groups, tags, zone and versions; proof it is alive), and IT's device list
// and reset of a re-imaged device (admin token). Check-in authenticates the device credential; the IT routes
// live in their own scope behind the admin token.
import type { FastifyInstance, FastifySchemaValidationError } from 'fastify';
import type { RouteContext } from '../app.js';
import { authenticateAdmin, authenticateDevice, DEVICE_ID, FLEET_ID, fleetParams, sendError } from '../http.js';
import type { CheckIn, Device } from '../storage/index.js';
import { LIMITS } from '../../core/schedule/index.js';
import { isValidZone } from '../../core/time/zoned.js';

/** Group and tag names: the same limits as a schedule's audience names, so every name a device reports can be targeted. */
export const audienceNames = {
  type: 'array',
  maxItems: LIMITS.audienceEntries,
  items: { type: 'string', minLength: 1, maxLength: LIMITS.audienceNameLength, pattern: '\\S' },
} as const;

/** 100 names of 64 ASCII characters in each list fit; a larger body is no honest check-in. */
export const CHECK_IN_BODY_LIMIT = 32 * 1024;

const checkInBody = {
  type: 'object',
  required: ['groups', 'tags'],
  additionalProperties: false,
  properties: {
    groups: audienceNames,
    tags: audienceNames,
    zone: { type: 'string', minLength: 1, maxLength: 64 },
    agentVersion: { type: 'string', pattern: '^[\\x21-\\x7e]{1,64}$' },
    // The column is a 32-bit integer on PostgreSQL (as schedules.version): larger would be a 500 there.
    scheduleVersion: { type: 'integer', minimum: 0, maximum: 2_147_483_647 },
  },
} as const;

/**
 * Validation messages that name the field, also for an unknown one (Ajv's own message for
 * additionalProperties does not say which): `body/colour is not a known field`.
 */
export function namingErrors(errors: FastifySchemaValidationError[], where: string): Error {
  const e = errors[0];
  if (!e) return new Error(`${where} is invalid`);
  const path = `${where}${e.instancePath}`;
  const extra = (e.params as { additionalProperty?: unknown }).additionalProperty;
  if (e.keyword === 'additionalProperties' && typeof extra === 'string') return new Error(`${path}/${extra} is not a known field`);
  return new Error(`${path} ${e.message ?? 'is invalid'}`);
}

/** A device as IT sees it. Lists are [] when never reported; `reported` tells the two apart. */
function view(d: Device) {
  return {
    id: d.id, groups: d.groups ?? [], tags: d.tags ?? [], reported: d.groups !== null || d.tags !== null, zone: d.zone,
    agentVersion: d.agentVersion, scheduleVersion: d.scheduleVersion, enrolledAt: d.enrolledAt, lastSeen: d.lastSeen,
    checkedInAt: d.checkedInAt, resetAt: d.resetAt,
  };
}

export function deviceRoutes(app: FastifyInstance, ctx: RouteContext): void {
  app.register(async (scope) => checkInRoute(scope, ctx));
  app.register(async (scope) => deviceAdminRoutes(scope, ctx));
}

function checkInRoute(app: FastifyInstance, { storage }: RouteContext): void {
  app.post<{ Params: { fleet: string }; Body: CheckIn }>('/v1/fleets/:fleet/check-in', {
    bodyLimit: CHECK_IN_BODY_LIMIT,
    // Before the body is parsed: an unknown credential is a 401 (the agent then re-enrolls) at no parsing cost.
    onRequest: authenticateDevice(storage),
    schema: { params: fleetParams, body: checkInBody },
    schemaErrorFormatter: namingErrors,
  }, async (request, reply) => {
    const { zone } = request.body;
    if (zone !== undefined && !isValidZone(zone)) {
      return sendError(reply, 400, 'invalid-request', `body/zone must be an IANA time zone such as Europe/Paris, not ${JSON.stringify(zone)}`);
    }
    const device = await storage.checkIn(request.device!, request.body);
    return reply.header('Cache-Control', 'no-store').send({ device: device.id, lastSeen: device.lastSeen });
  });
}

function deviceAdminRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.addHook('onRequest', authenticateAdmin(storage));

  app.get<{ Params: { fleet: string } }>('/v1/fleets/:fleet/devices', { schema: { params: fleetParams } }, async (request) => {
    const devices = await storage.devices(request.params.fleet);
    return { fleet: request.params.fleet, devices: devices.map(view) };
  });

  app.post<{ Params: { fleet: string; device: string } }>('/v1/fleets/:fleet/devices/:device/reset', {
    bodyLimit: 1024,
    schema: {
      params: { type: 'object', required: ['fleet', 'device'], properties: { fleet: { type: 'string', pattern: FLEET_ID }, device: { type: 'string', pattern: DEVICE_ID } } },
    },
  }, async (request, reply) => {
    const { fleet, device } = request.params;
    if (!(await storage.resetDevice({ fleet, id: device, actor: request.actor! }))) {
      return sendError(reply, 404, 'no-device', `fleet ${fleet} has no device ${device}`);
    }
    request.log.info({ fleet, device, actor: request.actor }, 'device reset');
    const after = await storage.device(fleet, device);
    return reply.header('Cache-Control', 'no-store').send({ fleet, device, resetAt: after?.resetAt ?? null });
  });
}
