// Shared by the preview tests: the example schedule at a moment when its restart prompt is open, and a reader
// for the bridge's event stream over real HTTP.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const EXAMPLE = join(repo, 'examples', 'schedule.yaml');
export const PATCH = '2026-12-patch-tuesday';
/** The morning after the patch night in Paris: the restart prompt is open with every choice. */
export const PROMPT_OPEN = '2026-12-09T08:00:00+01:00';

/** A stand-in for dist/renderer (F1 builds the real one): an index.html and a module that uses window.forewarn. */
export function fakeRenderer(dir: string): string {
  const out = join(dir, 'renderer');
  mkdirSync(join(out, 'assets'), { recursive: true });
  writeFileSync(join(out, 'index.html'), '<!doctype html><html lang="en"><head><meta charset="utf-8"><title>views</title>'
    + '<script type="module" src="./assets/app.js"></script></head><body><main><h1 id="status">loading</h1><p id="view">none</p></main></body></html>');
  writeFileSync(join(out, 'assets', 'app.js'), `
const status = document.getElementById('status');
const view = document.getElementById('view');
window.forewarn.on('snapshot-changed', (s) => { status.textContent = s.tray.status + '|' + s.tray.label; });
window.forewarn.on('open-view', (r) => { view.textContent = r.view; });
const s = await window.forewarn.getSnapshot();
status.textContent = s.tray.status + '|' + s.tray.label;
document.body.dataset.ready = 'yes';
`);
  writeFileSync(join(out, 'secret.txt'), 'listed on purpose: only files inside the folder are served');
  return out;
}

export interface EventReader {
  /** Resolves with the first event on `channel` whose payload passes `match`. */
  next<T>(channel: string, match?: (payload: T) => boolean): Promise<T>;
  close(): void;
}

/** Opens GET /api/events with the session header and parses the SSE stream as it comes. */
export async function readEvents(origin: string, token: string): Promise<EventReader> {
  const abort = new AbortController();
  const res = await fetch(`${origin}/api/events`, { headers: { 'x-forewarn-session': token }, signal: abort.signal });
  if (res.status !== 200 || res.body === null) throw new Error(`events: HTTP ${res.status}`);
  const seen: Array<{ channel: string; payload: unknown }> = [];
  const waiters: Array<() => void> = [];
  void (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
        buffer += decoder.decode(chunk, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const channel = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (channel !== undefined && data !== undefined) seen.push({ channel, payload: JSON.parse(data) });
        }
        for (const w of waiters.splice(0)) w();
      }
    } catch {
      // aborted by close()
    }
  })();
  return {
    async next<T>(channel: string, match: (payload: T) => boolean = () => true): Promise<T> {
      for (;;) {
        const i = seen.findIndex((e) => e.channel === channel && match(e.payload as T));
        if (i >= 0) return seen.splice(i, 1)[0]!.payload as T;
        await new Promise<void>((r) => waiters.push(r));
      }
    },
    close: () => abort.abort(),
  };
}
