import type { OptionSpec } from './command.js';

/** Options several commands share, declared once so their names and help read the same everywhere. */
export const common = {
  passphraseEnv: { type: 'string', value: 'VAR', help: 'passphrase of encrypted keys, from environment variable VAR (never on the command line)' },
  now: { type: 'string', value: 'ISO', help: 'check as of this instant instead of now' },
  force: { type: 'boolean', help: 'replace existing files' },
  json: { type: 'boolean', help: 'print the result as JSON, for scripts' },
  expires: { type: 'string', value: 'WHEN', help: 'a duration such as 365d, or an instant (default 365d)' },
  sign: { type: 'string', multiple: true, value: 'FILE', help: 'a root private key to sign with (repeat for each)' },
  rootChain: { type: 'string', multiple: true, value: 'FILE', help: 'newer roots to follow, oldest first' },
} satisfies Record<string, OptionSpec>;
