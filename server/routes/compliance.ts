// IT API: compliance (JSON and CSV), a device's timeline, feedback. Admin token, as publishing.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { authenticateAdmin, DEVICE_ID, FLEET_ID, fleetParams, sendError } from '../http.js';
import { LIMITS } from '../../core/schedule/index.js';
import { feedback, loadCompliance, STATES, timeline, toCsv, type ComplianceFilter } from '../compliance/index.js';

const INSTANT = '^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})$';

const complianceQuery = {
  type: 'object',
  additionalProperties: false,
  properties: {
    maintenance: { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' },
    state: { type: 'string', enum: [...STATES, 'past-deadline', 'offline'] },
    minDeferrals: { type: 'string', pattern: '^\\d{1,4}$' },
    lastSeenBefore: { type: 'string', pattern: INSTANT },
    deadlineAfter: { type: 'string', pattern: INSTANT },
    deadlineBefore: { type: 'string', pattern: INSTANT },
    // The same names as a schedule's audience (and as devices report them).
    group: { type: 'string', minLength: 1, maxLength: LIMITS.audienceNameLength, pattern: '\\S' },
    tag: { type: 'string', minLength: 1, maxLength: LIMITS.audienceNameLength, pattern: '\\S' },
  },
} as const;

type Query = Partial<Record<'maintenance' | 'state' | 'minDeferrals' | 'lastSeenBefore' | 'deadlineAfter' | 'deadlineBefore' | 'group' | 'tag', string>>;

function toFilter(q: Query): ComplianceFilter | string {
  const f: ComplianceFilter = {};
  if (q.maintenance !== undefined) f.maintenance = q.maintenance;
  if (q.state !== undefined) f.state = q.state;
  if (q.minDeferrals !== undefined) f.minDeferrals = Number(q.minDeferrals);
  if (q.group !== undefined) f.group = q.group;
  if (q.tag !== undefined) f.tag = q.tag;
  for (const k of ['lastSeenBefore', 'deadlineAfter', 'deadlineBefore'] as const) {
    if (q[k] === undefined) continue;
    const ms = Date.parse(q[k]);
    if (!Number.isFinite(ms)) return `querystring/${k} must be a valid RFC 3339 date-time`;
    f[k] = ms;
  }
  return f;
}

export function complianceRoutes(app: FastifyInstance, { storage, now }: RouteContext): void {
  app.addHook('onRequest', authenticateAdmin(storage));

  app.get<{ Params: { fleet: string }; Querystring: Query }>('/v1/fleets/:fleet/compliance', {
    schema: { params: fleetParams, querystring: complianceQuery },
  }, async (request, reply) => {
    const filter = toFilter(request.query);
    if (typeof filter === 'string') return sendError(reply, 400, 'invalid-request', filter);
    const report = await loadCompliance(storage, request.params.fleet, now(), filter);
    return { fleet: request.params.fleet, at: new Date(now()).toISOString(), ...report,
      funnels: filter.maintenance === undefined ? report.funnels : report.funnels.filter((f) => f.maintenance === filter.maintenance) };
  });

  app.get<{ Params: { fleet: string }; Querystring: Query }>('/v1/fleets/:fleet/compliance.csv', {
    schema: { params: fleetParams, querystring: complianceQuery },
  }, async (request, reply) => {
    const filter = toFilter(request.query);
    if (typeof filter === 'string') return sendError(reply, 400, 'invalid-request', filter);
    const { fleet } = request.params;
    const report = await loadCompliance(storage, fleet, now(), filter);
    await storage.audit({ actor: request.actor!, action: 'compliance.export', detail: JSON.stringify({ fleet, filter: request.query, rows: report.devices.length }) });
    return reply.type('text/csv; charset=utf-8; header=present')
      .header('content-disposition', `attachment; filename="${fleet}-compliance.csv"`)
      .send(toCsv(report.devices));
  });

  app.get<{ Params: { fleet: string; device: string } }>('/v1/fleets/:fleet/devices/:device/timeline', {
    schema: {
      params: { type: 'object', required: ['fleet', 'device'], properties: { fleet: { type: 'string', pattern: FLEET_ID }, device: { type: 'string', pattern: DEVICE_ID } } },
    },
  }, async (request, reply) => {
    const { fleet, device } = request.params;
    const known = await storage.device(fleet, device);
    const events = await timeline(storage, fleet, device);
    if (!known && events.length === 0) return sendError(reply, 404, 'no-device', `fleet ${fleet} has no device ${device}`);
    return { fleet, device, lastSeen: known?.lastSeen ?? null, events };
  });

  app.get<{ Params: { fleet: string } }>('/v1/fleets/:fleet/feedback', { schema: { params: fleetParams } }, async (request) => {
    return { fleet: request.params.fleet, feedback: await feedback(storage, request.params.fleet) };
  });
}
