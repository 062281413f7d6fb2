/**
 * A Server-Sent Events parser following the HTML Standard's "event stream interpretation"
 * (html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation): lines end in CRLF, LF
 * or CR; `:` starts a comment; `field: value` drops one leading space; `data` lines join with LF; a blank line
 * dispatches (nothing when the data buffer is empty); `retry` takes ASCII digits only; `id` without NUL sets the
 * last event id. Pure: text in, events out. A line longer than maxLineChars is an error (bounded memory).
 */
export interface SseEvent {
  /** The `event:` field, "message" when absent. */
  type: string;
  data: string;
  lastEventId: string;
}

export const MAX_SSE_LINE_CHARS = 64 * 1024;

export class SseParser {
  private buffer = '';
  private data = '';
  private eventType = '';
  private lastEventId = '';
  /** A CR ended the previous chunk: a LF at the start of the next one belongs to it. */
  private pendingCr = false;
  /** The last valid `retry:` value, in ms. */
  retryMs: number | undefined;

  constructor(private readonly maxLineChars = MAX_SSE_LINE_CHARS) {}

  /** Feeds decoded text; returns the events it completed. Throws when a line passes the limit. */
  push(text: string): SseEvent[] {
    const events: SseEvent[] = [];
    let chunk = text;
    if (this.pendingCr && chunk.startsWith('\n')) chunk = chunk.slice(1);
    this.pendingCr = false;
    this.buffer += chunk;
    let start = 0;
    for (;;) {
      const cr = this.buffer.indexOf('\r', start);
      const lf = this.buffer.indexOf('\n', start);
      if (cr === -1 && lf === -1) break;
      const end = cr === -1 ? lf : lf === -1 ? cr : Math.min(cr, lf);
      const line = this.buffer.slice(start, end);
      if (this.buffer[end] === '\r') {
        if (end + 1 === this.buffer.length) this.pendingCr = true;
        start = this.buffer[end + 1] === '\n' ? end + 2 : end + 1;
      } else {
        start = end + 1;
      }
      const event = this.line(line);
      if (event !== null) events.push(event);
    }
    this.buffer = this.buffer.slice(start);
    if (this.buffer.length > this.maxLineChars || this.data.length > this.maxLineChars) {
      throw new Error(`an event stream line or event passed ${this.maxLineChars} characters`);
    }
    return events;
  }

  private line(line: string): SseEvent | null {
    if (line === '') return this.dispatch();
    if (line.startsWith(':')) return null;
    const colon = line.indexOf(':');
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? '' : line.slice(colon + 1);
    if (value.startsWith(' ')) value = value.slice(1);
    switch (field) {
      case 'event':
        this.eventType = value;
        break;
      case 'data':
        this.data += `${value}\n`;
        break;
      case 'id':
        if (!value.includes('\0')) this.lastEventId = value;
        break;
      case 'retry':
        // Finite even for a thousand digits; the stream caps it to its backoff (sse.ts).
        if (/^\d+$/.test(value)) this.retryMs = Math.min(Number(value), Number.MAX_SAFE_INTEGER);
        break;
      default:
        break; // unknown fields are ignored
    }
    return null;
  }

  private dispatch(): SseEvent | null {
    if (this.data === '') {
      this.eventType = '';
      return null;
    }
    const event: SseEvent = { type: this.eventType === '' ? 'message' : this.eventType, data: this.data.slice(0, -1), lastEventId: this.lastEventId };
    this.data = '';
    this.eventType = '';
    return event;
  }
}
