import { describe, expect, it } from 'vitest';
import { hashToken, newToken } from '../../../server/tokens.js';

describe('server tokens', () => {
  it('are 32 random bytes in base64url with a prefix, and only their sha256 is kept', () => {
    const a = newToken('fwd');
    expect(a).toMatch(/^fwd_[A-Za-z0-9_-]{43}$/);
    expect(newToken('fwd')).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).toBe(hashToken(a));
  });
});
