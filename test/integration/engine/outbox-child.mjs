// The kill -9 test's child (outbox-kill.test.ts): opens the agent's state store from the BUILT code (dist/),
// prints "ready", then adds events as fast as it can, printing each id only after add() returned. The parent
// SIGKILLs it at a random moment. Arguments: <dist folder> <state folder>.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';

const [dist, stateDir] = process.argv.slice(2);
const load = (path) => import(pathToFileURL(join(dist, path)).href);
const { openConfStore } = await load('main/engine/state/conf-store.js');
const { Outbox } = await load('main/engine/outbox/outbox.js');
const { uuidv7Generator } = await load('main/engine/ids.js');

const clock = { now: () => Date.now() };
const opened = openConfStore({ cwd: stateDir, clock });
if (!opened.ok) {
  process.stdout.write(`refused ${opened.refusal.message}\n`);
  process.exit(3);
}
const outbox = new Outbox({ store: opened.store, ids: uuidv7Generator(clock), clock });
// stdout to a pipe is synchronous on Linux: a line printed is a line the parent gets, even if killed next.
process.stdout.write(`ready ${opened.recovered ? `recovered ${opened.recovered.reason}` : ''}\n`);
const kinds = [
  { type: 'acknowledged', maintenance: '2026-12-patch' },
  { type: 'deferred', maintenance: '2026-12-patch', choice: '1h', until: '2026-12-01T10:00:00Z' },
  { type: 'restart-started', maintenance: '2026-12-patch' },
  { type: 'feedback', text: 'restarted during a call' },
];
for (let i = 0; ; i++) {
  const event = outbox.add(kinds[i % kinds.length]);
  process.stdout.write(`added ${event.id}\n`);
}
