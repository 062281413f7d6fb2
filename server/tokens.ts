// Secrets the server hands out (device credentials, enrollment and admin tokens): 32 random bytes,
// base64url, returned once; only their SHA-256 is stored.
import { createHash, randomBytes } from 'node:crypto';

export function newToken(prefix: string): string {
  return `${prefix}_${randomBytes(32).toString('base64url')}`;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
