// IT API: publish a fleet's root (first or rotation) and its signed schedule. The server verifies every
// envelope itself with core/trust, against what it stored, and writes nothing when it refuses.
import type { FastifyInstance, FastifyReply } from 'fastify';
import { formatRejection, loadTrustedRoot, MAX_ENVELOPE_BYTES, updateRoot, verifySchedule, type RootDocument } from '../../core/trust/index.js';
import type { RouteContext } from '../app.js';
import { authenticateAdmin, fleetParams, sendError } from '../http.js';

/** Version conflicts are 409; every other refusal says the document itself is not acceptable (422). */
const CONFLICT = new Set(['rollback', 'equivocation']);

function refuse(reply: FastifyReply, r: { reason: string; detail: string; issues?: unknown }): FastifyReply {
  const status = CONFLICT.has(r.reason) ? 409 : 422;
  return sendError(reply, status, 'rejected', formatRejection(r), { reason: r.reason, detail: r.detail, ...(r.issues ? { issues: r.issues } : {}) });
}

export function publishRoutes(app: FastifyInstance, { storage, now, notifier, scheduleCache }: RouteContext): void {
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: MAX_ENVELOPE_BYTES }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', authenticateAdmin(storage));

  app.put<{ Params: { fleet: string }; Body: Buffer }>('/v1/fleets/:fleet/root', { schema: { params: fleetParams } }, async (request, reply) => {
    const { fleet } = request.params;
    const bytes = request.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) return sendError(reply, 400, 'bad-request', 'the body must be a signed root envelope (application/json)');
    const at = now();
    const stored = await storage.currentRoot(fleet);
    let root: RootDocument;
    if (!stored) {
      const loaded = loadTrustedRoot(bytes, { now: at });
      if (!loaded.ok) return refuse(reply, loaded);
      root = loaded.root;
    } else {
      if (stored.envelope.equals(bytes)) return { fleet, version: stored.version, unchanged: true };
      const trusted = loadTrustedRoot(stored.envelope, { allowExpired: true });
      if (!trusted.ok) throw new Error(`the stored root of ${fleet} no longer loads: ${formatRejection(trusted)}`);
      const updated = updateRoot(trusted.root, [bytes], { now: at });
      if (!updated.ok) return refuse(reply, updated);
      root = updated.root;
    }
    if (root.fleet !== fleet) return refuse(reply, { reason: 'wrong-fleet', detail: `the root is for fleet ${JSON.stringify(root.fleet)}, not ${JSON.stringify(fleet)}` });
    if (!(await storage.putRoot({ fleet, version: root.version, envelope: bytes, actor: request.actor! }))) {
      return sendError(reply, 409, 'conflict', `root version ${root.version} of ${fleet} was published meanwhile`);
    }
    return reply.code(201).send({ fleet, version: root.version, unchanged: false });
  });

  app.put<{ Params: { fleet: string }; Body: Buffer }>('/v1/fleets/:fleet/schedule', { schema: { params: fleetParams } }, async (request, reply) => {
    const { fleet } = request.params;
    const bytes = request.body;
    if (!Buffer.isBuffer(bytes) || bytes.length === 0) return sendError(reply, 400, 'bad-request', 'the body must be a signed schedule envelope (application/json)');
    const storedRoot = await storage.currentRoot(fleet);
    if (!storedRoot) return sendError(reply, 409, 'no-root', `fleet ${fleet} has no root yet: PUT /v1/fleets/${fleet}/root first`);
    const trusted = loadTrustedRoot(storedRoot.envelope, { allowExpired: true });
    if (!trusted.ok) throw new Error(`the stored root of ${fleet} no longer loads: ${formatRejection(trusted)}`);
    // Twice at most: a concurrent publish of the same version makes the insert a no-op; verifying again
    // against the new current state then reports equivocation (or unchanged) correctly.
    for (let attempt = 0; attempt < 2; attempt++) {
      const current = await storage.currentSchedule(fleet);
      const state = current ? { version: current.version, payloadSha256: current.payloadSha256 } : null;
      const result = verifySchedule(bytes, { root: trusted.root, now: now(), state, fleet });
      if (!result.ok) return refuse(reply, result);
      if (result.unchanged) return { fleet, version: result.version, payloadSha256: result.payloadSha256, unchanged: true };
      if (await storage.publishSchedule({ fleet, version: result.version, payloadSha256: result.payloadSha256, envelope: bytes, actor: request.actor! })) {
        request.log.info({ fleet, version: result.version }, 'schedule published');
        // This node's pollers get it at once, whatever the notifier's delivery delay.
        const update = { version: result.version, etag: `"${result.payloadSha256}"` };
        scheduleCache?.offer(fleet, { ...update, envelope: bytes });
        // SSE streams on every node (the notifier) — once the reply has gone ('close' fires after it is sent, or
        // when the client went away): writing to 10,000 streams takes a good part of a second, and IT's publish
        // should not wait for it (docs/deployment.md).
        // A client gone during the commit has closed already: announce at once, never not at all.
        const announce = () => notifier?.publish(fleet, update);
        if (reply.raw.destroyed) setImmediate(announce);
        else reply.raw.once('close', announce);
        return reply.code(201).send({ fleet, version: result.version, payloadSha256: result.payloadSha256, unchanged: false });
      }
    }
    return sendError(reply, 409, 'conflict', `another schedule for ${fleet} was published at the same time; try again`);
  });
}
