// POST events: a device sends a batch (<= 500 events, <= 1 MiB). The device is the credential's, never the
// body's. Each event gets its own result; an invalid event is not written, the valid ones are.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { bearer, fleetParams, sendError } from '../http.js';
import type { NewEvent } from '../storage/index.js';

export const MAX_EVENTS = 500;
const UUID_V7 = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$/;
const EVENT_TYPE = /^[a-z][a-z0-9._-]{0,63}$/;
const MAINTENANCE_ID = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

export type EventResult = { index: number; id: string | null; result: 'accepted' | 'duplicate' | 'invalid'; reason?: string };

export function eventRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.post<{ Params: { fleet: string }; Body: { events: unknown[] } }>('/v1/fleets/:fleet/events', {
    bodyLimit: 1024 * 1024,
    // Authenticate before the body is even parsed.
    onRequest: async (request, reply) => {
      const credential = bearer(request);
      if (credential === null) return sendError(reply, 401, 'unauthorized', 'missing Authorization: Bearer <device credential>');
      const device = await storage.deviceByCredential(credential);
      if (!device || device.fleet !== (request.params as { fleet: string }).fleet) {
        return sendError(reply, 401, 'unauthorized', 'the device credential is not valid for this fleet');
      }
      request.device = device;
      return undefined;
    },
    schema: {
      params: fleetParams,
      body: {
        type: 'object',
        required: ['events'],
        additionalProperties: false,
        properties: { events: { type: 'array', minItems: 1, maxItems: MAX_EVENTS, items: { type: 'object' } } },
      },
    },
  }, async (request) => {
    const device = request.device!;
    const results: EventResult[] = [];
    const valid: NewEvent[] = [];
    const seen = new Set<string>();
    request.body.events.forEach((raw, index) => {
      const checked = checkEvent(raw as Record<string, unknown>, device.id);
      if (!checked.ok) {
        results.push({ index, id: checked.id, result: 'invalid', reason: checked.reason });
      } else if (seen.has(checked.event.id)) {
        results.push({ index, id: checked.event.id, result: 'duplicate' });
      } else {
        seen.add(checked.event.id);
        valid.push(checked.event);
        results.push({ index, id: checked.event.id, result: 'accepted' });
      }
    });
    const fresh = valid.length > 0 ? await storage.recordEvents(device, valid) : new Set<string>();
    for (const r of results) if (r.result === 'accepted' && r.id !== null && !fresh.has(r.id)) r.result = 'duplicate';
    const count = (k: EventResult['result']): number => results.filter((r) => r.result === k).length;
    return { device: device.id, accepted: count('accepted'), duplicate: count('duplicate'), invalid: count('invalid'), results };
  });
}

function checkEvent(e: Record<string, unknown>, deviceId: string): { ok: true; event: NewEvent } | { ok: false; id: string | null; reason: string } {
  const id = typeof e['id'] === 'string' ? e['id'].toLowerCase() : null;
  const fail = (reason: string) => ({ ok: false as const, id: typeof e['id'] === 'string' ? e['id'] : null, reason });
  if (id === null) return fail('id: must be a string (a UUIDv7)');
  if (!UUID_V7.test(id)) return fail('id: must be a UUIDv7');
  if ('device' in e && e['device'] !== deviceId) return fail(`device: this credential is for device ${deviceId}; a device can send only its own events`);
  if (typeof e['type'] !== 'string' || !EVENT_TYPE.test(e['type'])) return fail('type: must be a lowercase event type such as "notified"');
  if (typeof e['at'] !== 'string' || !RFC3339.test(e['at']) || !Number.isFinite(Date.parse(e['at']))) return fail('at: must be an RFC 3339 date-time with an offset');
  const maintenance = e['maintenance'];
  if (maintenance !== undefined && maintenance !== null && (typeof maintenance !== 'string' || !MAINTENANCE_ID.test(maintenance))) {
    return fail('maintenance: must be a maintenance id');
  }
  return {
    ok: true,
    event: { id, type: e['type'], at: e['at'], maintenance: typeof maintenance === 'string' ? maintenance : null, body: JSON.stringify({ ...e, id, device: deviceId }) },
  };
}
