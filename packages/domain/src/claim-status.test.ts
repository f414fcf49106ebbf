import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  canApplyClaimEvent,
  CLAIM_EVENTS,
  CLAIM_STATUS_LABELS,
  CLAIM_STATUSES,
  CLAIM_TRANSITIONS,
  isUndecided,
  nextClaimStatus,
  TERMINAL_CLAIM_STATUSES,
  type ClaimEvent,
  type ClaimStatus,
} from './claim-status.js';
import { DomainError } from './errors.js';

/**
 * The claim life as the product describes it, written out independently of `CLAIM_TRANSITIONS`: every way out of
 * every status. Any pair not listed must be refused.
 */
const EXPECTED: Readonly<Record<ClaimStatus, Partial<Record<ClaimEvent, ClaimStatus>>>> = {
  submitted: { analysis_started: 'analysing', withdrawn: 'withdrawn' },
  analysing: {
    analysis_started: 'analysing',
    auto_approved: 'approved',
    merchant_window_opened: 'awaiting_merchant',
    analysis_returned_to_merchant: 'awaiting_merchant',
    analysis_returned_to_review: 'in_review',
    withdrawn: 'withdrawn',
  },
  awaiting_merchant: {
    analysis_started: 'analysing',
    merchant_accepted: 'approved',
    merchant_responded: 'in_review',
    window_expired_to_review: 'in_review',
    window_expired_approved: 'approved',
    withdrawn: 'withdrawn',
  },
  in_review: {
    analysis_started: 'analysing',
    approved: 'approved',
    partially_approved: 'partially_approved',
    rejected: 'rejected',
    withdrawn: 'withdrawn',
  },
  approved: { appealed: 'appealed', finalised: 'final' },
  partially_approved: { appealed: 'appealed', finalised: 'final' },
  rejected: { appealed: 'appealed', finalised: 'final' },
  appealed: {
    approved: 'approved',
    partially_approved: 'partially_approved',
    rejected: 'rejected',
    finalised: 'final',
  },
  final: {},
  withdrawn: {},
};

describe('claim status machine', () => {
  for (const status of CLAIM_STATUSES)
    for (const event of CLAIM_EVENTS) {
      const to = EXPECTED[status][event];
      if (to)
        it(`${status} --${event}--> ${to}`, () => {
          assert.equal(canApplyClaimEvent(status, event), true);
          assert.equal(nextClaimStatus(status, event), to);
        });
      else
        it(`${status} refuses ${event}`, () => {
          assert.equal(canApplyClaimEvent(status, event), false);
          assert.throws(
            () => nextClaimStatus(status, event),
            (error: unknown) =>
              error instanceof DomainError &&
              error.code === 'invalid_state' &&
              error.details?.from === status &&
              error.details.action === event &&
              error.text.zh.includes('售后申请'),
          );
        });
    }

  it('allows exactly the 29 listed transitions', () => {
    const allowed = CLAIM_STATUSES.flatMap((s) => CLAIM_EVENTS.filter((e) => canApplyClaimEvent(s, e)));
    assert.equal(allowed.length, 29);
    assert.equal(Object.values(EXPECTED).flatMap((m) => Object.keys(m)).length, 29);
  });

  it('has no way out of a terminal status, and every other status has one', () => {
    assert.deepEqual([...TERMINAL_CLAIM_STATUSES].sort(), ['final', 'withdrawn']);
    for (const status of CLAIM_STATUSES) {
      const exits = CLAIM_EVENTS.filter((e) => canApplyClaimEvent(status, e));
      assert.equal(exits.length === 0, TERMINAL_CLAIM_STATUSES.includes(status), status);
    }
  });

  it('leads every event to a status it names', () => {
    for (const event of CLAIM_EVENTS) assert.ok(CLAIM_STATUSES.includes(CLAIM_TRANSITIONS[event].to), event);
  });

  it('calls submitted, analysing, awaiting_merchant and in_review undecided', () => {
    assert.deepEqual(CLAIM_STATUSES.filter(isUndecided), ['submitted', 'analysing', 'awaiting_merchant', 'in_review']);
  });

  it('labels every status in zh and en', () => {
    for (const status of CLAIM_STATUSES) {
      assert.match(CLAIM_STATUS_LABELS[status].zh, /\p{Script=Han}/u, status);
      assert.match(CLAIM_STATUS_LABELS[status].en, /^[A-Z]/, status);
    }
  });
});
