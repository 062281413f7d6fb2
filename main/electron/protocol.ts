/**
 * The custom protocol the views load from: `forewarn://app/<file>` serves dist/renderer and nothing else, with the
 * strict CSP on every response. A custom protocol instead of file:// (Electron security tutorial item 18): file://
 * pages can read any local file the user can, and every file:// page shares one origin.
 */
import { readFile, realpath } from 'node:fs/promises';
import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { protocol } from 'electron';
import { APP_HOST, CONTENT_SECURITY_POLICY, SCHEME } from './security.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Must run before the app is ready. `standard` gives the scheme real origins and relative URLs; `secure` makes
 * it a secure context like https. No bypassCSP, no service workers, no CORS: the views need none of them.
 */
export function registerPrivilegedScheme(): void {
  protocol.registerSchemesAsPrivileged([{ scheme: SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
}

/**
 * The file a request names, or why not. Pure path logic (the symlink check is in serveRenderer): the host must be
 * `app`, and the decoded path must stay inside `root` ("..", encoded "%2e%2e", backslashes and NUL are refused).
 */
export function resolveRendererPath(url: string, root: string): { ok: true; file: string } | { ok: false; status: 400 | 403 | 404 } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, status: 400 };
  }
  if (parsed.protocol !== `${SCHEME}:` || parsed.host !== APP_HOST) return { ok: false, status: 403 };
  let path: string;
  try {
    path = decodeURIComponent(parsed.pathname);
  } catch {
    return { ok: false, status: 400 };
  }
  if (path.includes('\0') || path.includes('\\')) return { ok: false, status: 400 };
  if (path === '/' || path === '') path = '/index.html';
  const file = resolve(root, `.${path}`);
  const rel = relative(root, file);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { ok: false, status: 403 };
  return { ok: true, file };
}

function headers(type: string): Record<string, string> {
  return {
    'Content-Type': type,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cross-Origin-Opener-Policy': 'same-origin',
    'Cross-Origin-Resource-Policy': 'same-origin',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  };
}

function refuse(status: number): Response {
  return new Response(null, { status, headers: headers('text/plain; charset=utf-8') });
}

/** Answers one protocol request from the files under `root` (dist/renderer). */
export async function serveRenderer(request: Request, root: string): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405);
  const resolved = resolveRendererPath(request.url, root);
  if (!resolved.ok) return refuse(resolved.status);
  let body: Buffer;
  try {
    // A symlink inside dist/renderer pointing elsewhere is refused too: compare real paths.
    const [realRoot, realFile] = await Promise.all([realpath(root), realpath(resolved.file)]);
    if (!realFile.startsWith(realRoot + sep)) return refuse(403);
    body = await readFile(realFile);
  } catch {
    return refuse(404);
  }
  const type = TYPES[extname(resolved.file).toLowerCase()] ?? 'application/octet-stream';
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: headers(type) });
}

/** Registers the handler on the default session's protocol (after app ready). */
export function registerRendererProtocol(root: string): void {
  protocol.handle(SCHEME, (request) => serveRenderer(request, root));
}
