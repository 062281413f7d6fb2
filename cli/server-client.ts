// Talking to a fleet server from the command line: the base URL, the admin token (from an environment
// variable, never the command line) and the JSON error shape `{ error, message, reason?, detail? }`.
import { opt, type Invocation } from './command.js';
import { CliError, UsageError } from './errors.js';

export interface ServerTarget { base: string; token: string }

export function serverTarget(inv: Pick<Invocation, 'values' | 'env'>): ServerTarget {
  const server = opt.required(inv, 'server');
  let url: URL;
  try {
    url = new URL(server);
  } catch {
    throw new UsageError(`--server must be a URL such as https://forewarn.example.com, not "${server}"`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UsageError(`--server must be an http:// or https:// URL, not "${server}"`);
  const variable = opt.required(inv, 'token-env');
  const token = inv.env[variable];
  if (token === undefined || token === '') throw new UsageError(`--token-env names ${variable}, but that environment variable is empty`);
  return { base: url.href.replace(/\/+$/, ''), token };
}

export async function call(target: ServerTarget, method: string, path: string, body?: string): Promise<{ status: number; json: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(`${target.base}${path}`, {
      method,
      headers: { authorization: `Bearer ${target.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body } : {}),
    });
  } catch (error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    throw new CliError(`cannot reach ${target.base}: ${cause?.code ?? cause?.message ?? String(error)}`);
  }
  const text = await res.text();
  let json: Record<string, unknown>;
  try {
    json = JSON.parse(text) as Record<string, unknown>;
  } catch {
    throw new CliError(`${target.base} answered ${res.status} with something that is not JSON`);
  }
  return { status: res.status, json };
}

/** A non-2xx answer as one line: the server's message (trust refusals: "rejected: reason: detail"). */
export function failure(status: number, json: Record<string, unknown>): CliError {
  const message = typeof json['message'] === 'string' ? json['message'] : `the server answered ${status}`;
  return new CliError(status === 401 ? `the server refused the admin token: ${message}` : message);
}

export const serverOptions = {
  server: { type: 'string', value: 'URL', help: 'the fleet server, e.g. https://forewarn.example.com' },
  'token-env': { type: 'string', value: 'VAR', help: 'the admin token, from environment variable VAR (never on the command line)' },
} as const;
