/**
 * SystemSignals for plain Node (the Node agent, `forewarn preview`, tests). Node has no OS events for a zone,
 * locale or clock change, nor for sleep, and the agent keeps no polling loop of its own: the engine calls
 * `check()` on each of its (bounded) wake-ups and after every timer fires, and check() compares what it sees
 * now with what it saw last time, emitting the events for what changed.
 *
 * Sleep and clock jumps, from three clocks sampled at each check:
 * - wall (Clock.now): jumps when the clock is set; advances through sleep;
 * - monotonic (performance.now): never jumps; stops during sleep (CLOCK_MONOTONIC on Linux, mach time on macOS);
 * - boot (os.uptime): never jumps on Linux (CLOCK_BOOTTIME) and Windows (GetTickCount64); advances through sleep.
 * boot - monotonic growing means the computer slept ('resume'); wall - boot growing means the clock was set
 * ('clock-changed'). On macOS os.uptime() is derived from the wall clock, so a clock set forward there reads as
 * 'resume' and one set back as nothing — both lead the engine to re-plan all the same, and the zone/locale
 * checks do not depend on it. 'suspend', 'lock' and 'unlock' are never emitted here: they need an OS event
 * (Electron's powerMonitor provides them in the app).
 */
import { uptime as osUptime } from 'node:os';
import { performance } from 'node:perf_hooks';
import type { BusySignals } from '../../core/policy/index.js';
import type { Clock, Logger, SystemEvent, SystemSignals } from '../engine/ports.js';
import { detectBusy, type BusyOptions } from './busy.js';
import { readSystemLocale } from './locale.js';
import { detectRestartPending, type RestartPendingOptions, type RestartPendingReport } from './restart-pending.js';
import { readSystemZone, type ZoneSources } from './zone.js';

/** Differences between clocks below this are drift, scheduling delay or uptime rounding (macOS: whole seconds). */
export const CLOCK_JUMP_THRESHOLD_MS = 5_000;

export interface SystemSignalsOptions {
  clock?: Clock;
  /** Monotonic milliseconds; default performance.now. */
  monotonic?: () => number;
  /** Milliseconds since boot, counting sleep; default os.uptime() * 1000. */
  bootClock?: () => number;
  platform?: string;
  /** File-system root for /etc/localtime and /run/reboot-required; default "/". */
  root?: string;
  env?: NodeJS.ProcessEnv;
  zone?: Omit<ZoneSources, 'platform' | 'root' | 'env'>;
  restartPending?: Omit<RestartPendingOptions, 'platform' | 'root' | 'env'>;
  busy?: Omit<BusyOptions, 'platform' | 'env'>;
  logger?: Logger;
  thresholdMs?: number;
}

export interface NodeSystemSignals extends SystemSignals {
  /** Compare with the last check; emit and return what changed. Cheap: two small file reads, no processes. */
  check(): SystemEvent[];
  /** The last pending-restart report with its reasons (restartPending() only says yes or no). */
  lastRestartReport(): RestartPendingReport | null;
}

export function createSystemSignals(options: SystemSignalsOptions = {}): NodeSystemSignals {
  const clock = options.clock ?? { now: () => Date.now() };
  const monotonic = options.monotonic ?? (() => performance.now());
  const bootClock = options.bootClock ?? (() => osUptime() * 1000);
  const threshold = options.thresholdMs ?? CLOCK_JUMP_THRESHOLD_MS;
  const common = { platform: options.platform, root: options.root, env: options.env };
  const zone = () => readSystemZone({ ...options.zone, ...common });
  const locale = () => readSystemLocale({ platform: options.platform, env: options.env });
  const listeners = new Map<SystemEvent, Set<() => void>>();
  let report: RestartPendingReport | null = null;

  const sample = () => ({ wall: clock.now(), mono: monotonic(), boot: bootClock() });
  let last = { ...sample(), zone: zone(), locale: locale() };

  const emit = (event: SystemEvent) => {
    for (const listener of [...(listeners.get(event) ?? [])]) {
      try {
        listener();
      } catch (error) {
        // One listener's bug must not hide the event from the others (the scheduler among them).
        options.logger?.error('system signal listener threw', { event, error: String(error) });
      }
    }
  };

  return {
    zone,
    locale,
    lastBoot: () => Math.round((clock.now() - bootClock()) / 1000) * 1000,
    async restartPending() {
      report = await detectRestartPending({ ...options.restartPending, ...common });
      if (report.unknown.length > 0) options.logger?.debug('pending-restart probes without an answer', { unknown: report.unknown });
      return report.pending;
    },
    busy: (): Promise<BusySignals> => detectBusy({ ...options.busy, platform: options.platform, env: options.env }),
    lastRestartReport: () => report,
    on(event, listener) {
      let set = listeners.get(event);
      if (!set) listeners.set(event, (set = new Set()));
      set.add(listener);
      return () => void set.delete(listener);
    },
    check() {
      const now = { ...sample(), zone: zone(), locale: locale() };
      const events: SystemEvent[] = [];
      const dWall = now.wall - last.wall;
      const dMono = now.mono - last.mono;
      const dBoot = now.boot - last.boot;
      if (dBoot - dMono > threshold) events.push('resume');
      if (Math.abs(dWall - dBoot) > threshold) events.push('clock-changed');
      if (now.zone !== last.zone) events.push('zone-changed');
      if (now.locale !== last.locale) events.push('locale-changed');
      if (events.length > 0) options.logger?.info('system change seen', { events, zone: now.zone, locale: now.locale, dWall, dMono, dBoot });
      last = now;
      for (const e of events) emit(e);
      return events;
    },
  };
}
