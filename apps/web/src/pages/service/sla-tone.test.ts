import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { leadTimer, timerState, type TimerLike } from './sla-tone.js';

const NOW = Date.parse('2026-11-23T02:00:00.000Z');
const min = (n: number) => new Date(NOW + n * 60_000).toISOString();
const timer = (patch: Partial<TimerLike>): TimerLike => ({
  kind: 'response',
  startedAt: min(-10),
  dueAt: min(20),
  remainingMinutes: 20,
  paused: false,
  state: 'running',
  ...patch,
});

describe('SLA timer tones', () => {
  const cases: readonly [string, TimerLike, { tone: string; minutes: number }][] = [
    ['running, well inside the window', timer({ startedAt: min(-5), dueAt: min(25) }), { tone: 'ok', minutes: 25 }],
    [
      'in the last third of a 30-minute window',
      timer({ startedAt: min(-21), dueAt: min(9) }),
      { tone: 'amber', minutes: 9 },
    ],
    [
      'last 10 minutes of a long window',
      timer({ kind: 'arrival', startedAt: min(-230), dueAt: min(10), remainingMinutes: 10 }),
      { tone: 'amber', minutes: 10 },
    ],
    [
      'a long window, 3 of 4 hours left',
      timer({ kind: 'arrival', startedAt: min(-60), dueAt: min(180) }),
      { tone: 'ok', minutes: 180 },
    ],
    ['due time passed on this screen', timer({ startedAt: min(-40), dueAt: min(-10) }), { tone: 'red', minutes: 10 }],
    [
      'breached by the server before this screen saw it',
      timer({ state: 'breached', breachedAt: min(-3), dueAt: min(-3), remainingMinutes: -3 }),
      { tone: 'red', minutes: 3 },
    ],
    [
      'paused in a waiting state',
      timer({ state: 'paused', paused: true, remainingMinutes: 125.4 }),
      { tone: 'paused', minutes: 125 },
    ],
    ['met', timer({ state: 'met', met: true }), { tone: 'met', minutes: 0 }],
    ['stopped (order cancelled)', timer({ state: 'stopped' }), { tone: 'met', minutes: 0 }],
    [
      'no due time yet: business minutes left',
      timer({ dueAt: null, remainingMinutes: 30 }),
      { tone: 'ok', minutes: 30 },
    ],
  ];
  for (const [name, input, expected] of cases) it(name, () => assert.deepEqual(timerState(input, NOW), expected));
});

describe('the lead timer of an order', () => {
  it('is a breached one first, else the running one with least time left, never a met one', () => {
    const response = timer({ kind: 'response', remainingMinutes: 12 });
    const resolution = timer({ kind: 'resolution', remainingMinutes: 900 });
    const met = timer({ kind: 'arrival', state: 'met', remainingMinutes: 0 });
    assert.equal(leadTimer([resolution, response, met])?.kind, 'response');
    const breached = timer({ kind: 'resolution', state: 'breached', remainingMinutes: -5 });
    assert.equal(leadTimer([response, breached])?.kind, 'resolution');
    assert.equal(leadTimer([met]), undefined);
    assert.equal(leadTimer(undefined), undefined);
  });
});
