// The notifier's pure parts: the NOTIFY payload check (anyone who can reach the database can NOTIFY) and the
// local fan-out that the PostgreSQL notifier is built on.
import { describe, expect, it } from 'vitest';
import { LocalScheduleNotifier } from '../../../server/notifier.js';
import { parseNotification } from '../../../server/notifier-postgres.js';

const ETAG = `"${'a'.repeat(64)}"`;

describe('parseNotification', () => {
  it('accepts {fleet, version, etag} as the publish route sends it', () => {
    expect(parseNotification(JSON.stringify({ fleet: 'acme-laptops', version: 3, etag: ETAG })))
      .toEqual({ ok: true, fleet: 'acme-laptops', update: { version: 3, etag: ETAG } });
  });

  it.each([
    [undefined, /empty/],
    ['', /empty/],
    ['{"fleet":', /not JSON/],
    ['[1,2]', /not a JSON object/],
    ['null', /not a JSON object/],
    [JSON.stringify({ fleet: 'ACME', version: 1, etag: ETAG }), /^fleet:/],
    [JSON.stringify({ version: 1, etag: ETAG }), /^fleet:/],
    [JSON.stringify({ fleet: 'acme', version: 0, etag: ETAG }), /^version:/],
    [JSON.stringify({ fleet: 'acme', version: 1.5, etag: ETAG }), /^version:/],
    [JSON.stringify({ fleet: 'acme', version: '2', etag: ETAG }), /^version:/],
    [JSON.stringify({ fleet: 'acme', version: 2, etag: 'a'.repeat(64) }), /^etag:/],
    [JSON.stringify({ fleet: 'acme', version: 2, etag: null }), /^etag:/],
  ])('refuses %j, naming what is wrong', (payload, reason) => {
    const parsed = parseNotification(payload);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toMatch(reason);
  });
});

describe('LocalScheduleNotifier', () => {
  it('delivers to the fleet\'s listeners only, lists fleets with listeners, forgets unsubscribed ones', () => {
    const n = new LocalScheduleNotifier();
    const heard: string[] = [];
    const offA = n.subscribe('a', (u) => heard.push(`a1:${u.version}`));
    n.subscribe('a', (u) => heard.push(`a2:${u.version}`));
    const offB = n.subscribe('b', (u) => heard.push(`b:${u.version}`));
    expect(n.fleets().sort()).toEqual(['a', 'b']);
    expect(n.size()).toBe(3);
    n.publish('a', { version: 2, etag: ETAG });
    expect(heard).toEqual(['a1:2', 'a2:2']);
    offB();
    offA();
    expect(n.fleets()).toEqual(['a']);
    expect(n.size()).toBe(1);
  });

  it('a throwing listener does not keep the others from hearing', () => {
    const n = new LocalScheduleNotifier();
    const heard: number[] = [];
    n.subscribe('a', () => { throw new Error('broken stream'); });
    n.subscribe('a', (u) => heard.push(u.version));
    n.publish('a', { version: 7, etag: ETAG });
    expect(heard).toEqual([7]);
  });
});
