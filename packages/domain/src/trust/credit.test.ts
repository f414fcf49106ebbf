import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decideAutoApproval } from '../claim-policy.js';
import { DEFAULT_WORKSPACE_POLICY } from '../workspace-policy.js';
import { EMPTY_BUYER_RECORD, type BuyerRecord } from './buyer-record.js';
import {
  assessBuyerCredit,
  CREDIT_BASE_SCORE,
  creditBand,
  type BuyerCreditInput,
  type SharedBuyerSignals,
} from './credit.js';

const noFeed = { signals: 0, amountFen: 0 };
const input = (record: Partial<BuyerRecord>, more: Partial<BuyerCreditInput> = {}): BuyerCreditInput => ({
  record: { ...EMPTY_BUYER_RECORD, ...record },
  shared: null,
  feed: noFeed,
  ...more,
});
const shared = (over: Partial<SharedBuyerSignals>): SharedBuyerSignals => ({
  shops: 1,
  claimsFiled: 0,
  approved: 0,
  rejectedFraud: 0,
  rejectedOther: 0,
  lowestScore: null,
  ...over,
});

describe('assessBuyerCredit', () => {
  it('gives a buyer with no history the base score and only the base factor', () => {
    const credit = assessBuyerCredit(input({}));
    assert.equal(credit.score, CREDIT_BASE_SCORE);
    assert.equal(credit.band, 'fair');
    assert.deepEqual(
      credit.factors.map((f) => f.code),
      ['base'],
    );
  });

  const cases: [string, BuyerCreditInput, number, string[]][] = [
    ['approved claims add 4 each', input({ claimsFiled: 2, approved: 2 }), 78, ['base', 'approved_claims']],
    ['approved claims cap at +16', input({ claimsFiled: 5, approved: 5 }), 86, ['base', 'approved_claims']],
    [
      'one confirmed fraud with two fake photos',
      input({ claimsFiled: 1, rejectedFraud: 1, fakePhotos: 2, fraudAmountFen: 300_000 }),
      70 - 35 - 6,
      ['base', 'confirmed_fraud', 'fake_photos'],
    ],
    [
      'fraud caps at −70, photos at −15, and the score never goes below 0',
      input({ claimsFiled: 9, rejectedFraud: 9, fakePhotos: 20, withdrawn: 0 }),
      0,
      ['base', 'confirmed_fraud', 'fake_photos', 'many_claims'],
    ],
    ['rejected for other reasons −5 each', input({ claimsFiled: 2, rejectedOther: 2 }), 60, ['base', 'rejected_other']],
    ['withdrawals −2 each', input({ claimsFiled: 3, withdrawn: 3 }), 64, ['base', 'withdrawn']],
    ['five claims are free, the sixth costs 2', input({ claimsFiled: 6 }), 68, ['base', 'many_claims']],
    [
      'shared fraud from another shop −20',
      input({}, { shared: shared({ claimsFiled: 1, rejectedFraud: 1, lowestScore: 35 }) }),
      50,
      ['base', 'shared_fraud'],
    ],
    [
      'shared approvals +2 each, capped at +6',
      input({}, { shared: shared({ shops: 2, claimsFiled: 9, approved: 9 }) }),
      76,
      ['base', 'shared_approved'],
    ],
    ['feed signals −15 each', input({}, { feed: { signals: 1, amountFen: 50_000 } }), 55, ['base', 'feed_signals']],
    ['feed signals cap at −30', input({}, { feed: { signals: 5, amountFen: 50_000 } }), 40, ['base', 'feed_signals']],
  ];
  for (const [name, given, score, codes] of cases)
    it(name, () => {
      const credit = assessBuyerCredit(given);
      assert.equal(credit.score, score);
      assert.deepEqual(
        credit.factors.map((f) => f.code),
        codes,
      );
      assert.equal(credit.band, creditBand(score));
      for (const f of credit.factors) assert.ok(f.text.zh.length > 0 && f.text.en.length > 0, f.code);
    });

  it('never exceeds 100 nor falls below 0, and the score is the clamped sum of the factors', () => {
    for (const record of [
      { claimsFiled: 100, approved: 100 },
      { claimsFiled: 100, rejectedFraud: 100, fakePhotos: 100, rejectedOther: 100, withdrawn: 100 },
    ]) {
      const credit = assessBuyerCredit(
        input(record, {
          shared: shared({ approved: 50, rejectedFraud: 50, rejectedOther: 50 }),
          feed: { signals: 9, amountFen: 1 },
        }),
      );
      const sum = credit.factors.reduce((t, f) => t + f.points, 0);
      assert.equal(credit.score, Math.min(100, Math.max(0, sum)));
      assert.ok(credit.score >= 0 && credit.score <= 100);
    }
  });

  it('ignores shared signals when the workspace does not share (null)', () => {
    assert.equal(assessBuyerCredit(input({}, { shared: null })).score, CREDIT_BASE_SCORE);
  });

  it('names the fraud amount in the fraud factor in both languages', () => {
    const f = assessBuyerCredit(input({ rejectedFraud: 1, fraudAmountFen: 299_999 })).factors[1];
    assert.match(f?.text.zh ?? '', /¥2,999\.99/);
    assert.match(f?.text.en ?? '', /¥2,999\.99/);
  });
});

describe('creditBand', () => {
  const cases: [number, string][] = [
    [100, 'good'],
    [80, 'good'],
    [79, 'fair'],
    [60, 'fair'],
    [59, 'watch'],
    [40, 'watch'],
    [39, 'high_risk'],
    [0, 'high_risk'],
  ];
  for (const [score, band] of cases) it(`${score} → ${band}`, () => assert.equal(creditBand(score), band));
});

describe('decideAutoApproval with credit', () => {
  const base = {
    policy: DEFAULT_WORKSPACE_POLICY,
    amountFen: 1_000,
    buyer: { priorClaims: 0, priorRejected: 0 },
    evidence: [{ verdict: 'clean' as const, findingSeverities: [] }],
  };
  it('approves at the minimum score and blocks one point below, carrying the score', () => {
    const min = DEFAULT_WORKSPACE_POLICY.autoApproveMinCreditScore;
    assert.equal(decideAutoApproval({ ...base, credit: { score: min } }).autoApprove, true);
    const low = decideAutoApproval({ ...base, credit: { score: min - 1 } });
    assert.equal(low.autoApprove, false);
    assert.deepEqual(
      low.reasons.map((r) => [r.code, r.score]),
      [['buyer_low_credit', min - 1]],
    );
  });
  it('does not check credit when the minimum is 0 or no credit is given', () => {
    const off = { ...base, policy: { ...DEFAULT_WORKSPACE_POLICY, autoApproveMinCreditScore: 0 } };
    assert.equal(decideAutoApproval({ ...off, credit: { score: 0 } }).autoApprove, true);
    assert.equal(decideAutoApproval(base).autoApprove, true);
  });
  it('blocks a new buyer with one shared confirmed fraud under the default minimum', () => {
    const score = assessBuyerCredit(input({}, { shared: shared({ rejectedFraud: 1 }) })).score;
    assert.equal(decideAutoApproval({ ...base, credit: { score } }).autoApprove, false);
  });
});
