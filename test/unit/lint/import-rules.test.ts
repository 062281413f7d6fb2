import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/** The import rules of ARCHITECTURE.md are ESLint rules; prove each one bites (and lets the right thing through). */
const eslint = new ESLint({ cwd: new URL('../../..', import.meta.url).pathname });

async function restricted(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-properties' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('import rules per folder', () => {
  it.each([
    ['core/x.ts', "import { readFileSync } from 'node:fs'; export const a = readFileSync;"],
    ['core/x.ts', "import * as e from 'electron'; export const a = e;"],
    ['core/x.ts', "import * as r from 'react'; export const a = r;"],
    ['core/x.ts', "import { a } from '../main/engine/poller.js'; export const b = a;"],
    ['core/x.ts', "export const t = Date.now();"],
    ['core/x.ts', "export const t = new Date();"],
    ['main/engine/x.ts', "import { app } from 'electron'; export const a = app;"],
    ['main/platform/x.ts', "import { a } from '../electron/tray.js'; export const b = a;"],
    ['renderer/x.tsx', "import { readFileSync } from 'fs'; export const a = readFileSync;"],
    ['renderer/x.tsx', "import { ipcRenderer } from 'electron'; export const a = ipcRenderer;"],
    ['server/x.ts', "import { a } from '../main/engine/poller.js'; export const b = a;"],
    ['cli/x.ts', "import { a } from '../main/electron/tray.js'; export const b = a;"],
  ])('%s rejects: %s', async (file, code) => {
    expect(await restricted(file, code)).not.toEqual([]);
  });

  it.each([
    ['core/x.ts', "import { createHash } from 'node:crypto'; export const a = createHash; export const d = new Date(0);"],
    ['main/engine/x.ts', "import { a } from '../../core/index.js'; export const b = a;"],
    ['cli/x.ts', "import { a } from '../main/engine/poller.js'; export const b = a;"],
    ['main/electron/x.ts', "import { app } from 'electron'; export const a = app;"],
  ])('%s allows: %s', async (file, code) => {
    expect(await restricted(file, code)).toEqual([]);
  });
});
