// The computer as the preview pretends it is: the zone and language IT asked for, and a boot before the preview
// started (so a dry-run "restart" never looks completed). Busy signals and pending-restart detection stay the
// real Node ones; check() runs on real time, so the speed-up is not reported as a clock change.
import { isValidZone } from '../../core/time/zoned.js';
import type { SystemSignals } from '../../main/engine/ports.js';
import { createSystemSignals } from '../../main/platform/system-signals.js';
import { UsageError } from '../errors.js';

export interface PreviewSignalsOptions {
  zone: string;
  locale: string;
  /** Plan time at the start of the preview: the computer "booted" an hour before it. */
  at: number;
}

export function previewSignals(options: PreviewSignalsOptions): SystemSignals & { check(): void } {
  if (!isValidZone(options.zone)) throw new UsageError(`--zone must be an IANA time zone such as Europe/Paris, not "${options.zone}"`);
  try {
    Intl.getCanonicalLocales(options.locale);
  } catch {
    throw new UsageError(`--locale must be a language tag such as en, fr or pt-BR, not "${options.locale}"`);
  }
  const real = createSystemSignals();
  const lastBoot = options.at - 3_600_000;
  return {
    zone: () => options.zone,
    locale: () => options.locale,
    busy: () => real.busy(),
    // Whatever this machine says about its own updates has nothing to do with the schedule being previewed.
    restartPending: async () => false,
    lastBoot: () => lastBoot,
    on: (event, listener) => real.on(event, listener),
    check: () => void real.check(),
  };
}
