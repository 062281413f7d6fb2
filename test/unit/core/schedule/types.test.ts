/** The exported types say what the validated schedule holds (checked by tsc; the runtime part is trivial). */
import { describe, expectTypeOf, it } from 'vitest';
import type {
  Audience, DeferralPolicy, Maintenance, MaintenanceKind, RestartPolicy, Schedule, ScheduleInput, ScheduleResult, Severity,
  WindowSpec,
} from '../../../../core/schedule/index.js';

describe('exported types', () => {
  it('describe the output with defaults applied', () => {
    expectTypeOf<Schedule['maintenances']>().toEqualTypeOf<Maintenance[]>();
    expectTypeOf<Maintenance['kind']>().toEqualTypeOf<MaintenanceKind>();
    expectTypeOf<Maintenance['severity']>().toEqualTypeOf<Severity>();
    expectTypeOf<Maintenance['window']>().toEqualTypeOf<WindowSpec>();
    expectTypeOf<Maintenance['restart']>().toEqualTypeOf<RestartPolicy>();
    expectTypeOf<Maintenance['audience']>().toEqualTypeOf<Audience>();
    expectTypeOf<RestartPolicy['deferrals']>().toEqualTypeOf<DeferralPolicy>();
    expectTypeOf<Maintenance['notices']['offsets']>().toEqualTypeOf<number[]>();
    expectTypeOf<Maintenance['steps']>().toEqualTypeOf<string[]>();
    expectTypeOf<Maintenance['summary']>().toEqualTypeOf<string | undefined>();
    expectTypeOf<Schedule['version']>().toEqualTypeOf<number>();
    expectTypeOf<Schedule['expires']>().toEqualTypeOf<string>();
  });

  it('describe the input as IT writes it: durations as text, most fields optional', () => {
    type InputMaintenance = NonNullable<ScheduleInput['maintenances']>[number];
    expectTypeOf<NonNullable<NonNullable<InputMaintenance['restart']>['grace']>>().toEqualTypeOf<string>();
    expectTypeOf<InputMaintenance['severity']>().toEqualTypeOf<Severity | undefined>();
    expectTypeOf<ScheduleInput['format']>().toEqualTypeOf<1>();
  });

  it('make the result a union on ok', () => {
    expectTypeOf<Extract<ScheduleResult, { ok: true }>['document']>().toEqualTypeOf<unknown>();
  });
});
