import { formatRejection, verifySchedule, type Rejection } from '../../core/trust/index.js';
import { opt, type Command } from '../command.js';
import { common } from '../options.js';
import { nowFrom } from '../expiry.js';
import { readInput } from '../files.js';
import { openState } from '../verify-state.js';
import { resolveRoot } from '../trust.js';

export const verify: Command = {
  name: 'verify',
  summary: 'Check a signed schedule exactly as an agent does: signatures, thresholds, expiry, fleet, version.',
  usage: 'forewarn verify SCHEDULE.signed.json --root root.json [--root-chain 2.root.json …] [--state DIR] [--now ISO] [--json]',
  details: [
    'Accepted: exit 0 and a one-line summary. Refused: exit 1 and one line "rejected: <reason>: <detail>".',
    'With --state DIR it remembers, as an agent does, the highest accepted version, its bytes and the newest',
    'root, so a rollback or a second, different schedule under the same version is caught across calls.',
  ],
  options: {
    root: { type: 'string', value: 'FILE', help: 'the pinned root of trust (a signed root document)' },
    'root-chain': { type: 'string', multiple: true, value: 'FILE', help: 'newer root documents to follow, oldest first' },
    state: { type: 'string', value: 'DIR', help: 'remember what was accepted in DIR, as an agent does' },
    fleet: { type: 'string', value: 'ID', help: 'the fleet this device belongs to (default: the root’s fleet)' },
    now: common.now,
    json: common.json,
  },
  positionals: { min: 1, max: 1 },
  async run(inv) {
    const file = inv.positionals[0]!;
    const rootFile = opt.required(inv, 'root');
    const now = nowFrom(opt.string(inv, 'now'), inv.now);
    const stateDir = opt.string(inv, 'state');
    const fleet = opt.string(inv, 'fleet');
    const json = opt.flag(inv, 'json');
    const bytes = readInput(file, 'signed schedule');
    const state = stateDir ? openState(stateDir) : undefined;

    const refuse = (r: Rejection): number => {
      if (json) inv.io.out(JSON.stringify({ accepted: false, reason: r.reason, detail: r.detail, ...(r.issues ? { issues: r.issues } : {}) }));
      else inv.io.out(formatRejection(r));
      return 1;
    };

    // Roots followed earlier are kept with the state, so a rotation is never undone.
    const rooted = resolveRoot(rootFile, opt.list(inv, 'root-chain'), now, state?.rootChain());
    if (!rooted.ok) return refuse(rooted);
    const result = verifySchedule(bytes, { root: rooted.root, now, state: state?.last(rooted.root) ?? null, ...(fleet ? { fleet } : {}) });
    if (!result.ok) return refuse(result);
    state?.remember(result, bytes, rooted.root, rooted.chain);

    const s = result.schedule;
    const summary = {
      accepted: true, unchanged: result.unchanged, fleet: s.fleet, version: s.version, expires: s.expires,
      maintenances: s.maintenances.length, signedBy: result.keyids, root: rooted.root.version,
    };
    if (json) inv.io.out(JSON.stringify(summary));
    else {
      inv.io.out(`accepted: ${s.fleet} version ${s.version}${result.unchanged ? ' (unchanged)' : ''}, ${summary.maintenances} maintenance${summary.maintenances === 1 ? '' : 's'}, `
        + `signed by ${result.keyids.length} of root ${rooted.root.version}'s schedule keys, expires ${s.expires}`);
    }
    return 0;
  },
};
