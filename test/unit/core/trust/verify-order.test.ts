// Proves the order of work in verifySchedule with spies: no parsing before the size cap, no payload parsing
// before the signatures verify, and the verified payload parsed exactly once.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type * as StrictJson from '../../../../core/json/strict-json.js';
import type * as ScheduleModule from '../../../../core/schedule/index.js';

vi.mock('../../../../core/json/strict-json.js', async (importOriginal) => {
  const original = await importOriginal<typeof StrictJson>();
  return { ...original, parseStrictJson: vi.fn(original.parseStrictJson) };
});
vi.mock('../../../../core/schedule/index.js', async (importOriginal) => {
  const original = await importOriginal<typeof ScheduleModule>();
  return { ...original, validateSchedule: vi.fn(original.validateSchedule) };
});

const { parseStrictJson } = await import('../../../../core/json/strict-json.js');
const { validateSchedule } = await import('../../../../core/schedule/index.js');
const { verifySchedule } = await import('../../../../core/trust/index.js');
const { makeRoot, newKey, NOW, schedulePayload, signedSchedule, text } = await import('./helpers.js');

const parse = vi.mocked(parseStrictJson);
const validate = vi.mocked(validateSchedule);
const S1 = newKey();
const root = makeRoot({ rootKeys: [newKey()], scheduleKeys: [S1] });

beforeEach(() => {
  parse.mockClear();
  validate.mockClear();
});

describe('order of work', () => {
  it('too-large: nothing is parsed', () => {
    const result = verifySchedule(new Uint8Array(50 * 1024 * 1024), { root, now: NOW });
    expect(result.ok || result.reason).toBe('too-large');
    expect(parse).not.toHaveBeenCalled();
    expect(validate).not.toHaveBeenCalled();
  });

  it('a signature failure: only the envelope is parsed, never the payload', () => {
    const result = verifySchedule(signedSchedule([newKey()]), { root, now: NOW });
    expect(result.ok || result.reason).toBe('unknown-key');
    expect(parse).toHaveBeenCalledTimes(1);
    expect(parse.mock.calls[0]?.[0]).toMatch(/^\{\n {2}"payloadType"/);
    expect(validate).not.toHaveBeenCalled();
  });

  it('accepted: the envelope once, then the verified payload exactly once, validated once', () => {
    const payload = schedulePayload();
    const result = verifySchedule(signedSchedule([S1], payload), { root, now: NOW });
    expect(result.ok).toBe(true);
    expect(parse).toHaveBeenCalledTimes(2);
    expect(parse.mock.calls[1]?.[0]).toBe(text(payload));
    expect(validate).toHaveBeenCalledTimes(1);
  });
});
