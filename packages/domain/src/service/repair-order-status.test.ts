import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors.js';
import {
  canApplyRepairOrderEvent,
  isSlaPausedStatus,
  nextRepairOrderStatus,
  REPAIR_ORDER_EVENT_LABELS,
  REPAIR_ORDER_EVENTS,
  REPAIR_ORDER_STATUS_LABELS,
  REPAIR_ORDER_STATUSES,
  REPAIR_ORDER_TRANSITIONS,
  repairOrderEventsFrom,
  TERMINAL_REPAIR_ORDER_STATUSES,
  type RepairOrderEvent,
  type RepairOrderStatus,
} from './repair-order-status.js';

/**
 * The repair order's life as issue 6 describes it, written out independently of `REPAIR_ORDER_TRANSITIONS`: every
 * way out of every status. Any pair not listed must be refused.
 */
const EXPECTED: Readonly<Record<RepairOrderStatus, Partial<Record<RepairOrderEvent, RepairOrderStatus>>>> = {
  reported: { assign: 'assigned', cancel: 'cancelled' },
  assigned: {
    assign: 'assigned',
    accept: 'accepted',
    call_customer: 'accepted',
    reschedule: 'rescheduled',
    cancel: 'cancelled',
  },
  accepted: {
    assign: 'assigned',
    call_customer: 'accepted',
    depart: 'on_the_way',
    reschedule: 'rescheduled',
    cancel: 'cancelled',
  },
  on_the_way: { arrive: 'on_site', reschedule: 'rescheduled', cancel: 'cancelled' },
  on_site: { complete: 'completed', parts_needed: 'needs_parts' },
  completed: { close: 'closed' },
  needs_parts: { reschedule: 'rescheduled', cancel: 'cancelled' },
  rescheduled: { assign: 'assigned', depart: 'on_the_way', reschedule: 'rescheduled', cancel: 'cancelled' },
  closed: {},
  cancelled: {},
};

describe('repair order status machine', () => {
  for (const status of REPAIR_ORDER_STATUSES)
    for (const event of REPAIR_ORDER_EVENTS) {
      const to = EXPECTED[status][event];
      if (to)
        it(`${status} --${event}--> ${to}`, () => {
          assert.equal(canApplyRepairOrderEvent(status, event), true);
          assert.equal(nextRepairOrderStatus(status, event), to);
        });
      else
        it(`${status} refuses ${event}`, () => {
          assert.equal(canApplyRepairOrderEvent(status, event), false);
          assert.throws(
            () => nextRepairOrderStatus(status, event),
            (error: unknown) =>
              error instanceof DomainError &&
              error.code === 'invalid_state' &&
              error.details?.from === status &&
              error.details.action === event &&
              error.text.zh.includes('维修工单') &&
              error.text.zh.includes(REPAIR_ORDER_STATUS_LABELS[status].zh),
          );
        });
    }

  it('allows exactly the 24 listed transitions', () => {
    const allowed = REPAIR_ORDER_STATUSES.flatMap((s) => repairOrderEventsFrom(s));
    assert.equal(allowed.length, 24);
    assert.equal(Object.values(EXPECTED).flatMap((m) => Object.keys(m)).length, 24);
  });

  it('has no way out of a terminal status, and every other status has one', () => {
    assert.deepEqual([...TERMINAL_REPAIR_ORDER_STATUSES].sort(), ['cancelled', 'closed']);
    for (const status of REPAIR_ORDER_STATUSES)
      assert.equal(repairOrderEventsFrom(status).length === 0, TERMINAL_REPAIR_ORDER_STATUSES.includes(status), status);
  });

  it('reaches every status from reported', () => {
    const seen = new Set<RepairOrderStatus>(['reported']);
    const queue: RepairOrderStatus[] = ['reported'];
    while (queue.length > 0) {
      const status = queue.shift()!;
      for (const event of repairOrderEventsFrom(status)) {
        const to = REPAIR_ORDER_TRANSITIONS[event].to;
        if (!seen.has(to)) {
          seen.add(to);
          queue.push(to);
        }
      }
    }
    assert.deepEqual([...seen].sort(), [...REPAIR_ORDER_STATUSES].sort());
  });

  it('pauses SLA timers in needs_parts and rescheduled only', () => {
    assert.deepEqual(REPAIR_ORDER_STATUSES.filter(isSlaPausedStatus), ['needs_parts', 'rescheduled']);
  });

  it('labels every status and event in zh and en', () => {
    for (const status of REPAIR_ORDER_STATUSES) {
      assert.match(REPAIR_ORDER_STATUS_LABELS[status].zh, /\p{Script=Han}/u, status);
      assert.match(REPAIR_ORDER_STATUS_LABELS[status].en, /^[A-Z]/, status);
    }
    for (const event of REPAIR_ORDER_EVENTS) {
      assert.match(REPAIR_ORDER_EVENT_LABELS[event].zh, /\p{Script=Han}/u, event);
      assert.match(REPAIR_ORDER_EVENT_LABELS[event].en, /^[A-Z]/, event);
    }
  });
});
