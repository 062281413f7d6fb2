// The AgentApi contract: every request's arguments are checked at runtime, with the field named.
import { describe, expect, it } from 'vitest';
import { parseRequest, REQUEST_ARGS, REQUEST_CHANNELS } from '../../../core/agent-api.js';

describe('AgentApi request schemas', () => {
  it('accepts what the views send', () => {
    expect(parseRequest('defer', ['2026-12-patch', { kind: 'defer', seconds: 3600 }])).toEqual({ ok: true, args: ['2026-12-patch', { kind: 'defer', seconds: 3600 }] });
    expect(parseRequest('defer', ['m', { kind: 'pick-time', at: 1_800_000_000_000 }]).ok).toBe(true);
    expect(parseRequest('reportProblem', [{ text: '  my screen froze  ', contact: 'me@acme.example' }])).toEqual({ ok: true, args: [{ text: 'my screen froze', contact: 'me@acme.example' }] });
    expect(parseRequest('getSnapshot', []).ok).toBe(true);
    expect(parseRequest('openView', [{ view: 'how-we-patch' }]).ok).toBe(true);
  });

  it.each([
    ['defer', ['m', { kind: 'defer', seconds: 0 }], /defer: 1\.seconds: /],
    ['defer', ['m', { kind: 'later' }], /defer: 1\.kind: must be \{kind: "defer", seconds\}/],
    ['defer', ['m', { kind: 'defer', seconds: 60, extra: true }], /defer: 1: /],
    ['acknowledge', ['../etc'], /acknowledge: 0: must be a maintenance id/],
    ['acknowledge', [], /acknowledge: /],
    ['reportProblem', [{ text: '   ' }], /reportProblem: 0\.text: must not be empty/],
    ['openHelpLink', ['javascript:alert(1)'], /openHelpLink: 0: must be an http\(s\) URL/],
    ['openHelpLink', ['file:///etc/passwd'], /must be an http\(s\) URL/],
    ['openView', [{ view: 'settings' }], /openView: 0\.view: /],
  ] as const)('refuses %s %j', (channel, args, message) => {
    const r = parseRequest(channel, args);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.code).toBe('invalid-argument');
      expect(r.error.message).toMatch(message);
    }
  });

  it('refuses a channel that is not in the contract', () => {
    const r = parseRequest('restartComputerNow' as never, []);
    expect(r).toMatchObject({ ok: false, error: { code: 'invalid-argument', message: 'unknown channel "restartComputerNow"' } });
  });

  it('lists every channel once, each with a schema', () => {
    expect(REQUEST_CHANNELS.sort()).toEqual(Object.keys(REQUEST_ARGS).sort());
    expect(REQUEST_CHANNELS).toContain('restartNow');
  });
});
