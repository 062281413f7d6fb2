import { parseArgs } from 'node:util';
import { UsageError } from './errors.js';

/** One option of a command, documented where it is declared so --help never drifts from the parser. */
export interface OptionSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Shown in --help, e.g. "FILE" for `--out FILE`. */
  value?: string;
  help: string;
}

export interface Output {
  out(line: string): void;
  err(line: string): void;
}

export type OptionValues = Record<string, string | boolean | (string | boolean)[] | undefined>;

export interface Invocation {
  positionals: string[];
  values: OptionValues;
  io: Output;
  /** The real clock, read only here at the edge (core/ takes `now` as a parameter). */
  now(): number;
  env: NodeJS.ProcessEnv;
}

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Extra lines for --help: what the command is for, examples. */
  details?: string[];
  options: Record<string, OptionSpec>;
  positionals: { min: number; max: number };
  run(inv: Invocation): Promise<number>;
}

/** Parses argv for one command; unknown options and missing values become a UsageError. */
export function parseCommandArgs(cmd: Command, argv: string[]): Pick<Invocation, 'positionals' | 'values'> {
  const options: Record<string, { type: 'string' | 'boolean'; multiple?: boolean; short?: string }> = { help: { type: 'boolean', short: 'h' } };
  for (const [name, o] of Object.entries(cmd.options)) {
    options[name] = { type: o.type, ...(o.multiple ? { multiple: true } : {}), ...(o.short ? { short: o.short } : {}) };
  }
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(plainParseError(error));
  }
  if (parsed.values.help) return { positionals: parsed.positionals, values: parsed.values };
  const n = parsed.positionals.length;
  if (n < cmd.positionals.min) throw new UsageError(`missing argument: usage is ${cmd.usage}`);
  if (n > cmd.positionals.max) throw new UsageError(`unexpected argument "${parsed.positionals[cmd.positionals.max]}"`);
  return { positionals: parsed.positionals, values: parsed.values };
}

/** The --help text of a command, generated from its option specs. */
export function helpText(cmd: Command): string {
  const rows = Object.entries(cmd.options).map(([name, o]) => {
    const flag = `${o.short ? `-${o.short}, ` : ''}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
    return [flag + (o.multiple ? ' …' : ''), o.help] as const;
  });
  rows.push(['-h, --help', 'show this help']);
  const width = Math.max(...rows.map(([f]) => f.length));
  return [
    `${cmd.summary}`,
    '',
    `usage: ${cmd.usage}`,
    ...(cmd.details ? ['', ...cmd.details] : []),
    '',
    'options:',
    ...rows.map(([f, h]) => `  ${f.padEnd(width)}  ${h}`),
  ].join('\n');
}

function plainParseError(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /Option '([^']+?)(?: <value>)?' argument missing/.exec(message);
  if (missing) return `option ${missing[1]!.replace(/^-\w, /, '')} needs a value`;
  const unexpected = /Unexpected argument '([^']+)'/.exec(message);
  if (unexpected) return `unexpected argument "${unexpected[1]}"`;
  return message.replace(/\. To specify.*$/s, '');
}

/** Typed accessors for parsed option values. */
export const opt = {
  string(inv: Pick<Invocation, 'values'>, name: string): string | undefined {
    const v = inv.values[name];
    return typeof v === 'string' ? v : undefined;
  },
  required(inv: Pick<Invocation, 'values'>, name: string): string {
    const v = inv.values[name];
    if (typeof v !== 'string' || v === '') throw new UsageError(`--${name} is required`);
    return v;
  },
  list(inv: Pick<Invocation, 'values'>, name: string): string[] {
    const v = inv.values[name];
    if (Array.isArray(v)) return v.filter((x): x is string => typeof x === 'string');
    return typeof v === 'string' ? [v] : [];
  },
  flag(inv: Pick<Invocation, 'values'>, name: string): boolean {
    return inv.values[name] === true;
  },
  /** A positive integer option such as --root-threshold 2. */
  count(inv: Pick<Invocation, 'values'>, name: string, fallback?: number): number {
    const v = opt.string(inv, name);
    if (v === undefined) {
      if (fallback === undefined) throw new UsageError(`--${name} is required`);
      return fallback;
    }
    if (!/^[1-9]\d{0,3}$/.test(v)) throw new UsageError(`--${name} must be a whole number of 1 or more, not "${v}"`);
    return Number(v);
  },
};
