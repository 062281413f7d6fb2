/**
 * The managed config: one machine-wide file that IT deploys (MDM, GPO, Ansible, a package), with the server URL,
 * the fleet, the pinned root, the enrollment token, and this computer's groups and tags. The engine reads THIS
 * file only - there is no user-level config and nothing is merged over it, so a user cannot point the agent at
 * another server or root. IT sets its permissions: owned by root (Administrators on Windows), mode 0644; the
 * loader warns when it is writable by group or others (POSIX), since anyone who can write it decides what the
 * agent trusts.
 *
 * Where it lives (managedConfigPaths):
 *   Linux    /etc/forewarn/config.json
 *   Windows  %ProgramData%\Forewarn\config.json
 *   macOS    /Library/Managed Preferences/com.forewarn.agent.plist (an MDM configuration profile; read through
 *            `plutil -convert json`), else /Library/Application Support/Forewarn/config.json
 *
 * loadManagedConfig never throws: a missing, unreadable or invalid file is a typed error naming the path, the
 * field (`groups[2]`) and, for JSON, the line - the tray shows it and the agent does nothing until IT fixes it.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, posix, resolve, win32 } from 'node:path';
import { z } from 'zod';
import { parseStrictJson } from '../../core/json/index.js';
import { LIMITS, sourceLines } from '../../core/schedule/index.js';
import { formatRejection, loadTrustedRoot } from '../../core/trust/index.js';

/** The server's FLEET_ID (server/http.ts; main/ may not import server/). */
export const FLEET_ID = /^[a-z0-9][a-z0-9._-]{0,63}$/;
export const MIN_POLL_INTERVAL_SECONDS = 60;
export const MAX_POLL_INTERVAL_SECONDS = 24 * 60 * 60;
/** A managed config is small; anything bigger is not one (and is not read whole into memory). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

export interface ManagedConfig {
  serverUrl: string;
  fleet: string;
  /** The pinned root envelope, exact bytes (inline `root` serialised, or the `rootFile` contents). */
  rootBytes: Uint8Array;
  enrollmentToken?: string;
  groups: string[];
  tags: string[];
  pollIntervalSeconds?: number;
  locale?: string;
  /**
   * The restart command is only logged, never run (a pilot group, a lab). Off by default: restarting is what the
   * desktop app is for. The Node agent stays a dry run unless `--allow-restart`.
   */
  dryRun?: boolean;
}

export type ManagedConfigError = {
  kind: 'missing' | 'unreadable' | 'invalid';
  /** One sentence naming the file, the field and what is wrong. */
  message: string;
  path: string;
  /** The field path (`groups[2]`, `serverUrl`); absent for problems with the file as a whole. */
  field?: string;
  line?: number;
};

export type ManagedConfigResult =
  | { ok: true; config: ManagedConfig; path: string; warnings: string[] }
  | { ok: false; error: ManagedConfigError };

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

const audienceNames = z
  .array(z.string().min(1, 'must not be empty').max(LIMITS.audienceNameLength, `must be at most ${LIMITS.audienceNameLength} characters`).regex(/\S/, 'must not be only spaces'))
  .max(LIMITS.audienceEntries, `at most ${LIMITS.audienceEntries} names`);

const configSchema = z.strictObject({
  serverUrl: z.string().superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      ctx.addIssue({ code: 'custom', message: `must be a URL such as https://forewarn.example.com, not ${JSON.stringify(value)}` });
      return;
    }
    if (url.protocol === 'https:') return;
    if (url.protocol === 'http:' && LOOPBACK.has(url.hostname)) return;
    ctx.addIssue({ code: 'custom', message: 'must use https:// (plain http:// is allowed only for 127.0.0.1, ::1 and localhost)' });
  }),
  fleet: z.string().regex(FLEET_ID, 'must be a fleet id: lowercase letters, digits, ".", "_" and "-", starting with a letter or digit, at most 64'),
  root: z.record(z.string(), z.unknown()).optional(),
  rootFile: z.string().min(1).optional(),
  enrollmentToken: z.string().min(1, 'must not be empty').max(512).optional(),
  enrollmentTokenFile: z.string().min(1).optional(),
  groups: audienceNames.default([]),
  tags: audienceNames.default([]),
  pollIntervalSeconds: z.int().min(MIN_POLL_INTERVAL_SECONDS).max(MAX_POLL_INTERVAL_SECONDS).optional(),
  locale: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"').optional(),
  dryRun: z.boolean().default(false),
});

/** Where the managed config may be, in the order tried. Pure: the platform and environment come in. */
export function managedConfigPaths(platform: string, env: Readonly<Record<string, string | undefined>>): string[] {
  switch (platform) {
    case 'win32':
      return [win32.join(env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData', 'Forewarn', 'config.json')];
    case 'darwin':
      return [
        '/Library/Managed Preferences/com.forewarn.agent.plist',
        '/Library/Application Support/Forewarn/config.json',
      ];
    default:
      return [posix.join('/etc', 'forewarn', 'config.json')];
  }
}

/** The first managed config that exists among `paths`; `missing` (naming all of them) when none does. */
export function findManagedConfig(paths: readonly string[], platform: string = process.platform): ManagedConfigResult {
  for (const path of paths) {
    const result = loadManagedConfig(path, platform);
    if (result.ok || result.error.kind !== 'missing') return result;
  }
  return {
    ok: false,
    error: { kind: 'missing', path: paths[0] ?? '', message: `no managed config: IT must install one at ${paths.join(' or ')}` },
  };
}

/** Reads and validates one managed config file. Never throws. */
export function loadManagedConfig(path: string, platform: string = process.platform): ManagedConfigResult {
  const fail = (kind: ManagedConfigError['kind'], message: string, extra: { field?: string; line?: number } = {}): ManagedConfigResult =>
    ({ ok: false, error: { kind, path, message: `${path}: ${message}`, ...extra } });
  const warnings: string[] = [];
  let text: string;
  try {
    const stat = statSync(path);
    if (!stat.isFile()) return fail('unreadable', 'is not a regular file');
    if (stat.size > MAX_CONFIG_BYTES) return fail('unreadable', `is ${stat.size} bytes; a managed config is at most ${MAX_CONFIG_BYTES}`);
    if (platform !== 'win32' && (stat.mode & 0o022) !== 0) {
      warnings.push(`${path} is writable by ${stat.mode & 0o002 ? 'anyone' : 'its group'} (mode 0${(stat.mode & 0o777).toString(8)}): whoever can write it decides what the agent trusts; IT should make it root-owned 0644`);
    }
    text = path.endsWith('.plist') ? plistAsJson(path, platform) : readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return fail('missing', 'does not exist; IT must install the managed config');
    if (code === 'EACCES' || code === 'EPERM') return fail('unreadable', 'cannot be read by the agent (permission denied): IT should make it readable (0644)');
    return fail('unreadable', `cannot be read: ${(error as Error).message}`);
  }
  const json = parseStrictJson(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  if (!json.ok) {
    return fail('invalid', `is not valid JSON${json.line !== undefined ? ` (line ${json.line}${json.column !== undefined ? `, column ${json.column}` : ''})` : ''}: ${json.error}`,
      json.line !== undefined ? { line: json.line } : {});
  }
  if (json.value === null || typeof json.value !== 'object' || Array.isArray(json.value)) {
    return fail('invalid', 'must be a JSON object with serverUrl, fleet, root (or rootFile), …');
  }
  const parsed = configSchema.safeParse(json.value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const segments = issue.path.filter((s): s is string | number => typeof s !== 'symbol');
    let field = fieldPath(segments);
    let message = issue.message;
    if (issue.code === 'unrecognized_keys') {
      field = fieldPath([...segments, issue.keys[0]!]);
      message = 'is not a known field (users cannot add settings here; see docs for the fields IT may set)';
    } else if (issue.code === 'invalid_type') {
      // zod does not report the input: look it up, so a wrong type is not called missing.
      const given = segments.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined), json.value);
      message = given === undefined ? 'is required' : `must be ${issue.expected === 'boolean' ? 'true or false' : `${/^[aeiou]/.test(issue.expected) ? 'an' : 'a'} ${issue.expected}`}, not ${JSON.stringify(given)}`;
    }
    const line = lineOf(text, issue.code === 'unrecognized_keys' ? [...segments, issue.keys[0]!] : segments);
    const more = parsed.error.issues.length > 1 ? ` (and ${parsed.error.issues.length - 1} more)` : '';
    return fail('invalid', `${field}: ${message}${line !== undefined ? ` (line ${line})` : ''}${more}`, { field, ...(line !== undefined ? { line } : {}) });
  }
  const raw = parsed.data;
  const base = dirname(path);
  const within = (file: string): string => (isAbsolute(file) ? file : resolve(base, file));

  // The pinned root: exactly one of `root` (the envelope inline) and `rootFile`.
  if ((raw.root === undefined) === (raw.rootFile === undefined)) {
    return fail('invalid', raw.root === undefined ? 'root: is required (the pinned root envelope inline, or rootFile: a path to it)' : 'root: give either root or rootFile, not both', { field: 'root' });
  }
  let rootBytes: Uint8Array;
  if (raw.root !== undefined) {
    rootBytes = new TextEncoder().encode(JSON.stringify(raw.root));
  } else {
    try {
      rootBytes = readFileSync(within(raw.rootFile!));
    } catch (error) {
      return fail('invalid', `rootFile: cannot read ${within(raw.rootFile!)}: ${(error as Error).message}`, { field: 'rootFile' });
    }
  }
  // Checked here so a typo shows as a config error, not as "every schedule rejected". Expiry is the keeper's
  // business (a rotation may have replaced an expired pinned root).
  const root = loadTrustedRoot(rootBytes, { allowExpired: true });
  const rootField = raw.root !== undefined ? 'root' : 'rootFile';
  if (!root.ok) return fail('invalid', `${rootField}: is not a usable root: ${formatRejection(root)}`, { field: rootField });
  if (root.root.fleet !== raw.fleet) {
    return fail('invalid', `${rootField}: the root is for fleet ${JSON.stringify(root.root.fleet)}, but fleet is ${JSON.stringify(raw.fleet)}`, { field: rootField });
  }

  if (raw.enrollmentToken !== undefined && raw.enrollmentTokenFile !== undefined) {
    return fail('invalid', 'enrollmentToken: give either enrollmentToken or enrollmentTokenFile, not both', { field: 'enrollmentToken' });
  }
  let enrollmentToken = raw.enrollmentToken;
  if (raw.enrollmentTokenFile !== undefined) {
    try {
      enrollmentToken = readFileSync(within(raw.enrollmentTokenFile), 'utf8').trim();
    } catch (error) {
      return fail('invalid', `enrollmentTokenFile: cannot read ${within(raw.enrollmentTokenFile)}: ${(error as Error).message}`, { field: 'enrollmentTokenFile' });
    }
    if (enrollmentToken === '') return fail('invalid', `enrollmentTokenFile: ${within(raw.enrollmentTokenFile)} is empty`, { field: 'enrollmentTokenFile' });
  }

  const config: ManagedConfig = {
    serverUrl: raw.serverUrl,
    fleet: raw.fleet,
    rootBytes,
    groups: raw.groups,
    tags: raw.tags,
    dryRun: raw.dryRun,
    ...(enrollmentToken !== undefined ? { enrollmentToken } : {}),
    ...(raw.pollIntervalSeconds !== undefined ? { pollIntervalSeconds: raw.pollIntervalSeconds } : {}),
    ...(raw.locale !== undefined ? { locale: raw.locale } : {}),
  };
  return { ok: true, config, path, warnings };
}

/** `groups[2]`, `serverUrl`, `root.payload`. */
function fieldPath(segments: readonly (string | number)[]): string {
  let out = '';
  for (const s of segments) out += typeof s === 'number' ? `[${s}]` : out === '' ? s : `.${s}`;
  return out === '' ? '(the whole file)' : out;
}

/** The line of a field in the JSON text (JSON is YAML, so core/schedule's locator reads it). */
function lineOf(text: string, segments: readonly (string | number)[]): number | undefined {
  try {
    return sourceLines(text)(segments as (string | number)[]);
  } catch {
    return undefined;
  }
}

/** macOS managed preferences are a property list; plutil (part of macOS) turns it into JSON. */
function plistAsJson(path: string, platform: string): string {
  if (platform !== 'darwin') {
    throw Object.assign(new Error('a .plist managed config can only be read on macOS (with plutil)'), { code: 'ENOTSUP' });
  }
  return execFileSync('plutil', ['-convert', 'json', '-o', '-', path], { encoding: 'utf8', maxBuffer: MAX_CONFIG_BYTES, timeout: 10_000 });
}
