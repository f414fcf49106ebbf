import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import { createBusinessCalendar } from '../service/business-calendar.js';
import {
  complaintRatesFromCounts,
  complaintRateWindow,
  computeComplaintRates,
  smoothedComplaintRate,
  type RatedComplaint,
  type RatedOrder,
} from './complaint-rate.js';
import {
  complaintEscalationLevelFor,
  complaintEscalationSchedule,
  computeComplaintTimers,
  DEFAULT_COMPLAINT_SLA_POLICY,
  nextComplaintCheck,
  validateComplaintSlaPolicy,
  type ComplaintSlaEntry,
  type ComplaintTimer,
} from './complaint-sla.js';
import {
  COMPLAINT_EVENTS,
  COMPLAINT_STATUSES,
  complaintEventsFrom,
  nextComplaintStatus,
  type ComplaintEvent,
  type ComplaintStatus,
} from './complaint-status.js';

const calendar = createBusinessCalendar();
/** Shanghai wall clock → ISO instant. */
const sh = (local: string): string => new Date(`${local}:00+08:00`).toISOString();
const e = (event: ComplaintSlaEntry['event'], local: string): ComplaintSlaEntry => ({ event, at: sh(local) });
const timersAt = (history: ComplaintSlaEntry[], local: string): Record<string, ComplaintTimer> =>
  Object.fromEntries(
    computeComplaintTimers(history, DEFAULT_COMPLAINT_SLA_POLICY, calendar, sh(local)).map((t) => [t.kind, t]),
  );

describe('complaint status machine', () => {
  const allowed: readonly [ComplaintStatus, ComplaintEvent, ComplaintStatus][] = [
    ['open', 'acknowledge', 'acknowledged'],
    ['acknowledged', 'start', 'in_progress'],
    ['acknowledged', 'resolve', 'resolved'],
    ['in_progress', 'resolve', 'resolved'],
    ['resolved', 'confirm', 'confirmed'],
    ['resolved', 'reopen', 'reopened'],
    ['confirmed', 'reopen', 'reopened'],
    ['reopened', 'acknowledge', 'acknowledged'],
    ['resolved', 'close', 'closed'],
    ['confirmed', 'close', 'closed'],
  ];
  for (const [from, event, to] of allowed)
    it(`${from} --${event}--> ${to}`, () => assert.equal(nextComplaintStatus(from, event), to));

  it('refuses every other pair with invalid_state (409), naming both', () => {
    const ok = new Set(allowed.map(([from, event]) => `${from}:${event}`));
    let refused = 0;
    for (const status of COMPLAINT_STATUSES)
      for (const event of COMPLAINT_EVENTS) {
        if (ok.has(`${status}:${event}`)) continue;
        refused++;
        assert.throws(
          () => nextComplaintStatus(status, event),
          (err: unknown) =>
            err instanceof DomainError &&
            err.code === 'invalid_state' &&
            err.details?.from === status &&
            err.details.action === event,
        );
      }
    assert.equal(refused, COMPLAINT_STATUSES.length * COMPLAINT_EVENTS.length - allowed.length);
  });

  it('closed is terminal and open cannot be resolved without acknowledging', () => {
    assert.deepEqual(complaintEventsFrom('closed'), []);
    assert.deepEqual(complaintEventsFrom('open'), ['acknowledge']);
    assert.deepEqual(complaintEventsFrom('resolved'), ['confirm', 'reopen', 'close']);
  });
});

describe('complaint SLA timers on the business calendar (09:00–18:00)', () => {
  const cases: {
    name: string;
    history: ComplaintSlaEntry[];
    now: string;
    acknowledge: Partial<ComplaintTimer>;
    resolve: Partial<ComplaintTimer>;
  }[] = [
    {
      name: 'running on a Monday morning: 2 working hours to acknowledge, 24 to resolve (Wednesday 16:00)',
      history: [e('file', '2026-11-02T10:00')],
      now: '2026-11-02T11:00',
      acknowledge: { dueAt: sh('2026-11-02T12:00'), remainingMinutes: 60, state: 'running' },
      resolve: { dueAt: sh('2026-11-04T16:00'), remainingMinutes: 1380, state: 'running' },
    },
    {
      name: 'filed at 17:00 runs over the night: due the next morning at 10:00, breached at 10:30',
      history: [e('file', '2026-11-02T17:00')],
      now: '2026-11-03T10:30',
      acknowledge: {
        dueAt: sh('2026-11-03T10:00'),
        breachedAt: sh('2026-11-03T10:00'),
        remainingMinutes: -30,
        state: 'breached',
      },
      resolve: { state: 'running' },
    },
    {
      name: 'filed late on Friday is due on Monday (the weekend does not count)',
      history: [e('file', '2026-11-06T17:30')],
      now: '2026-11-07T12:00',
      acknowledge: { dueAt: sh('2026-11-09T10:30'), remainingMinutes: 90, state: 'running' },
      resolve: { state: 'running' },
    },
    {
      name: 'National Day holidays do not count; the 调休 Saturday does',
      history: [e('file', '2026-09-30T17:00')],
      now: '2026-10-08T09:30',
      acknowledge: { dueAt: sh('2026-10-08T10:00'), remainingMinutes: 30, state: 'running' },
      resolve: { dueAt: sh('2026-10-10T14:00'), state: 'running' },
    },
    {
      name: 'acknowledged in time is met; resolved late is breached',
      history: [e('file', '2026-11-02T10:00'), e('acknowledge', '2026-11-02T11:00'), e('resolve', '2026-11-05T10:00')],
      now: '2026-11-06T10:00',
      acknowledge: { stoppedAt: sh('2026-11-02T11:00'), met: true, state: 'met', remainingMinutes: 60 },
      resolve: { stoppedAt: sh('2026-11-05T10:00'), met: false, state: 'breached', breachedAt: sh('2026-11-04T16:00') },
    },
    {
      name: 'a resolution without an acknowledgement answers both',
      history: [e('file', '2026-11-02T10:00'), e('resolve', '2026-11-02T11:30')],
      now: '2026-11-02T12:30',
      acknowledge: { stoppedAt: sh('2026-11-02T11:30'), state: 'met' },
      resolve: { stoppedAt: sh('2026-11-02T11:30'), state: 'met' },
    },
    {
      name: 'a reopening starts both timers over with the full budget',
      history: [
        e('file', '2026-11-02T10:00'),
        e('acknowledge', '2026-11-02T10:10'),
        e('resolve', '2026-11-02T15:00'),
        e('reopen', '2026-11-03T09:30'),
      ],
      now: '2026-11-03T10:00',
      acknowledge: { startedAt: sh('2026-11-03T09:30'), dueAt: sh('2026-11-03T11:30'), state: 'running' },
      resolve: { startedAt: sh('2026-11-03T09:30'), remainingMinutes: 1410, state: 'running' },
    },
    {
      name: 'closing without an acknowledgement stops the timer without meeting it',
      history: [
        e('file', '2026-11-02T10:00'),
        e('acknowledge', '2026-11-02T10:10'),
        e('resolve', '2026-11-02T15:00'),
        e('reopen', '2026-11-03T09:30'),
        e('acknowledge', '2026-11-03T09:40'),
        e('resolve', '2026-11-03T10:00'),
        e('close', '2026-11-03T10:05'),
      ],
      now: '2026-11-10T10:00',
      acknowledge: { state: 'met', stoppedAt: sh('2026-11-03T09:40') },
      resolve: { state: 'met', stoppedAt: sh('2026-11-03T10:00') },
    },
  ];
  for (const c of cases)
    it(c.name, () => {
      const t = timersAt(c.history, c.now);
      for (const [kind, expected] of [
        ['acknowledge', c.acknowledge],
        ['resolve', c.resolve],
      ] as const)
        for (const [field, value] of Object.entries(expected))
          assert.deepEqual(t[kind]![field as keyof ComplaintTimer], value, `${kind}.${field}`);
    });

  it('is breached at the due instant itself (the check job runs then)', () => {
    const t = timersAt([e('file', '2026-11-02T10:00')], '2026-11-02T12:00');
    assert.equal(t.acknowledge!.state, 'breached');
    assert.equal(t.acknowledge!.breachedAt, sh('2026-11-02T12:00'));
  });

  it('refuses a history without a filing or going back in time', () => {
    for (const history of [
      [],
      [e('acknowledge', '2026-11-02T10:00')],
      [e('file', '2026-11-02T10:00'), e('acknowledge', '2026-11-02T09:00')],
    ])
      assert.throws(
        () => computeComplaintTimers(history, DEFAULT_COMPLAINT_SLA_POLICY, calendar, sh('2026-11-02T11:00')),
        (err: unknown) => err instanceof DomainError && err.code === 'invalid_input',
      );
  });

  it('validates a policy', () => {
    assert.equal(validateComplaintSlaPolicy(DEFAULT_COMPLAINT_SLA_POLICY), DEFAULT_COMPLAINT_SLA_POLICY);
    const bad = [
      { ...DEFAULT_COMPLAINT_SLA_POLICY, acknowledgeMinutes: 0 },
      { ...DEFAULT_COMPLAINT_SLA_POLICY, resolveMinutes: 60 },
      { ...DEFAULT_COMPLAINT_SLA_POLICY, hours: { start: '18:00', end: '09:00' } },
      { ...DEFAULT_COMPLAINT_SLA_POLICY, escalationDelayMinutes: { outlet: 0, region: -1, brand: 0 } },
    ];
    for (const policy of bad) assert.throws(() => validateComplaintSlaPolicy(policy), DomainError);
  });
});

describe('complaint escalation ladder outlet → region → brand', () => {
  const breachedAt = sh('2026-11-03T10:00');
  const table: [string, string | null][] = [
    ['2026-11-03T09:59', null],
    ['2026-11-03T10:00', 'outlet'],
    ['2026-11-03T11:59', 'outlet'],
    ['2026-11-03T12:00', 'region'],
    ['2026-11-03T13:59', 'region'],
    ['2026-11-03T14:00', 'brand'],
    ['2026-11-05T14:00', 'brand'],
  ];
  for (const [now, level] of table)
    it(`at ${now}: ${level ?? 'nobody'}`, () =>
      assert.equal(complaintEscalationLevelFor({ breachedAt }, sh(now)), level));

  it('stops climbing once the timer stops', () =>
    assert.equal(
      complaintEscalationLevelFor({ breachedAt, stoppedAt: sh('2026-11-03T11:00') }, sh('2026-11-04T09:00')),
      'outlet',
    ));

  it('schedules each level after the previous one (wall clock, not working time)', () =>
    assert.deepEqual(
      complaintEscalationSchedule(breachedAt).map((s) => s.at),
      [sh('2026-11-03T10:00'), sh('2026-11-03T12:00'), sh('2026-11-03T14:00')],
    ));

  it('next check: the earliest due time, then the next ladder step, then nothing', () => {
    const filed = [e('file', '2026-11-02T17:00')];
    const at = (local: string) =>
      nextComplaintCheck(computeComplaintTimers(filed, DEFAULT_COMPLAINT_SLA_POLICY, calendar, sh(local)), sh(local));
    assert.equal(at('2026-11-02T17:05'), sh('2026-11-03T10:00'));
    assert.equal(at('2026-11-03T10:00'), sh('2026-11-03T12:00'));
    assert.equal(at('2026-11-03T12:00'), sh('2026-11-03T14:00'));
    const done = [...filed, e('resolve', '2026-11-03T09:00')];
    assert.equal(
      nextComplaintCheck(
        computeComplaintTimers(done, DEFAULT_COMPLAINT_SLA_POLICY, calendar, sh('2026-11-03T09:01')),
        sh('2026-11-03T09:01'),
      ),
      null,
    );
  });
});

describe('complaint rates', () => {
  const smoothingCases: [
    string,
    { orders: number; complaints: number },
    { priorRate: number; priorWeight: number },
    number | null,
  ][] = [
    ['no smoothing: raw share', { orders: 50, complaints: 5 }, { priorRate: 0.02, priorWeight: 0 }, 0.1],
    [
      'two orders and one complaint read near the prior, not 50 %',
      { orders: 2, complaints: 1 },
      { priorRate: 0.02, priorWeight: 20 },
      1.4 / 22,
    ],
    ['no orders: the prior', { orders: 0, complaints: 0 }, { priorRate: 0.02, priorWeight: 20 }, 0.02],
    ['no orders and no prior: unknown', { orders: 0, complaints: 0 }, { priorRate: 0.02, priorWeight: 0 }, null],
    ['more complaints than orders: capped at 1', { orders: 1, complaints: 4 }, { priorRate: 0, priorWeight: 0 }, 1],
    [
      'many orders wash the prior out',
      { orders: 10_000, complaints: 300 },
      { priorRate: 0.02, priorWeight: 20 },
      300.4 / 10_020,
    ],
  ];
  for (const [name, counts, smoothing, expected] of smoothingCases)
    it(name, () => {
      const rate = smoothedComplaintRate(counts, smoothing);
      if (expected === null) assert.equal(rate, null);
      else assert.ok(Math.abs(rate! - expected) < 1e-12, `${rate} ≈ ${expected}`);
    });

  it('counts inside the window only, drops complaints not upheld, and ranks the worst first', () => {
    const window = complaintRateWindow(sh('2026-11-10T00:00'), 30);
    const orders: RatedOrder[] = [
      ...Array.from({ length: 10 }, () => ({ outletId: 'o1', technicianId: 't1', at: sh('2026-11-01T10:00') })),
      ...Array.from({ length: 10 }, () => ({ outletId: 'o1', technicianId: 't2', at: sh('2026-11-01T10:00') })),
      { outletId: 'o1', technicianId: 't1', at: sh('2026-09-01T10:00') },
      { outletId: 'o2', technicianId: null, at: sh('2026-11-02T10:00') },
    ];
    const complaints: RatedComplaint[] = [
      { outletId: 'o1', technicianId: 't1', at: sh('2026-11-03T10:00'), upheld: true },
      { outletId: 'o1', technicianId: 't1', at: sh('2026-11-04T10:00'), upheld: null },
      { outletId: 'o1', technicianId: 't2', at: sh('2026-11-04T10:00'), upheld: false },
      { outletId: 'o1', technicianId: 't1', at: sh('2026-09-02T10:00'), upheld: true },
      // After the window's end: left out; at its end (now): counted.
      { outletId: 'o1', technicianId: 't2', at: sh('2026-11-10T00:01'), upheld: true },
      { outletId: 'o2', technicianId: null, at: sh('2026-11-10T00:00'), upheld: true },
    ];
    const rates = computeComplaintRates({ window, orders, complaints, smoothing: { priorRate: 0, priorWeight: 0 } });
    assert.deepEqual(
      rates.technicians.map((r) => [r.id, r.orders, r.complaints, r.rate]),
      [
        ['t1', 10, 2, 0.2],
        ['t2', 10, 0, 0],
      ],
    );
    assert.deepEqual(
      rates.outlets.map((r) => [r.id, r.orders, r.complaints, r.rawRate]),
      [
        ['o2', 1, 1, 1],
        ['o1', 20, 2, 0.1],
      ],
    );
  });

  it('complains about bad windows and smoothing', () => {
    assert.throws(() => complaintRateWindow(sh('2026-11-10T00:00'), 0), DomainError);
    assert.throws(() => complaintRatesFromCounts(new Map(), { priorRate: 2, priorWeight: 1 }), DomainError);
    assert.throws(() => complaintRatesFromCounts(new Map(), { priorRate: 0.1, priorWeight: -1 }), DomainError);
  });
});
