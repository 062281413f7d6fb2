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
  // Listed once the build is there; until then every request re-checks, so a build made after start is picked up.
  let files: Set<string> | null = null;
  const listing = (): Set<string> | null => {
    if (files === null && existsSync(join(root, 'index.html')) && statSync(root).isDirectory()) files = listFiles(root);
    return files;
  };

  const send = (reply: FastifyReply, name: string): FastifyReply => {
    const available = listing();
    if (available === null) {
      return sendError(reply.header('Retry-After', '30'), 503, 'dashboard-not-built',
        `the dashboard is not built (no index.html in ${root}): run \`npm run build\``);
    }
    const full = resolve(root, name);
    // The listing is the allow-list; the prefix check is a second guard should a listed name ever resolve outside.
    if (!available.has(name) || !full.startsWith(root + sep)) return sendError(reply, 404, 'not-found', `no dashboard file ${name}`);
    const isIndex = name === 'index.html';
    reply.header('Content-Security-Policy', DASHBOARD_CSP)
      .header('Cache-Control', !isIndex && name.startsWith('assets/') ? IMMUTABLE : 'no-cache')
      .type(CONTENT_TYPES[extname(name).toLowerCase()] ?? 'application/octet-stream');
    return reply.send(readFileSync(full));
  };

  app.get('/dashboard', async (_request, reply) => send(reply, 'index.html'));
  app.get('/dashboard/', async (_request, reply) => send(reply, 'index.html'));
  app.get<{ Params: { '*': string } }>('/dashboard/*', async (request, reply) => send(reply, request.params['*']));
}
