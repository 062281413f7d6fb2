// Property-based: random schedules, computers and histories (sleep, busy, zone changes, restarts pending, user
// choices taken from what was offered). Whatever happens, the invariants of docs/policy.md hold at every plan.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  acknowledge, defer, markPromptShown, markShown, pickRestartTime, plan, POLICY_DEFAULTS, recordPlan, resolveTimes,
  type AgentState, type BusySignals, type DeviceContext, type Plan,
} from '../../../../core/policy/index.js';
import { formatDuration, validateSchedule, type Maintenance, type Schedule } from '../../../../core/schedule/index.js';
import { DAY, HOUR, MINUTE, t } from './helpers.js';

const SEED = 20_261_208;
const RUNS = 300;
const ZONES = ['Europe/Paris', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham', 'Australia/Lord_Howe', 'UTC'];
// Around both DST changes of 2026 and an ordinary month.
const BASES = [t('2026-03-04T00:00:00Z'), t('2026-10-21T00:00:00Z'), t('2026-12-01T00:00:00Z')];
const KINDS = ['routine-patch', 'routine-patch', 'routine-patch', 'critical-patch', 'critical-patch', 'incident', 'outage', 'information'] as const;
const OFFSETS = ['7d', '1d', '4h', '1h', '15m', '0s'];
const OPTIONS = [600, 3600, 14_400, 86_400];
const BUSY_FLAGS = ['fullscreen', 'presenting', 'camera', 'microphone', 'screenSharing', 'doNotDisturb'] as const;

const wallText = (ms: number) => new Date(ms).toISOString().slice(0, 16);
const instantText = (ms: number) => `${new Date(ms).toISOString().slice(0, 19)}Z`;

const maintenanceArb = (index: number) => fc.record({
  kind: fc.constantFrom(...KINDS),
  critical: fc.boolean(),
  local: fc.boolean(),
  startMinutes: fc.integer({ min: 0, max: 4 * 24 * 60 }),
  durationMinutes: fc.integer({ min: 15, max: 600 }),
  deadlineMinutes: fc.integer({ min: 0, max: 5 * 24 * 60 }),
  graceMinutes: fc.integer({ min: 15, max: 2 * 24 * 60 }),
  max: fc.integer({ min: 0, max: 4 }),
  options: fc.subarray(OPTIONS),
  latestPickHours: fc.integer({ min: 24, max: 96 }),
  countdownMinutes: fc.integer({ min: 1, max: 10 }),
  offsets: fc.subarray(OFFSETS, { minLength: 1 }),
  audience: fc.constantFrom('all', 'group', 'tag'),
}).map((r) => ({ ...r, id: `m${index}` }));

const scheduleArb = fc.tuple(fc.constantFrom(...BASES), fc.array(fc.nat(), { minLength: 1, maxLength: 4 }))
  .chain(([base, ids]) => fc.tuple(fc.constant(base), fc.tuple(...ids.map((_, i) => maintenanceArb(i)))))
  .map(([base, specs]) => {
    const maintenances = specs.map((s) => {
      const start = base + s.startMinutes * MINUTE;
      const end = start + s.durationMinutes * MINUTE;
      const text = s.local ? wallText : instantText;
      const patch = s.kind === 'routine-patch' || s.kind === 'critical-patch';
      return {
        id: s.id, kind: s.kind, title: `Maintenance ${s.id}`, ...(s.critical ? { severity: 'critical' } : {}),
        audience: s.audience === 'all' ? { all: true } : s.audience === 'group' ? { groups: ['g'] } : { tags: ['t'] },
        window: { start: text(start), end: text(end) },
        notices: { offsets: s.offsets },
        ...(patch ? {
          restart: {
            deadline: formatDuration(s.deadlineMinutes * 60), grace: formatDuration(s.graceMinutes * 60),
            finalCountdown: formatDuration(s.countdownMinutes * 60),
            deferrals: { max: s.max, options: s.options.map((o) => formatDuration(o)), latestPick: formatDuration(s.latestPickHours * 3600) },
          },
        } : {}),
      };
    });
    const result = validateSchedule({ format: 1, fleet: 'f', version: 1, issued: '2026-01-01T00:00:00Z', expires: '2028-01-01T00:00:00Z', maintenances });
    if (!result.ok) throw new Error(JSON.stringify(result.issues));
    return { base, schedule: result.schedule };
  });

const stepArb = fc.record({
  advance: fc.oneof(
    { weight: 6, arbitrary: fc.constant<'wake'>('wake') },
    { weight: 3, arbitrary: fc.integer({ min: 1, max: 180 }).map((m) => ({ minutes: m })) },
    { weight: 2, arbitrary: fc.integer({ min: 1, max: 48 }).map((h) => ({ minutes: h * 60 })) },
    { weight: 1, arbitrary: fc.integer({ min: 1, max: 20 }).map((d) => ({ sleepDays: d })) },
    // Straight to a little before the forced restart (if there is one), where warnings and the countdown live.
    { weight: 2, arbitrary: fc.integer({ min: 0, max: 90 }).map((m) => ({ beforeForced: m })) },
  ),
  busy: fc.oneof(
    { weight: 3, arbitrary: fc.constant<string[]>([]) },
    { weight: 1, arbitrary: fc.subarray<string>([...BUSY_FLAGS], { minLength: 1 }) },
  ),
  choice: fc.option(fc.nat(), { nil: undefined, freq: 2 }),
  pickFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  rogueSeconds: fc.option(fc.constantFrom(1, 7200, 3 * 86_400, 30 * 86_400), { nil: undefined }),
  osPending: fc.boolean(),
  zone: fc.option(fc.constantFrom(...ZONES), { nil: undefined, freq: 8 }),
  ack: fc.boolean(),
});

const historyArb = fc.record({
  zone: fc.constantFrom(...ZONES),
  groups: fc.constantFrom<string[]>([], ['g']),
  tags: fc.constantFrom<string[]>([], ['t']),
  startBefore: fc.integer({ min: 0, max: 24 * 60 }),
  steps: fc.array(stepArb, { minLength: 10, maxLength: 60, size: 'max' }),
});

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const applies = (m: Maintenance, d: DeviceContext) =>
  m.audience.all || d.groups.some((g) => m.audience.groups.includes(g)) || d.tags.some((x) => m.audience.tags.includes(x));

/** The hour of the day on the zone's clock at an instant (Intl directly, not core/time). */
const hourFormats = new Map<string, Intl.DateTimeFormat>();
function hourIn(instant: number, zone: string): number {
  let f = hourFormats.get(zone);
  if (f === undefined) hourFormats.set(zone, f = new Intl.DateTimeFormat('en-US', { timeZone: zone, hourCycle: 'h23', hour: 'numeric' }));
  return Number(f.format(instant)) % 24;
}

/**
 * The oracle's grace start with the default active hours (08:00-18:00): the instant itself when its clock reads
 * 08:00-17:59, else the first instant after it whose clock reads 08:00 or later (searched minute by minute,
 * independently of core/policy's wall-clock arithmetic; a spring-forward gap over 08:00 lands on its far side).
 */
function nextActiveStart(since: number, zone: string): number {
  const hour = hourIn(since, zone);
  if (hour >= 8 && hour < 18) return since;
  // Every zone in ZONES offsets by whole quarter hours, so 08:00 falls on a whole minute of UTC.
  let at = Math.floor(since / MINUTE) * MINUTE + MINUTE;
  while (hourIn(at, zone) < 8 || hourIn(at, zone) >= 18) at += MINUTE;
  return at;
}

interface Open {
  m: Maintenance;
  critical: boolean;
  pendingSince: number;
  scheduleDeadline: number;
  effective: number;
  forced: number;
  picked?: number;
  countdownFrom: number;
}

/** The oracle: open restarts computed straight from the rules, independently of plan()'s code. */
function openRestarts(schedule: Schedule, d: DeviceContext, state: AgentState, p: Plan, now: number): Open[] {
  const out: Open[] = [];
  for (const m of schedule.maintenances) {
    if (!m.restart.required || !applies(m, d)) continue;
    const s = state.maintenances[m.id];
    const pendingSince = s?.pendingSince ?? p.remember.find((r) => r.maintenance === m.id)?.pendingSince;
    if (pendingSince === undefined || s?.completedAt !== undefined || d.lastBoot > pendingSince) continue;
    const times = resolveTimes(m, d.zone);
    const critical = m.kind === 'critical-patch' || m.severity === 'critical';
    const graceFrom = critical ? pendingSince : nextActiveStart(pendingSince, d.zone);
    const effective = Math.max(times.deadline, graceFrom + m.restart.grace * 1000);
    const picked = s?.pickedRestartAt;
    const forced = picked === undefined ? effective : Math.min(picked, effective);
    const countdownFrom = forced - Math.max(m.restart.finalCountdown, 60) * 1000;
    out.push({ m, critical, pendingSince, scheduleDeadline: times.deadline, effective, forced, countdownFrom, ...(picked === undefined ? {} : { picked }) });
  }
  void now;
  return out;
}

describe('plan() over random histories (property)', () => {
  it(`keeps its invariants at every step (${RUNS} runs)`, () => {
    // How often the histories reached each situation: a generator that stopped reaching them would make the
    // invariants pass for nothing, so the counts are checked too.
    const reached: Record<string, number> = {};
    const saw = (what: string, yes = true) => { if (yes) reached[what] = (reached[what] ?? 0) + 1; };
    fc.assert(fc.property(scheduleArb, historyArb, ({ base, schedule }, h) => {
      let now = base - h.startBefore * MINUTE;
      let state: AgentState = { maintenances: {} };
      let lastBoot = base - 30 * DAY;
      let zone = h.zone;
      let osPending = false;
      const shownEver = new Set<string>();
      const maxSleep = POLICY_DEFAULTS.maxSleep * 1000;
      deepFreeze(schedule);

      for (const step of h.steps) {
        const busy: BusySignals = Object.fromEntries(step.busy.map((f) => [f, true]));
        const d: DeviceContext = deepFreeze({ zone, locale: 'en', groups: h.groups, tags: h.tags, busy, restartPending: osPending, lastBoot });
        deepFreeze(state);
        const p = plan(schedule, d, state, now);

        // Deterministic, and the inputs were not changed (they are frozen: a write would have thrown).
        expect(plan(structuredClone(schedule), structuredClone(d), structuredClone(state), now)).toEqual(p);
        // Wakes up later, not too late, and never after the forced restart or its countdown.
        expect(p.nextWake).toBeGreaterThan(now);
        expect(p.nextWake).toBeLessThanOrEqual(now + maxSleep);
        expect(Number.isFinite(p.nextWake)).toBe(true);

        const open = openRestarts(schedule, d, state, p, now);
        saw('open restart', open.length > 0);
        saw('busy', step.busy.length > 0);
        saw('countdown', p.countdown !== undefined);
        saw('overdue', p.status === 'overdue');
        for (const n of p.notices) saw(n.kind);
        // The forced restart is the effective deadline (max(deadline, grace start + grace)) or an earlier picked
        // time; the grace start is pendingSince, or the next 08:00 for a routine restart pending outside 08:00-18:00.
        const expectedForced = open.length === 0 ? undefined : Math.min(...open.map((o) => o.forced));
        expect(p.forcedRestartAt).toBe(expectedForced);
        for (const o of open) {
          expect(o.forced === o.picked || o.forced >= o.pendingSince + o.m.restart.grace * 1000).toBe(true);
          saw('grace from active hours', o.effective > Math.max(o.scheduleDeadline, o.pendingSince + o.m.restart.grace * 1000));
          expect(o.forced === o.picked || o.forced >= o.scheduleDeadline).toBe(true);
          if (o.countdownFrom > now) expect(p.nextWake).toBeLessThanOrEqual(o.countdownFrom);
          if (o.forced > now) expect(p.nextWake).toBeLessThanOrEqual(o.forced);
        }
        // Busy or not, the countdown runs once its time has come.
        const counting = open.filter((o) => now >= o.countdownFrom);
        if (counting.length > 0) {
          expect(p.countdown?.restartAt).toBe(Math.min(...counting.map((o) => o.forced)));
          expect(p.prompt?.dismissible).toBe(false);
        } else {
          expect(p.countdown).toBeUndefined();
        }
        // Overdue exactly when a schedule deadline has passed with the restart still open.
        expect(p.status === 'overdue').toBe(open.some((o) => now >= o.scheduleDeadline));
        if (open.length > 0) expect(['overdue', 'restart-pending']).toContain(p.status);

        // The prompt offers only what the rules allow.
        if (p.prompt) {
          const o = open.find((x) => x.m.id === p.prompt!.maintenance)!;
          expect(o).toBeDefined();
          // Quiet hours (22:00-07:00 on the computer's clock) hold a non-critical prompt, except within
          // busyHoldLimit (1 h) of the effective deadline; the countdown is never held.
          const hour = hourIn(now, d.zone);
          const night = hour >= 22 || hour < 7;
          if (night && p.prompt.dismissible && !o.critical) expect(now).toBeGreaterThanOrEqual(o.effective - HOUR);
          saw('prompt at night', night && p.prompt.dismissible);
          const used = state.maintenances[o.m.id]?.deferrals.count ?? 0;
          expect(used).toBeLessThanOrEqual(o.m.restart.deferrals.max);
          expect(p.prompt.deferralsLeft).toBe(o.m.restart.deferrals.max - used);
          expect(p.prompt.deadline).toBe(o.forced);
          expect(p.prompt.choices[0]).toEqual({ kind: 'restart-now' });
          for (const c of p.prompt.choices) {
            if (c.kind === 'defer') {
              expect(used).toBeLessThan(o.m.restart.deferrals.max);
              expect(o.m.restart.deferrals.options).toContain(c.seconds);
              expect(c.until).toBeLessThanOrEqual(o.effective);
              if (o.effective - now <= DAY) expect(c.seconds).toBeLessThan(86_400);
              if (o.effective - now <= HOUR) expect(c.seconds).toBeLessThanOrEqual(900);
            }
            if (c.kind === 'pick-time') {
              expect(c.latest).toBeLessThanOrEqual(o.effective);
              expect(c.latest).toBeLessThanOrEqual(o.pendingSince + o.m.restart.deferrals.latestPick * 1000);
              expect(c.earliest).toBe(now + 5 * MINUTE);
            }
          }
        }

        // Each notice id is shown at most once over the whole history, catch-ups and superseded ones included.
        const perMaintenance = new Map<string, number>();
        for (const n of p.notices) {
          expect(n.at).toBeLessThanOrEqual(now);
          for (const id of [n.id, ...(n.supersedes ?? [])]) {
            expect(shownEver.has(id), `${id} again`).toBe(false);
            shownEver.add(id);
          }
          if (n.kind !== 'forced-warning') perMaintenance.set(n.maintenance, (perMaintenance.get(n.maintenance) ?? 0) + 1);
        }
        for (const count of perMaintenance.values()) expect(count).toBe(1);
        // Never a stale notice: an advance notice only while it is the latest one due; a notice that came due
        // while the agent was not running, and long ago, only through a catch-up.
        const lastPlannedAt = state.lastPlannedAt ?? -Infinity;
        for (const n of p.notices) {
          if (n.kind === 'advance') {
            const offset = Number(n.id.split(':').at(-1)) * 1000;
            const m = schedule.maintenances.find((x) => x.id === n.maintenance)!;
            const next = m.notices.offsets.find((o) => o * 1000 < offset) ?? 0;
            expect(n.facts.start - now).toBeLessThanOrEqual(offset);
            expect(n.facts.start - now).toBeGreaterThan(next * 1000);
          }
          if (n.kind !== 'catch-up' && n.kind !== 'forced-warning' && n.at > lastPlannedAt) {
            expect(now - n.at).toBeLessThanOrEqual(POLICY_DEFAULTS.catchUpAfter * 1000);
          }
        }

        state = recordPlan(state, p, now);
        state = markShown(state, p.notices, now);
        // The engine may sleep until nextWake: with what it recorded, waking any earlier would show nothing new.
        const asleep = p.prompt?.dismissible ? markPromptShown(state, p.prompt.maintenance, now) : state;
        for (const probe of [now + 1 + Math.floor(step.pickFraction * (p.nextWake - now - 1)), p.nextWake - 1]) {
          if (probe <= now) continue;
          const q = plan(schedule, d, asleep, probe);
          expect(q.notices, `notice before nextWake at ${probe - now} ms`).toEqual([]);
          expect(q.remember).toEqual([]);
          expect([q.status, q.focus, q.forcedRestartAt, q.countdown]).toEqual([p.status, p.focus, p.forcedRestartAt, p.countdown]);
          expect(q.prompt === undefined || p.countdown !== undefined).toBe(true);
        }
        if (step.ack) for (const n of p.notices) if (n.facts.acknowledgementNeeded) state = acknowledge(state, n.maintenance, now);

        const restart = () => {
          lastBoot = now + MINUTE;
          now = lastBoot + 30_000;
          osPending = false;
        };
        if (p.countdown && p.countdown.restartAt <= now) {
          // The engine restarts now: never before the effective deadline unless the person picked this time.
          const o = open.find((x) => x.m.id === p.countdown!.maintenance)!;
          expect(p.countdown.restartAt === o.picked || p.countdown.restartAt >= o.effective).toBe(true);
          saw('forced restart');
          restart();
          continue;
        }
        if (p.prompt?.dismissible) {
          const id = p.prompt.maintenance;
          const max = schedule.maintenances.find((m) => m.id === id)!.restart.deferrals.max;
          if (step.rogueSeconds !== undefined && !p.prompt.choices.some((c) => c.kind === 'defer' && c.seconds === step.rogueSeconds)) {
            // A choice that was not offered is refused, and changes nothing.
            expect(defer(state, schedule, d, id, { kind: 'defer', seconds: step.rogueSeconds }, now).ok).toBe(false);
          }
          state = markPromptShown(state, id, now);
          const choice = step.choice === undefined ? undefined : p.prompt.choices[step.choice % p.prompt.choices.length];
          if (choice?.kind === 'restart-now') {
            restart();
            continue;
          }
          if (choice?.kind === 'defer') {
            const r = defer(state, schedule, d, id, { kind: 'defer', seconds: choice.seconds }, now);
            expect(r.ok).toBe(true);
            if (r.ok) {
              saw('deferred');
              state = r.state;
              const entry = state.maintenances[id]!;
              expect(entry.deferrals.count).toBeLessThanOrEqual(max);
              expect(entry.deferrals.until).toBeLessThanOrEqual(open.find((o) => o.m.id === id)!.effective);
            }
          }
          if (choice?.kind === 'pick-time') {
            const at = Math.round(choice.earliest + step.pickFraction * (choice.latest - choice.earliest));
            const r = pickRestartTime(state, schedule, d, id, at, now);
            expect(r.ok).toBe(true);
            if (r.ok) state = r.state;
            saw('picked', r.ok);
          }
        }

        if (step.advance === 'wake') now = p.nextWake;
        else if ('beforeForced' in step.advance) {
          const target = p.forcedRestartAt === undefined ? p.nextWake : p.forcedRestartAt - step.advance.beforeForced * MINUTE;
          now = Math.max(now + 1, target);
        } else if ('minutes' in step.advance) now += step.advance.minutes * MINUTE;
        else now += step.advance.sleepDays * DAY;
        if (step.zone !== undefined) zone = step.zone;
        osPending = step.osPending;
      }
    }), { seed: SEED, numRuns: RUNS });
    expect(reached).toMatchObject({
      'open restart': expect.toSatisfy((n: number) => n >= 300), 'countdown': expect.toSatisfy((n: number) => n >= 50),
      'forced restart': expect.toSatisfy((n: number) => n >= 50), 'deferred': expect.toSatisfy((n: number) => n >= 20),
      'picked': expect.toSatisfy((n: number) => n >= 10), 'catch-up': expect.toSatisfy((n: number) => n >= 100),
      'forced-warning': expect.toSatisfy((n: number) => n >= 20), 'overdue': expect.toSatisfy((n: number) => n >= 50),
      'busy': expect.toSatisfy((n: number) => n >= 500),
      'grace from active hours': expect.toSatisfy((n: number) => n >= 50),
      'prompt at night': expect.toSatisfy((n: number) => n >= 20),
    });
  });

  it('plan() is deterministic and never returns a nextWake <= now, for any instant (property)', () => {
    const schedule = validateSchedule({
      format: 1, fleet: 'f', version: 1, issued: '2026-01-01T00:00:00Z', expires: '2028-01-01T00:00:00Z',
      maintenances: [
        { id: 'a', kind: 'routine-patch', title: 'A', window: { start: '2026-03-08T02:30', end: '2026-03-08T04:00' } },
        { id: 'b', kind: 'incident', title: 'B', window: { start: '2026-03-01T00:00:00Z', end: '2026-04-01T00:00:00Z' } },
      ],
    });
    if (!schedule.ok) throw new Error('invalid');
    fc.assert(fc.property(
      fc.integer({ min: t('2026-02-01T00:00:00Z'), max: t('2026-05-01T00:00:00Z') }), fc.constantFrom(...ZONES),
      fc.option(fc.integer({ min: t('2026-02-01T00:00:00Z'), max: t('2026-05-01T00:00:00Z') }), { nil: undefined }),
      (now, zone, pendingSince) => {
        const d: DeviceContext = { zone, locale: 'en', groups: [], tags: [], busy: {}, restartPending: false, lastBoot: 0 };
        const state: AgentState = { maintenances: pendingSince === undefined ? {} : { a: { noticesShown: [], deferrals: { count: 0 }, pendingSince } } };
        const p = plan(schedule.schedule, d, state, now);
        expect(p.nextWake).toBeGreaterThan(now);
        expect(plan(schedule.schedule, d, state, now)).toEqual(p);
      },
    ), { seed: SEED + 1, numRuns: RUNS });
  });
});
