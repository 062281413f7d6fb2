// What every response gets: security headers, per-address and per-credential rate limits (429 with
// Retry-After), and 503 with Retry-After when the storage cannot be reached.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hashToken } from './tokens.js';
import { bearer, sendError } from './http.js';
import { ADDRESS_LIMIT, CREDENTIAL_LIMIT, TokenBuckets, type BucketLimit } from './rate-limit.js';

/** On every response, errors included. The API serves JSON and envelopes only: nothing may load or frame it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'",
  'Cross-Origin-Resource-Policy': 'same-origin',
};

/** Seconds a client is told to wait when the storage is unavailable. */
export const STORAGE_RETRY_AFTER_SECONDS = 5;

export interface RateLimits {
  address?: BucketLimit;
  credential?: BucketLimit;
  /** The limiter's clock in ms (monotonic by default). */
  clock?: () => number;
}

export function protect(app: FastifyInstance, limits: RateLimits = {}): void {
  const byAddress = new TokenBuckets(limits.address ?? ADDRESS_LIMIT, limits.clock);
  const byCredential = new TokenBuckets(limits.credential ?? CREDENTIAL_LIMIT, limits.clock);
  app.addHook('onRequest', async (request, reply) => {
    reply.headers(SECURITY_HEADERS);
    // request.ip: the TCP peer, or with buildServer({ trustProxy }) the client its trusted proxy names.
    const address = byAddress.take(request.ip);
    if (!address.ok) return tooMany(request, reply, address.retryAfterSeconds, 'this address');
    // Keyed by the credential's hash before it is looked up, so a flood costs no database query. A device
    // is its credential; an admin token counts the same way.
    const token = bearer(request);
    if (token !== null) {
      const credential = byCredential.take(hashToken(token));
      if (!credential.ok) return tooMany(request, reply, credential.retryAfterSeconds, 'this credential');
    }
    return undefined;
  });
}

function tooMany(request: FastifyRequest, reply: FastifyReply, seconds: number, who: string): FastifyReply {
  request.log.warn({ ip: request.ip, retryAfter: seconds }, 'rate limited');
  return sendError(reply.header('Retry-After', String(seconds)), 429, 'rate-limited', `too many requests from ${who}; retry in ${seconds} s`);
}

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND', 'EPIPE',
  // PostgreSQL: connection exceptions, too many connections, shutting down, cannot connect now.
  '08000', '08001', '08003', '08004', '08006', '53300', '57P01', '57P02', '57P03',
  'SQLITE_BUSY', 'SQLITE_LOCKED',
]);
const UNAVAILABLE_MESSAGES = /driver has already been destroyed|database connection is not open|Connection terminated|timeout exceeded when trying to connect|Cannot use a pool after calling end/i;

/** The storage cannot answer now (down, closing, overloaded); the request may succeed later. */
export function isStorageUnavailable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown } | null;
  if (e === null || typeof e !== 'object') return false;
  if (typeof e.code === 'string' && UNAVAILABLE_CODES.has(e.code)) return true;
  return typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message);
}

export function sendUnavailable(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  request.log.error({ err: error }, 'storage unavailable');
  return sendError(reply.header('Retry-After', String(STORAGE_RETRY_AFTER_SECONDS)), 503, 'unavailable',
    `the server's storage is unavailable; retry in ${STORAGE_RETRY_AFTER_SECONDS} s`);
}
