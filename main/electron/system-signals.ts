/**
 * SystemSignals in the app: the Node signals (zone, locale, busy, pending restart, last boot, clock jumps — see
 * main/platform/system-signals.ts) plus what only Electron hears from the OS: powerMonitor's suspend, resume,
 * lock-screen and unlock-screen, fed to the engine as 'suspend', 'resume', 'lock' and 'unlock'. A resume may
 * also be seen by the Node check() on the next wake-up; the engine re-plans twice then, which is harmless.
 */
import { powerMonitor } from 'electron';
import type { Clock, Logger, SystemEvent, SystemSignals } from '../engine/ports.js';
import { createSystemSignals, type NodeSystemSignals } from '../platform/system-signals.js';

/** powerMonitor event -> the engine's SystemEvent. */
export const POWER_EVENTS = {
  suspend: 'suspend',
  resume: 'resume',
  'lock-screen': 'lock',
  'unlock-screen': 'unlock',
} as const satisfies Record<string, SystemEvent>;

export interface ElectronSignals extends SystemSignals {
  check(): void;
  /** Removes the powerMonitor listeners (app quit). */
  dispose(): void;
}

export function createElectronSignals(options: { clock: Clock; logger: Logger; base?: NodeSystemSignals }): ElectronSignals {
  const base = options.base ?? createSystemSignals({ clock: options.clock, logger: options.logger });
  const own = new Map<SystemEvent, Set<() => void>>();
  const emit = (event: SystemEvent) => {
    for (const listener of [...(own.get(event) ?? [])]) {
      try {
        listener();
      } catch (error) {
        options.logger.error('system signal listener threw', { event, error: String(error) });
      }
    }
  };
  const bound: Array<[string, () => void]> = [];
  for (const [from, to] of Object.entries(POWER_EVENTS)) {
    const handler = () => {
      options.logger.info('power event', { event: from });
      emit(to);
    };
    // powerMonitor's typed overloads do not accept a computed name; these four are all documented events.
    (powerMonitor as unknown as NodeJS.EventEmitter).on(from, handler);
    bound.push([from, handler]);
  }
  return {
    zone: () => base.zone(),
    locale: () => base.locale(),
    busy: () => base.busy(),
    restartPending: () => base.restartPending(),
    lastBoot: () => base.lastBoot(),
    check: () => void base.check(),
    on(event, listener) {
      const offBase = base.on(event, listener);
      let set = own.get(event);
      if (!set) own.set(event, (set = new Set()));
      set.add(listener);
      return () => {
        offBase();
        set.delete(listener);
      };
    },
    dispose() {
      for (const [from, handler] of bound.splice(0)) (powerMonitor as unknown as NodeJS.EventEmitter).off(from, handler);
    },
  };
}
