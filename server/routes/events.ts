// POST events: a device sends a batch (<= 500 events, <= 1 MiB). The device is the credential's, never the
// body's. Each event gets its own result; an invalid event is not written, the valid ones are.
import type { FastifyInstance } from 'fastify';
import type { RouteContext } from '../app.js';
import { authenticateDevice, fleetParams } from '../http.js';
import type { NewEvent } from '../storage/index.js';
import { validateEvent } from '../../core/events/index.js';

export const MAX_EVENTS = 500;

export type EventResult = { index: number; id: string | null; result: 'accepted' | 'duplicate' | 'invalid'; reason?: string };

export function eventRoutes(app: FastifyInstance, { storage }: RouteContext): void {
  app.post<{ Params: { fleet: string }; Body: { events: unknown[] } }>('/v1/fleets/:fleet/events', {
    bodyLimit: 1024 * 1024,
    // Authenticate before the body is even parsed.
    onRequest: authenticateDevice(storage),
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
  const fail = (reason: string) => ({ ok: false as const, id: typeof e['id'] === 'string' ? e['id'] : null, reason });
  if ('device' in e && e['device'] !== deviceId) return fail(`device: this credential is for device ${deviceId}; a device can send only its own events`);
  // The typed event model of core/events: an unknown type or a wrong field is invalid, with the field's path.
  const checked = validateEvent(e);
  if (!checked.ok) return fail(checked.reason);
  const event = checked.event;
  return {
    ok: true,
    event: { id: event.id, type: event.type, at: event.at, maintenance: event.maintenance ?? null, body: JSON.stringify({ ...event, device: deviceId }) },
  };
}
