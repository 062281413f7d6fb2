// The moments the renderer tests look at, each a REAL preview (cli/preview: real engine, real fleet server, the
// built views in dist/renderer) of the example schedule at a chosen instant, in Paris. Two variants of the
// example are written to a temporary folder: one with an FAQ answer naming a web address the schedule does not
// list (the help view must show main's refusal), one whose restart deadline has passed (the final countdown).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, stringify } from 'yaml';
import { startPreview, type Preview } from '../../../cli/preview/index.js';

export const repo = fileURLToPath(new URL('../../..', import.meta.url));
export const EXAMPLE = join(repo, 'examples', 'schedule.yaml');
export const PATCH = '2026-12-patch-tuesday';
export const PHISHING = '2026-11-phishing-payslip';
/** An address an FAQ answer mentions but the schedule does not list: openHelpLink must refuse it. */
export const UNLISTED_URL = 'https://vpn.acme.example/start';
/** A link the schedule lists (schedule.links): openHelpLink must open it. */
export const LISTED_URL = 'https://status.acme.example';

export type SceneName = 'incident' | 'advance' | 'prompt' | 'countdown';

interface Scene {
  /** Plan time when the preview starts. */
  at: string;
  variant: 'help' | 'countdown';
}

export const SCENES: Record<SceneName, Scene> = {
  // The phishing warning is up (it asks for "I have read this").
  incident: { at: '2026-11-21T10:00:00+01:00', variant: 'help' },
  // Five seconds before the "4 hours before" notice of the patch night (18:00, outside the quiet hours): the
  // engine shows it while the test waits.
  advance: { at: '2026-12-08T17:59:55+01:00', variant: 'help' },
  // The morning after the patch night: the restart prompt is open with every choice.
  prompt: { at: '2026-12-09T08:00:00+01:00', variant: 'help' },
  // The deadline has passed (07:00); after the 15-minute grace the restart is forced, inside the final countdown.
  countdown: { at: '2026-12-09T08:00:00+01:00', variant: 'countdown' },
};

/** The example schedule, changed for one variant, written as YAML into `dir`. */
function writeVariant(dir: string, variant: Scene['variant']): string {
  const schedule = parse(readFileSync(EXAMPLE, 'utf8'));
  schedule.support.faq.push({
    question: 'How do I connect from home?',
    answer: `Start the VPN app first. The steps are on ${UNLISTED_URL}.`,
  });
  if (variant === 'countdown') {
    const patch = schedule.maintenances.find((m: { id: string }) => m.id === PATCH);
    patch.restart.deadline = '2026-12-09T07:00';
    patch.restart.grace = '15m';
    patch.restart.finalCountdown = '30m';
  }
  const file = join(dir, `schedule-${variant}.yaml`);
  writeFileSync(file, stringify(schedule));
  return file;
}

export interface SceneRun {
  preview: Preview;
  stop(): Promise<void>;
}

/** Starts the REAL preview of a scene in `locale`. */
export async function startScene(name: SceneName, locale: string): Promise<SceneRun> {
  const dir = mkdtempSync(join(tmpdir(), 'forewarn-renderer-test-'));
  const scene = SCENES[name];
  try {
    const preview = await startPreview({ schedule: writeVariant(dir, scene.variant), zone: 'Europe/Paris', locale, at: scene.at });
    return {
      preview,
      async stop() {
        await preview.stop();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
}
