// Real restarts are decided in one place (createNodeAgent): the caller must allow them and IT must not have set
// `dryRun` in the managed config. Every test here keeps the rebooter a dry run except the one that checks it is not.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { createNodeAgent } from '../../../../main/engine/node/agent.js';
import type { Notifier } from '../../../../main/engine/ports.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

const logger = { debug() {}, info() {}, warn() {}, error() {} };
const notifier: Notifier = { show: async () => undefined, onActivate: () => () => undefined };
const presenter = { open() {}, update() {} };

function agent(allowRestart: boolean, dryRun?: boolean) {
  const stateDir = mkdtempSync(join(tmpdir(), 'forewarn-restart-decision-'));
  dirs.push(stateDir);
  const config = {
    serverUrl: 'https://forewarn.example', fleet: 'acme', rootBytes: new Uint8Array(), groups: [], tags: [],
    ...(dryRun === undefined ? {} : { dryRun }),
  };
  return createNodeAgent({ config: { ok: true, config }, stateDir, allowRestart, logger, presenter, notifier });
}

it('restarts for real only when the caller allows it and the managed config does not say dryRun', () => {
  expect(agent(true).rebooter.dryRun).toBe(false);
  expect(agent(true, false).rebooter.dryRun).toBe(false);
  expect(agent(true, true).rebooter.dryRun).toBe(true); // IT's pilot group: --allow-restart does not override it
  expect(agent(false).rebooter.dryRun).toBe(true);
  expect(agent(false, false).rebooter.dryRun).toBe(true);
});
