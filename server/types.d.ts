// What the server's hooks attach to a request.
import type { Device } from './storage/index.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The device authenticated by its credential (events route). */
    device?: Device;
    /** The admin token's label (IT routes). */
    actor?: string;
  }
}
