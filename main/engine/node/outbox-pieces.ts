/** The outbox for the Node composition: main/engine/outbox with UUIDv7 ids on the engine's clock. */
import { uuidv7Generator } from '../ids.js';
import { Outbox } from '../outbox/outbox.js';
import type { Clock, Logger, Store } from '../ports.js';
import type { PersistedState } from '../state/types.js';

export function createOutbox(options: { store: Store<PersistedState>; clock: Clock; logger: Logger }): Outbox {
  return new Outbox({ store: options.store, clock: options.clock, logger: options.logger, ids: uuidv7Generator(options.clock) });
}

