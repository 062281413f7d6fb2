import { describe, expect, it } from 'vitest';
import { SseParser } from '../../../../main/engine/fetch/sse-parser.js';

describe('SseParser (HTML Standard event stream interpretation)', () => {
  it('parses the server\'s own stream: retry, a schedule event, keep-alive comments', () => {
    const p = new SseParser();
    const events = p.push('retry: 10000\n\nevent: schedule\ndata: {"version":3,"etag":"\\"ab\\""}\n\n: keep-alive\n\n');
    expect(p.retryMs).toBe(10_000);
    expect(events).toEqual([{ type: 'schedule', data: '{"version":3,"etag":"\\"ab\\""}', lastEventId: '' }]);
  });

  it('handles CRLF, CR and LF, split anywhere, including a CRLF split across chunks', () => {
    const text = 'event: schedule\r\ndata: a\rdata: b\ndata:c\r\n\r\nid: 7\ndata: second\n\n';
    for (let cut = 1; cut < text.length; cut++) {
      const p = new SseParser();
      const events = [...p.push(text.slice(0, cut)), ...p.push(text.slice(cut))];
      expect(events, `cut at ${cut}`).toEqual([
        { type: 'schedule', data: 'a\nb\nc', lastEventId: '' },
        { type: 'message', data: 'second', lastEventId: '7' },
      ]);
    }
  });

  it('drops one leading space only, ignores unknown fields and bad retry values, and dispatches nothing without data', () => {
    const p = new SseParser();
    expect(p.push('data:  two spaces\nfoo: bar\nretry: 5s\n\nevent: x\n\n')).toEqual([{ type: 'message', data: ' two spaces', lastEventId: '' }]);
    expect(p.retryMs).toBeUndefined();
    // The event type of a data-less block does not leak into the next event.
    expect(p.push('data: y\n\n')).toEqual([{ type: 'message', data: 'y', lastEventId: '' }]);
  });

  it('refuses an endless line instead of buffering it', () => {
    const p = new SseParser(1000);
    expect(() => p.push(`data: ${'x'.repeat(2000)}`)).toThrow(/passed 1000 characters/);
  });
});
