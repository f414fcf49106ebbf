import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import { createBusinessCalendar } from './business-calendar.js';
import {
  computeSlaTimers,
  DEFAULT_SLA_POLICY,
  ESCALATION_LEVELS,
  escalationLevelFor,
  escalationSchedule,
  validateSlaPolicy,
  type SlaHistoryEntry,
  type SlaPolicy,
  type SlaTimer,
} from './sla.js';

const calendar = createBusinessCalendar();
/** Shanghai wall clock → ISO instant. */
const sh = (local: string): string => new Date(`${local}:00+08:00`).toISOString();
const entry = (event: SlaHistoryEntry['event'], local: string, appointment?: SlaHistoryEntry['appointment']) =>
  appointment ? { event, at: sh(local), appointment } : { event, at: sh(local) };
const timersAt = (history: SlaHistoryEntry[], local: string): Record<string, SlaTimer> =>
  Object.fromEntries(computeSlaTimers(history, DEFAULT_SLA_POLICY, calendar, sh(local)).map((t) => [t.kind, t]));

describe('SLA timers', () => {
  it('meets the response SLA when accepted within 30 business minutes, and waits for the booked slot to arrive', () => {
    const history = [
      entry('report', '2026-03-10T09:00', { date: '2026-03-10', slot: 'afternoon' }),
      entry('assign', '2026-03-10T09:05'),
      entry('accept', '2026-03-10T09:20'),
    ];
    const t = timersAt(history, '2026-03-10T10:00');
    assert.deepEqual(t.response, {
      kind: 'response',
      startedAt: sh('2026-03-10T09:05'),
      dueAt: sh('2026-03-10T09:35'),
      remainingMinutes: 15,
      paused: false,
      stoppedAt: sh('2026-03-10T09:20'),
      met: true,
      state: 'met',
    });
    assert.equal(t.arrival!.startedAt, sh('2026-03-10T12:00'));
    assert.equal(t.arrival!.dueAt, sh('2026-03-10T16:00'));
    assert.equal(t.arrival!.state, 'running');
    assert.equal(t.resolution!.remainingMinutes, 2340 - 60);
  });

  it('only starts the response timer on assignment', () => {
    const t = timersAt([entry('report', '2026-03-10T09:00')], '2026-03-10T09:30');
    assert.deepEqual(Object.keys(t), ['resolution']);
  });

  it('breaches across a night and escalates dispatcher → outlet manager → brand', () => {
    const history = [entry('report', '2026-03-10T20:40'), entry('assign', '2026-03-10T20:45')];
    const response = timersAt(history, '2026-03-11T09:00').response!;
    assert.equal(response.breachedAt, sh('2026-03-11T08:15'));
    assert.equal(response.dueAt, sh('2026-03-11T08:15'));
    assert.equal(response.remainingMinutes, -45);
    assert.equal(response.state, 'breached');
    assert.equal(response.met, undefined);
    for (const [local, level] of [
      ['2026-03-11T08:14', null],
      ['2026-03-11T08:15', 'dispatcher'],
      ['2026-03-11T09:14', 'dispatcher'],
      ['2026-03-11T09:15', 'outlet_manager'],
      ['2026-03-11T11:14', 'outlet_manager'],
      ['2026-03-11T11:15', 'brand'],
      ['2026-03-12T11:15', 'brand'],
    ] as const)
      assert.equal(escalationLevelFor(response, sh(local)), level, local);
    // Not breached yet at 20:59 the evening before: 16 minutes left, due next morning.
    const before = timersAt(history, '2026-03-10T20:59').response!;
    assert.equal(before.remainingMinutes, 16);
    assert.equal(before.dueAt, sh('2026-03-11T08:15'));
    assert.equal(escalationLevelFor(before, sh('2026-03-10T20:59')), null);
  });

  it('counts a late acceptance as breached, not met, and stops escalating when it comes', () => {
    const history = [
      entry('report', '2026-03-10T09:00'),
      entry('assign', '2026-03-10T09:00'),
      entry('call_customer', '2026-03-10T11:00'),
    ];
    const response = timersAt(history, '2026-03-10T18:00').response!;
    assert.equal(response.met, false);
    assert.equal(response.state, 'breached');
    assert.equal(response.breachedAt, sh('2026-03-10T09:30'));
    assert.equal(escalationLevelFor(response, sh('2026-03-10T18:00')), 'outlet_manager');
  });

  it('runs over 国庆 2026 without counting the holiday', () => {
    const history = [entry('report', '2026-09-30T20:40'), entry('assign', '2026-09-30T20:50')];
    const response = timersAt(history, '2026-10-05T12:00').response!;
    assert.equal(response.remainingMinutes, 20);
    assert.equal(response.dueAt, sh('2026-10-08T08:20'));
    assert.equal(response.state, 'running');
  });

  it('counts the 春节 make-up Saturday as business time', () => {
    const history = [entry('report', '2026-02-13T20:40'), entry('assign', '2026-02-13T20:50')];
    assert.equal(timersAt(history, '2026-02-14T08:30').response!.breachedAt, sh('2026-02-14T08:20'));
  });

  describe('pauses while waiting for parts and until the rescheduled day', () => {
    const visit1 = [
      entry('report', '2026-03-10T09:00', { date: '2026-03-10', slot: 'morning' }),
      entry('assign', '2026-03-10T09:00'),
      entry('accept', '2026-03-10T09:10'),
      entry('depart', '2026-03-10T09:30'),
      entry('arrive', '2026-03-10T10:00'),
      entry('parts_needed', '2026-03-10T10:30'),
    ];
    const rescheduled = [...visit1, entry('reschedule', '2026-03-12T10:00', { date: '2026-03-14', slot: 'morning' })];
    const done = [
      ...rescheduled,
      entry('depart', '2026-03-16T08:30'),
      entry('arrive', '2026-03-16T09:00'),
      entry('complete', '2026-03-16T10:00'),
    ];

    it('pauses with no due time while parts are awaited', () => {
      const resolution = timersAt(visit1, '2026-03-11T12:00').resolution!;
      assert.equal(resolution.paused, true);
      assert.equal(resolution.state, 'paused');
      assert.equal(resolution.dueAt, null);
      assert.equal(resolution.remainingMinutes, 2340 - 90);
    });

    it("stays paused until the new appointment's first working day, with a due time from then", () => {
      // Appointment on Saturday 14 March: the next working day is Monday 16 March, 08:00.
      const resolution = timersAt(rescheduled, '2026-03-13T12:00').resolution!;
      assert.equal(resolution.paused, true);
      assert.equal(resolution.remainingMinutes, 2250);
      assert.equal(resolution.dueAt, sh('2026-03-18T19:30'));
    });

    it('resumes on that day even before the technician sets off', () => {
      const resolution = timersAt(rescheduled, '2026-03-16T09:00').resolution!;
      assert.equal(resolution.paused, false);
      assert.equal(resolution.state, 'running');
      assert.equal(resolution.remainingMinutes, 2340 - 90 - 60);
    });

    it('meets resolution with the paused days left out', () => {
      const t = timersAt(done, '2026-03-20T12:00');
      assert.equal(t.resolution!.met, true);
      assert.equal(t.resolution!.remainingMinutes, 2340 - 90 - 120);
      assert.equal(t.resolution!.stoppedAt, sh('2026-03-16T10:00'));
      assert.equal(t.arrival!.met, true);
      assert.equal(t.arrival!.stoppedAt, sh('2026-03-10T10:00'));
      assert.equal(t.response!.met, true);
    });
  });

  it('restarts the response timer when the order is reassigned', () => {
    const history = [
      entry('report', '2026-03-10T09:00'),
      entry('assign', '2026-03-10T09:00'),
      entry('assign', '2026-03-10T09:40'),
    ];
    const response = timersAt(history, '2026-03-10T09:50').response!;
    assert.equal(response.startedAt, sh('2026-03-10T09:40'));
    assert.equal(response.remainingMinutes, 20);
    assert.equal(response.breachedAt, undefined);
  });

  it('stops every open timer when the order is cancelled, without calling it met', () => {
    const history = [
      entry('report', '2026-03-10T09:00'),
      entry('assign', '2026-03-10T09:00'),
      entry('cancel', '2026-03-10T09:10'),
    ];
    const t = timersAt(history, '2026-03-12T09:00');
    for (const kind of ['response', 'resolution']) {
      assert.equal(t[kind]!.state, 'stopped', kind);
      assert.equal(t[kind]!.stoppedAt, sh('2026-03-10T09:10'), kind);
      assert.equal(t[kind]!.met, undefined, kind);
      assert.equal(escalationLevelFor(t[kind]!, sh('2026-03-12T09:00')), null);
    }
    assert.equal(t.response!.remainingMinutes, 20);
  });

  it('refuses histories that could not have happened', () => {
    const cases: [SlaHistoryEntry[], string][] = [
      [[], 'invalid_input'],
      [[entry('assign', '2026-03-10T09:00')], 'invalid_input'],
      [[entry('report', '2026-03-10T09:00'), entry('accept', '2026-03-10T09:10')], 'invalid_state'],
      [[entry('report', '2026-03-10T09:00'), entry('assign', '2026-03-10T08:00')], 'invalid_input'],
      [[entry('report', '2026-03-10T09:00'), entry('report', '2026-03-10T09:10')], 'invalid_input'],
    ];
    for (const [history, code] of cases)
      assert.throws(
        () => computeSlaTimers(history, DEFAULT_SLA_POLICY, calendar, sh('2026-03-10T12:00')),
        (e: unknown) => e instanceof DomainError && e.code === code,
        JSON.stringify(history),
      );
  });
});

describe('SLA policy and escalation ladder', () => {
  it('defaults to a 30-minute response on 08:00–21:00 and a dispatcher → outlet manager → brand ladder', () => {
    assert.equal(validateSlaPolicy(DEFAULT_SLA_POLICY), DEFAULT_SLA_POLICY);
    assert.equal(DEFAULT_SLA_POLICY.responseMinutes, 30);
    assert.deepEqual(DEFAULT_SLA_POLICY.hours, { start: '08:00', end: '21:00' });
    assert.deepEqual(ESCALATION_LEVELS, ['dispatcher', 'outlet_manager', 'brand']);
    assert.deepEqual(escalationSchedule('2026-03-11T00:15:00.000Z'), [
      { level: 'dispatcher', at: '2026-03-11T00:15:00.000Z' },
      { level: 'outlet_manager', at: '2026-03-11T01:15:00.000Z' },
      { level: 'brand', at: '2026-03-11T03:15:00.000Z' },
    ]);
  });

  it('follows the delays a workspace sets', () => {
    const policy = { escalationDelayMinutes: { dispatcher: 10, outlet_manager: 0, brand: 30 } };
    const timer = { breachedAt: '2026-03-11T00:00:00.000Z' };
    assert.equal(escalationLevelFor(timer, '2026-03-11T00:09:00.000Z', policy), null);
    assert.equal(escalationLevelFor(timer, '2026-03-11T00:10:00.000Z', policy), 'outlet_manager');
    assert.equal(escalationLevelFor(timer, '2026-03-11T00:40:00.000Z', policy), 'brand');
  });

  for (const [name, change, field] of [
    ['a zero response', { responseMinutes: 0 }, 'responseMinutes'],
    ['fractional arrival minutes', { arrivalMinutes: 1.5 }, 'arrivalMinutes'],
    ['a resolution over 60 days', { resolutionMinutes: 60 * 24 * 60 + 1 }, 'resolutionMinutes'],
    ['hours ending before they start', { hours: { start: '21:00', end: '08:00' } }, 'hours'],
    ['a malformed hour', { hours: { start: '8am', end: '21:00' } }, 'hours.start'],
    [
      'a negative escalation delay',
      { escalationDelayMinutes: { dispatcher: 0, outlet_manager: -1, brand: 0 } },
      'escalationDelayMinutes.outlet_manager',
    ],
  ] as const)
    it(`refuses ${name}`, () => {
      const policy: SlaPolicy = { ...DEFAULT_SLA_POLICY, ...change };
      assert.throws(
        () => validateSlaPolicy(policy),
        (e: unknown) => e instanceof DomainError && e.code === 'invalid_input' && e.details?.field === field,
      );
    });
});
