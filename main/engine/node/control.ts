/**
 * The headless agent's control channel: AgentApi requests as JSON lines (`{"id": "1", "channel": "defer",
 * "args": ["2026-12-patch", {"kind": "defer", "seconds": 3600}]}`), each answered with one JSON line
 * (`{"id": "1", "ok": true, …}`) only after the engine has persisted the action — so an answer is a confirmation
 * (the kill -9 tests rely on it). Two extra channels: `settle` (answers once every queued task and upload has
 * finished) and `stop`. Arguments are checked with the contract's schemas (core/agent-api.ts), like IPC.
 */
import { createInterface } from 'node:readline';
import type { Readable } from 'node:stream';
import { REQUEST_CHANNELS, type RequestChannel } from '../../../core/agent-api.js';
import type { Engine } from '../engine.js';

export interface ControlOptions {
  engine: Engine;
  input: Readable;
  /** Writes one line (the newline is added). */
  write(line: string): void;
  /** Called on `stop` or when the input ends. */
  onEnd(): void;
}

/** Reads requests until the input ends; one request at a time, answered in order. */
export function serveControl(options: ControlOptions): void {
  const { engine, write } = options;
  const lines = createInterface({ input: options.input, crlfDelay: Infinity });
  let chain = Promise.resolve();
  lines.on('line', (line) => {
    // One failed request is answered as failed; it never stops the stream or rejects unhandled.
    chain = chain.then(() => answer(line)).catch((error: unknown) => {
      try {
        write(JSON.stringify({ id: idOf(line), ok: false, error: { code: 'not-running', message: 'the request failed', detail: String((error as Error)?.message ?? error).slice(0, 500) } }));
      } catch {
        // The output is gone (a closed pipe): nothing left to answer to.
      }
    });
  });
  lines.on('close', () => void chain.then(options.onEnd));

  function idOf(line: string): string | number | null {
    try {
      const id = (JSON.parse(line) as { id?: unknown } | null)?.id;
      return typeof id === 'string' || typeof id === 'number' ? id : null;
    } catch {
      return null;
    }
  }

  async function answer(line: string): Promise<void> {
    if (line.trim() === '') return;
    let request: { id?: unknown; channel?: unknown; args?: unknown };
    try {
      request = JSON.parse(line) as typeof request;
    } catch {
      write(JSON.stringify({ id: null, ok: false, error: { code: 'invalid-argument', message: 'not a JSON line' } }));
      return;
    }
    const id = typeof request.id === 'string' || typeof request.id === 'number' ? request.id : null;
    if (request.channel === 'settle') {
      await engine.settled();
      write(JSON.stringify({ id, ok: true }));
      return;
    }
    if (request.channel === 'stop') {
      write(JSON.stringify({ id, ok: true }));
      lines.close();
      return;
    }
    if (typeof request.channel !== 'string' || !(REQUEST_CHANNELS as string[]).includes(request.channel)) {
      write(JSON.stringify({ id, ok: false, error: { code: 'invalid-argument', message: `unknown channel ${JSON.stringify(request.channel)}; one of ${REQUEST_CHANNELS.join(', ')}, settle, stop` } }));
      return;
    }
    const result = await engine.handle(request.channel as RequestChannel, request.args ?? []);
    if ('ok' in result) {
      write(JSON.stringify(result.ok ? { id, ok: true, status: result.snapshot.tray.status } : { id, ok: false, error: result.error }));
    } else {
      write(JSON.stringify({ id, ok: true, snapshot: result }));
    }
  }
}
