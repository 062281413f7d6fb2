// The IT dashboard's static files (built by Vite into dist/dashboard) under /dashboard/. The files are public:
// they hold no data, every data call the page makes needs the admin token. Only files found in the build's
// listing are served, so no request path can reach anything outside it (no traversal, no dotfiles).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { sendError } from '../http.js';

/**
 * The page runs only its own bundled script and stylesheet; it talks only to this origin; nothing may frame it.
 * No 'unsafe-inline' anywhere: the Vite build emits no inline script or style (checked by the e2e test).
 */
export const DASHBOARD_CSP = [
  "default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'", "img-src 'self' data:",
  "font-src 'self'", "manifest-src 'self'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'",
].join('; ');

/** Hashed build assets never change under the same name, so browsers may keep them for a year. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** <repo>/dist/dashboard: the folder holding package.json above this module (works from sources and from dist/). */
export function defaultDashboardDir(from: string = import.meta.url): string {
  let dir = dirname(fileURLToPath(from));
  for (;;) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'dist', 'dashboard');
    const parent = dirname(dir);
    if (parent === dir) return join(dirname(fileURLToPath(from)), 'dashboard'); // no package.json at all: beside the module
    dir = parent;
  }
}

/** Every regular file under `root`, as forward-slash paths relative to it; dot-entries (e.g. Vite's .vite/) left out. */
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

export function dashboardRoutes(app: FastifyInstance, dashboardDir: string): void {
  const root = resolve(dashboardDir);
  const index = join(root, 'index.html');
  // The listing is taken once the build is there and kept while index.html keeps its mtime. A rebuild made while
  // the server runs (Vite empties the folder, writes new hashed names, rewrites index.html) is picked up: a new
  // mtime re-lists, and so does a name missing from the listing (at most once per request, so a 404 costs one
  // walk of the small build folder). Until the build exists every request re-checks.
  let files: Set<string> | null = null;
  let listedAt: number | null = null; // index.html's mtime when `files` was taken
  const indexMtime = (): number | null => {
    try {
      const st = statSync(index);
      return st.isFile() ? st.mtimeMs : null;
    } catch {
      return null;
    }
  };
  const listing = (force: boolean): Set<string> | null => {
    const mtime = indexMtime();
    if (mtime === null) {
      files = null; // no build, or a rebuild half way (emptyOutDir): 503 until index.html is back
      listedAt = null;
      return null;
    }
    if (files === null || force || mtime !== listedAt) {
      try {
        files = listFiles(root);
        listedAt = mtime;
      } catch {
        files = null; // the folder changed under the walk: try again on the next request
        listedAt = null;
        return null;
      }
    }
    return files;
  };

  const send = (reply: FastifyReply, name: string): FastifyReply => {
    let available = listing(false);
    // A name not in the listing may be a file the build made since: look once more before answering 404.
    if (available !== null && !available.has(name)) available = listing(true);
    if (available === null) {
      return sendError(reply.header('Retry-After', '30'), 503, 'dashboard-not-built',
        `the dashboard is not built (no index.html in ${root}): run \`npm run build\``);
    }
    const full = resolve(root, name);
    const notFound = () => sendError(reply, 404, 'not-found', `no dashboard file ${name}`);
    // The listing is the allow-list; the prefix check is a second guard should a listed name ever resolve outside.
    if (!available.has(name) || !full.startsWith(root + sep)) return notFound();
    let body: Buffer;
    try {
      body = readFileSync(full);
    } catch (e) {
      // Listed but gone (deleted by a rebuild since the listing): forget the listing and answer 404, not 500.
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOENT' && code !== 'EISDIR' && code !== 'ENOTDIR') throw e;
      files = null;
      listedAt = null;
      return notFound();
    }
    const isIndex = name === 'index.html';
    reply.header('Content-Security-Policy', DASHBOARD_CSP)
      .header('Cache-Control', !isIndex && name.startsWith('assets/') ? IMMUTABLE : 'no-cache')
      .type(CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream');
    return reply.send(body);
  };

  app.get('/dashboard', async (_request, reply) => send(reply, 'index.html'));
  app.get('/dashboard/', async (_request, reply) => send(reply, 'index.html'));
  app.get<{ Params: { '*': string } }>('/dashboard/*', async (request, reply) => send(reply, request.params['*']));
}
