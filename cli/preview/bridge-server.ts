// The preview's loopback web server: the built views (dist/renderer) plus /preview-bridge.js, and the AgentApi
// over HTTP (/api/<channel>, /api/events). It binds 127.0.0.1 only, and every /api request must carry this
// preview's session token — set as an HttpOnly SameSite=Strict cookie by the first visit to the printed URL,
// or sent as the X-Forewarn-Session header by a program — come from this origin, and name this host (so a DNS
// rebinding page cannot reach it). The token travels in the query of the first URL only: the fragment belongs to
// the views' router, and EventSource cannot send headers; the redirect that sets the cookie takes it out of the
// address bar, and no page here sends a Referer.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { parseRequest, REQUEST_CHANNELS, type ActionResult, type AgentEvents, type RequestChannel, type Snapshot } from '../../core/agent-api.js';
import { DASHBOARD_CSP } from '../../server/routes/dashboard.js';
import { PREVIEW_BRIDGE_JS } from './bridge-script.js';

/** The views get exactly the dashboard's policy: own scripts and styles only, no inline, talk only to this origin. */
export const PREVIEW_CSP = DASHBOARD_CSP;
/** A request body is a short argument list; anything bigger is refused unread. */
export const MAX_BODY_BYTES = 64 * 1024;
/** SSE comment lines keep idle connections open through anything that times them out. */
const KEEPALIVE_MS = 15_000;

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.webp': 'image/webp', '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

export interface BridgeHandlers {
  /** Runs a request whose arguments already passed the contract's schema. */
  handle(channel: RequestChannel, args: unknown[]): Promise<ActionResult | Snapshot>;
  /** The last snapshot, sent to an event stream as it opens. */
  lastSnapshot(): Snapshot | undefined;
}

export interface BridgeServer {
  /** Where a person opens the preview (carries the session token once). */
  url: string;
  /** The origin, without the token. */
  origin: string;
  token: string;
  /** The cookie a browser gets after the first visit (tests use it, or the X-Forewarn-Session header). */
  cookie: string;
  broadcast<E extends keyof AgentEvents>(channel: E, payload: AgentEvents[E]): void;
  stop(): Promise<void>;
}

export async function startBridgeServer(options: { rendererDir: string; port?: number; handlers: BridgeHandlers }): Promise<BridgeServer> {
  const root = resolve(options.rendererDir);
  const token = randomBytes(32).toString('base64url');
  const streams = new Set<ServerResponse>();
  let port = 0;
  let cookieName = '';
  let files: Set<string> | null = null;
  const listing = (): Set<string> | null => {
    if (files === null && existsSync(join(root, 'index.html')) && statSync(root).isDirectory()) files = listFiles(root);
    return files;
  };

  const server: Server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) json(res, 500, { ok: false, error: { code: 'internal', message: `the preview failed: ${String((error as Error)?.message ?? error)}` } });
      else res.destroy();
    });
  });

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) return json(res, 403, refusal(`this preview answers only to 127.0.0.1:${port}, not to host "${host}"`));
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${port}`);
    if (url.pathname.startsWith('/api/')) return api(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return json(res, 405, refusal(`${req.method} is not served here`));
    const session = url.searchParams.get('session');
    if (session !== null) {
      if (!sameToken(session, token)) return text(res, 401, 'This preview link is not valid (the preview was restarted?). Use the link it printed last.');
      // The fragment (the view) survives a redirect whose Location has none (RFC 9110, 10.2.2).
      res.setHeader('Set-Cookie', `${cookieName}=${token}; HttpOnly; SameSite=Strict; Path=/`);
      res.setHeader('Location', '/');
      res.statusCode = 303;
      return void res.end();
    }
    if (url.pathname === '/preview-bridge.js') return send(res, 200, 'text/javascript; charset=utf-8', PREVIEW_BRIDGE_JS);
    let name: string;
    try {
      name = url.pathname === '/' ? 'index.html' : decodeURIComponent(url.pathname.slice(1));
    } catch {
      return text(res, 400, 'the path is not valid percent-encoding');
    }
    const available = listing();
    if (available === null) return text(res, 503, `The views are not built (no index.html in ${root}): run \`npm run build\`, then reload.`);
    const full = resolve(root, name);
    if (!available.has(name) || !full.startsWith(root + sep)) return text(res, 404, `no file ${name}`);
    res.setHeader('Content-Security-Policy', PREVIEW_CSP);
    res.setHeader('Cache-Control', 'no-cache');
    const type = CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream';
    const body = name === 'index.html' ? withBridge(readFileSync(full, 'utf8')) : readFileSync(full);
    return send(res, 200, type, body);
  }

  async function api(req: IncomingMessage, res: ServerResponse, channel: string): Promise<void> {
    res.setHeader('Cache-Control', 'no-store');
    const origin = req.headers.origin;
    if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
      return json(res, 403, refusal(`requests from ${origin} are refused: only the preview's own pages may call it`));
    }
    const presented = typeof req.headers['x-forewarn-session'] === 'string' ? req.headers['x-forewarn-session'] : cookieValue(req.headers.cookie, cookieName);
    if (presented === undefined || !sameToken(presented, token)) {
      return json(res, 401, refusal('no valid preview session: open the link the preview printed (it sets the session)'));
    }
    if (channel === 'events') {
      if (req.method !== 'GET') return json(res, 405, refusal('the event stream is GET /api/events'));
      return openStream(req, res);
    }
    if (!(REQUEST_CHANNELS as string[]).includes(channel)) {
      return json(res, 404, refusal(`no channel "${channel}"; the channels are ${REQUEST_CHANNELS.join(', ')} and events`));
    }
    if (req.method !== 'POST') return json(res, 405, refusal(`call ${channel} with POST /api/${channel} and a JSON array of arguments`));
    // A JSON type cannot be sent by a plain form, so another site cannot submit here even without SameSite.
    if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) return json(res, 415, refusal('the body must be application/json: the array of arguments'));
    const body = await readBody(req);
    if (body === undefined) return json(res, 413, refusal(`the body is larger than ${MAX_BODY_BYTES} bytes`));
    let args: unknown;
    try {
      args = body.length === 0 ? [] : JSON.parse(body.toString('utf8'));
    } catch {
      return json(res, 400, refusal(`${channel}: the body is not JSON (send the array of arguments, e.g. ["2026-12-patch"])`, 'invalid-argument'));
    }
    const parsed = parseRequest(channel as RequestChannel, args);
    if (!parsed.ok) return json(res, 400, { ok: false, error: parsed.error });
    return json(res, 200, await options.handlers.handle(channel as RequestChannel, parsed.args as unknown[]));
  }

  function openStream(req: IncomingMessage, res: ServerResponse): void {
    res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
    res.write('retry: 1000\n\n');
    const last = options.handlers.lastSnapshot();
    if (last !== undefined) res.write(event('snapshot-changed', last));
    streams.add(res);
    const keepalive = setInterval(() => res.write(': keep-alive\n\n'), KEEPALIVE_MS);
    keepalive.unref();
    req.on('close', () => {
      clearInterval(keepalive);
      streams.delete(res);
    });
  }

  await new Promise<void>((done, fail) => {
    server.once('error', fail);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0 }, () => {
      server.off('error', fail);
      done();
    });
  });
  port = (server.address() as AddressInfo).port;
  // Cookies are not kept apart by port: each preview names its own, so two at once do not overwrite each other.
  cookieName = `forewarn-preview-${port}`;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?session=${token}`, origin, token, cookie: `${cookieName}=${token}`,
    broadcast(channel, payload) {
      const chunk = event(channel, payload);
      for (const res of streams) res.write(chunk);
    },
    async stop() {
      for (const res of streams) res.end();
      streams.clear();
      await new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      });
    },
  };
}

/** index.html with the bridge loaded before anything else (a classic script runs before the deferred module). */
export function withBridge(html: string): string {
  if (html.includes('preview-bridge.js')) return html;
  const tag = '<script src="./preview-bridge.js"></script>';
  const head = /<head[^>]*>/i.exec(html);
  if (head) return html.slice(0, head.index + head[0].length) + tag + html.slice(head.index + head[0].length);
  return tag + html;
}

function event(channel: string, payload: unknown): string {
  return `event: ${channel}\ndata: ${JSON.stringify(payload)}\n\n`;
}

/** The bridge's own refusals; a 400 uses the contract's 'invalid-argument', so a view can show it as an ActionResult. */
const refusal = (message: string, code = 'refused') => ({ ok: false, error: { code, message } });

function send(res: ServerResponse, status: number, type: string, body: string | Buffer): void {
  res.statusCode = status;
  res.setHeader('Content-Type', type);
  res.end(body);
}

function json(res: ServerResponse, status: number, body: unknown): void {
  send(res, status, 'application/json; charset=utf-8', JSON.stringify(body));
}

function text(res: ServerResponse, status: number, body: string): void {
  send(res, status, 'text/plain; charset=utf-8', `${body}\n`);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

/** The body, or undefined when it is over MAX_BODY_BYTES (reading stops there). */
function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((done, fail) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        done(undefined);
        req.pause();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => done(Buffer.concat(chunks)));
    req.on('error', fail);
  });
}

/** Every regular file under `root` as forward-slash relative paths; dot-entries left out (as the dashboard does). */
function listFiles(root: string): Set<string> {
  const out = new Set<string>();
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const full = join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) out.add(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root);
  return out;
}
