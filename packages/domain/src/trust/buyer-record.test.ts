import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { summariseBuyerClaims, EMPTY_BUYER_RECORD, type BuyerClaimFacts } from './buyer-record.js';
import { FRAUD_REASON_CODES, isConfirmedFraud } from './fraud.js';

const claim = (over: Partial<BuyerClaimFacts>): BuyerClaimFacts => ({
  status: 'in_review',
  decisionOutcome: null,
  decisionReasonCode: null,
  amountFen: 1_000,
  approvedAmountFen: null,
  buyerPhotos: 2,
  ...over,
});

describe('isConfirmedFraud', () => {
  const cases: [string | null, string | null, boolean][] = [
    ['rejected', 'evidence_forged', true],
    ['rejected', 'ai_generated', true],
    ['rejected', 'evidence_reused', true],
    ['rejected', 'insufficient_evidence', false],
    ['rejected', 'other', false],
    ['rejected', null, false],
    ['approved', 'evidence_forged', false],
    ['partially_approved', 'ai_generated', false],
    [null, null, false],
  ];
  for (const [outcome, reason, expected] of cases)
    it(`${outcome ?? 'undecided'} / ${reason ?? '-'} → ${expected}`, () =>
      assert.equal(isConfirmedFraud(outcome, reason), expected));
  it('lists exactly the three fraud codes the decision form offers', () =>
    assert.deepEqual([...FRAUD_REASON_CODES], ['evidence_forged', 'ai_generated', 'evidence_reused']));
});

describe('summariseBuyerClaims', () => {
  it('is empty for no claims', () => assert.deepEqual(summariseBuyerClaims([]), EMPTY_BUYER_RECORD));

  it('counts each outcome once, with its amounts and the fake photos of fraud claims only', () => {
    const record = summariseBuyerClaims([
      claim({ status: 'approved', decisionOutcome: 'approved', approvedAmountFen: 1_000 }),
      claim({ status: 'final', decisionOutcome: 'partially_approved', approvedAmountFen: 400 }),
      claim({
        status: 'rejected',
        decisionOutcome: 'rejected',
        decisionReasonCode: 'evidence_forged',
        amountFen: 5_000,
        buyerPhotos: 3,
      }),
      claim({
        status: 'appealed',
        decisionOutcome: 'rejected',
        decisionReasonCode: 'ai_generated',
        amountFen: 2_000,
        buyerPhotos: 1,
      }),
      claim({ status: 'final', decisionOutcome: 'rejected', decisionReasonCode: 'insufficient_evidence' }),
      claim({ status: 'withdrawn', amountFen: 700 }),
      claim({ status: 'in_review', amountFen: 300 }),
      claim({ status: 'submitted', amountFen: 99_999 }),
    ]);
    assert.deepEqual(record, {
      claimsFiled: 7,
      approved: 2,
      rejectedFraud: 2,
      rejectedOther: 1,
      withdrawn: 1,
      amountClaimedFen: 1_000 + 1_000 + 5_000 + 2_000 + 1_000 + 700 + 300,
      amountApprovedFen: 1_400,
      fraudAmountFen: 7_000,
      fakePhotos: 4,
    });
  });

  it('drops a fraud decision reversed on appeal', () => {
    const before = summariseBuyerClaims([
      claim({
        status: 'appealed',
        decisionOutcome: 'rejected',
        decisionReasonCode: 'evidence_forged',
        amountFen: 9_000,
      }),
    ]);
    const after = summariseBuyerClaims([
      claim({
        status: 'approved',
        decisionOutcome: 'approved',
        decisionReasonCode: 'damage_verified',
        amountFen: 9_000,
        approvedAmountFen: 9_000,
      }),
    ]);
    assert.equal(before.rejectedFraud, 1);
    assert.equal(before.fraudAmountFen, 9_000);
    assert.equal(after.rejectedFraud, 0);
    assert.equal(after.fraudAmountFen, 0);
    assert.equal(after.fakePhotos, 0);
    assert.equal(after.approved, 1);
  });
});
