/** Exit codes every command shares: 0 done/accepted, 1 refused/failed (with a plain reason), 2 usage error. */
export const EXIT = { ok: 0, failed: 1, usage: 2 } as const;

/** The command line was wrong: say what, and point at --help. */
export class UsageError extends Error {}

/** The command understood the request but cannot do it; the message is shown as it is. */
export class CliError extends Error {
  constructor(message: string, readonly details: readonly string[] = []) {
    super(message);
  }
}
