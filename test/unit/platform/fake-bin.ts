// Fake programs for platform tests: small sh scripts in a temp dir put first on PATH, so the real code paths
// (execFile, exit codes, stdout parsing, timeouts) run against programs whose behaviour the test decides.
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface FakeBin {
  dir: string;
  /** PATH with the fakes first, then only the system dirs (so a real needs-restarting/dunstctl cannot answer). */
  env: NodeJS.ProcessEnv;
  add(name: string, script: string): void;
  cleanup(): void;
}

export function fakeBin(): FakeBin {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-fakebin-'));
  return {
    dir,
    env: { PATH: `${dir}:/usr/bin:/bin` },
    add(name, script) {
      const file = join(dir, name);
      writeFileSync(file, `#!/bin/sh\n${script}\n`);
      chmodSync(file, 0o755);
    },
    cleanup: () => rmSync(dir, { recursive: true, force: true }),
  };
}

export const silentLogger = () => {
  const lines: Array<{ level: string; message: string; fields?: Record<string, unknown> }> = [];
  const at = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  return { lines, logger: { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') } };
};
