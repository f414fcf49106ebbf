import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_LEGAL_THRESHOLDS, DomainError, type Actor } from '@proofdesk/domain';
import { createClaimsHarness, upload, type ClaimsHarness } from '../testing/claims-harness.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { fixtureBytes } from '../testing/forgeries.js';
import * as m0012 from '../adapters/db/migrations/0012-buyer-credit.js';

/**
 * Buyer credit on each dialect with the real services: the record follows every decision (fraud, reversal on appeal,
 * withdrawal) in the transaction of the change; credit and legal flags follow the record; shared signals cross
 * workspaces only while both share; other tenants and buyers get nothing; low credit keeps a clean claim from
 * automatic approval.
 */
const PHOTO = fixtureBytes('camera/canon-digital-ixus.jpg');
const CLEAN = fixtureBytes('camera/nikon-z5-offset-time.jpg');
const code = (c: string) => (error: unknown) => error instanceof DomainError && error.code === c;

for (const dialect of TEST_DIALECTS) {
  describe(`buyer credit on ${dialect}`, () => {
    let h: ClaimsHarness;
    let n = 0;
    before(async () => {
      // Prior rejections alone do not block here, so credit is what keeps a claim from auto-approval.
      h = await createClaimsHarness(dialect, { autoApproveBlockIfPriorRejection: false });
    });
    after(() => h.dispose());

    /** A claim by `accountId` in the actor's workspace, with `photos` buyer photos, brought to review. */
    async function claimInReview(actor: Actor, accountId: string, amountFen: number, photos = 2) {
      n += 1;
      const order = await h.services.orders.createOrder(actor, {
        platform: 'taobao',
        platformOrderId: `TB-C${n}`,
        amountFen,
        buyer: { accountId },
      });
      const claim = await h.services.claims.createClaim(actor, {
        orderId: order.id,
        type: 'refund_only',
        reason: '收到破损',
        amountFen,
      });
      const buyer: Actor = { kind: 'buyer', claimId: claim.id, workspaceId: actor.workspaceId };
      for (let i = 0; i < photos; i += 1)
        await h.services.evidence.addEvidence(buyer, claim.id, upload(`p${i}.jpg`, PHOTO), 'buyer');
      // Skip the analysis (its own tests cover it): the reviewer's decision is what this file is about.
      await h.t.db.kysely.updateTable('claims').set({ status: 'in_review' }).where('id', '=', claim.id).execute();
      await h.t.db.kysely.deleteFrom('jobs').execute();
      return { claim, buyerId: order.buyerId!, buyer };
    }

    it('counts a fraud rejection at once, with the amount, the fake photos, a fraud factor and a legal flag', async () => {
      const { claim, buyerId } = await claimInReview(h.agent, 'buyer-fraud', 12_900, 2);
      const before = await h.services.credit.buyerCredit(h.reviewer, buyerId);
      assert.equal(before.score, 70);
      assert.equal(before.record.claimsFiled, 1);
      assert.deepEqual(before.legal.flags, []);
      await h.services.claims.decide(h.reviewer, claim.id, { outcome: 'rejected', reasonCode: 'evidence_forged' });
      const credit = await h.services.credit.buyerCredit(h.reviewer, buyerId);
      assert.equal(credit.record.rejectedFraud, 1);
      assert.equal(credit.record.fraudAmountFen, 12_900);
      assert.equal(credit.record.fakePhotos, 2);
      assert.equal(credit.score, 70 - 35 - 6);
      assert.equal(credit.band, 'high_risk');
      assert.ok(credit.factors.some((f) => f.code === 'confirmed_fraud' && f.points === -35));
      assert.equal(credit.legal.fraudAmountFen, 12_900);
      assert.deepEqual(
        credit.legal.flags.map((f) => f.code),
        ['administrative'],
      );
      const viaClaim = await h.services.credit.claimBuyerCredit(h.reviewer, claim.id);
      assert.equal(viaClaim?.score, credit.score);
    });

    it('drops the fraud when the decision is reversed on appeal, and counts the approval', async () => {
      const { claim, buyerId, buyer } = await claimInReview(h.agent, 'buyer-appeal', 5_000, 1);
      await h.services.claims.decide(h.reviewer, claim.id, { outcome: 'rejected', reasonCode: 'ai_generated' });
      assert.equal((await h.services.credit.buyerCredit(h.reviewer, buyerId)).record.rejectedFraud, 1);
      await h.services.claims.appeal(buyer, claim.id, { reason: '照片是我自己拍的' });
      assert.equal((await h.services.credit.buyerCredit(h.reviewer, buyerId)).record.rejectedFraud, 1);
      await h.services.claims.decide(h.reviewer, claim.id, { outcome: 'approved', reasonCode: 'damage_verified' });
      const credit = await h.services.credit.buyerCredit(h.reviewer, buyerId);
      assert.equal(credit.record.rejectedFraud, 0);
      assert.equal(credit.record.fraudAmountFen, 0);
      assert.equal(credit.record.fakePhotos, 0);
      assert.equal(credit.record.approved, 1);
      assert.equal(credit.record.amountApprovedFen, 5_000);
      assert.equal(credit.score, 74);
      assert.deepEqual(credit.legal.flags, []);
      assert.ok(!credit.factors.some((f) => f.code === 'confirmed_fraud'));
    });

    it('counts a withdrawal, and a rejection for another reason as no fraud', async () => {
      const { claim, buyerId, buyer } = await claimInReview(h.agent, 'buyer-withdraw', 2_000, 0);
      await h.t.db.kysely.updateTable('claims').set({ status: 'submitted' }).where('id', '=', claim.id).execute();
      await h.services.claims.withdraw(buyer, claim.id);
      const second = await claimInReview(h.agent, 'buyer-withdraw', 3_000, 1);
      await h.services.claims.decide(h.reviewer, second.claim.id, {
        outcome: 'rejected',
        reasonCode: 'insufficient_evidence',
      });
      const credit = await h.services.credit.buyerCredit(h.reviewer, buyerId);
      assert.equal(second.buyerId, buyerId);
      assert.deepEqual(
        [credit.record.claimsFiled, credit.record.withdrawn, credit.record.rejectedOther, credit.record.rejectedFraud],
        [2, 1, 1, 0],
      );
      assert.equal(credit.score, 70 - 2 - 5);
    });

    it('lists buyers over the configured threshold with the criminal-range flag', async () => {
      const { claim, buyerId } = await claimInReview(h.agent, 'buyer-big', 45_000, 1);
      await h.services.claims.decide(h.reviewer, claim.id, { outcome: 'rejected', reasonCode: 'evidence_reused' });
      let list = await h.services.credit.flaggedBuyers(h.reviewer, { minFen: 300_000 });
      assert.ok(!list.items.some((b) => b.buyerId === buyerId));
      await h.services.trustSettings.update(h.admin, {
        thresholds: { ...DEFAULT_LEGAL_THRESHOLDS, criminalMinFen: 40_000 },
      });
      list = await h.services.credit.flaggedBuyers(h.reviewer, { minFen: 40_000 });
      const row = list.items.find((b) => b.buyerId === buyerId);
      assert.equal(row?.fraudAmountFen, 45_000);
      assert.deepEqual(
        row?.flags.map((f) => f.code),
        ['criminal_large'],
      );
      const all = await h.services.credit.flaggedBuyers(h.reviewer);
      assert.ok(all.items.length >= 2);
      assert.deepEqual(
        all.items.map((b) => b.fraudAmountFen),
        [...all.items.map((b) => b.fraudAmountFen)].sort((a, b) => b - a),
      );
      const page = await h.services.credit.flaggedBuyers(h.reviewer, { limit: 1 });
      assert.ok(page.nextCursor);
      const next = await h.services.credit.flaggedBuyers(h.reviewer, { limit: 1, cursor: page.nextCursor });
      assert.notEqual(next.items[0]?.buyerId, page.items[0]?.buyerId);
      await assert.rejects(h.services.credit.flaggedBuyers(h.reviewer, { cursor: "x' or 1=1" }), code('invalid_input'));
      await assert.rejects(h.services.credit.flaggedBuyers(h.reviewer, { minFen: 0 }), code('invalid_input'));
      await h.services.trustSettings.update(h.admin, { thresholds: DEFAULT_LEGAL_THRESHOLDS });
    });

    it('shares signals across workspaces only while both opt in, as counts and a score only', async () => {
      const other = await claimInReview(h.outsider, 'buyer-shared', 8_000, 1);
      await h.services.claims.decide(h.outsider, other.claim.id, {
        outcome: 'rejected',
        reasonCode: 'evidence_forged',
      });
      const mine = await claimInReview(h.agent, 'buyer-shared', 1_000, 1);
      const read = () => h.services.credit.buyerCredit(h.reviewer, mine.buyerId);
      assert.equal((await read()).shared, null);
      assert.equal((await read()).score, 70);
      await h.services.trustSettings.update(h.admin, { shareSignals: true });
      assert.equal((await read()).shared?.shops, 0, 'the other shop does not share yet');
      await h.services.trustSettings.update(h.outsider, { shareSignals: true });
      const credit = await read();
      assert.deepEqual(credit.shared, {
        shops: 1,
        claimsFiled: 1,
        approved: 0,
        rejectedFraud: 1,
        rejectedOther: 0,
        lowestScore: 70 - 35 - 3,
      });
      assert.equal(credit.score, 50);
      assert.ok(credit.factors.some((f) => f.code === 'shared_fraud'));
      const text = JSON.stringify(credit);
      for (const secret of [other.claim.id, other.buyerId, 'ws2', 'TB-C'])
        assert.ok(!text.includes(secret), `leaks ${secret}`);
      // Reciprocity: a workspace that stops sharing stops seeing.
      await h.services.trustSettings.update(h.admin, { shareSignals: false });
      assert.equal((await read()).shared, null);
      await h.services.trustSettings.update(h.outsider, { shareSignals: false });
      const audit = await h.t.db.kysely
        .selectFrom('audit_events')
        .select(['action', 'workspace_id'])
        .where('action', 'like', 'trust.sharing_%')
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.filter((a) => a.workspace_id === 'ws1').map((a) => a.action),
        ['trust.sharing_opted_in', 'trust.sharing_opted_out'],
      );
    });

    it('keeps a clean claim of a low-credit buyer away from automatic approval, naming the score', async () => {
      const { claim } = await claimInReview(h.agent, 'buyer-low', 2_000, 1);
      await h.services.claims.decide(h.reviewer, claim.id, { outcome: 'rejected', reasonCode: 'evidence_forged' });
      n += 1;
      const order = await h.services.orders.createOrder(h.agent, {
        platform: 'taobao',
        platformOrderId: `TB-C${n}`,
        amountFen: 2_000,
        buyer: { accountId: 'buyer-low' },
      });
      const next = await h.services.claims.createClaim(h.agent, {
        orderId: order.id,
        type: 'refund_only',
        reason: '破损',
        amountFen: 2_000,
      });
      await h.services.evidence.addEvidence(h.buyer(next.id), next.id, upload('clean.jpg', CLEAN), 'buyer');
      await h.runJobs();
      const assessed = await h.services.claims.getClaim(h.agent, next.id);
      assert.equal(assessed.status, 'awaiting_merchant');
      const low = assessed.policyReasons.find((r) => r.code === 'buyer_low_credit');
      assert.ok(low, JSON.stringify(assessed.policyReasons));
      assert.match(low.text.en, /credit score 3\d is below/);
      assert.ok(low.score !== undefined && low.score < 40, `score ${low.score}`);
    });

    it('answers not_found for another workspace and forbidden for buyers and agents', async () => {
      const { claim, buyerId, buyer } = await claimInReview(h.agent, 'buyer-private', 1_500, 1);
      await assert.rejects(h.services.credit.buyerCredit(h.outsider, buyerId), code('not_found'));
      await assert.rejects(h.services.credit.claimBuyerCredit(h.outsider, claim.id), code('not_found'));
      await assert.rejects(h.services.credit.claimBuyerCredit(buyer, claim.id), code('forbidden'));
      await assert.rejects(h.services.credit.buyerCredit(buyer, buyerId), code('forbidden'));
      await assert.rejects(h.services.credit.buyerCredit(h.agent, buyerId), code('forbidden'));
      await assert.rejects(h.services.credit.flaggedBuyers(buyer), code('forbidden'));
      await assert.rejects(h.services.credit.buyerCredit(h.reviewer, 'no-such-buyer'), code('not_found'));
      await assert.rejects(h.services.trustSettings.update(h.reviewer, { shareSignals: true }), code('forbidden'));
      await assert.rejects(h.services.trustSettings.get(buyer), code('forbidden'));
      await assert.rejects(
        h.services.trustSettings.update(h.admin, {
          thresholds: { ...DEFAULT_LEGAL_THRESHOLDS, criminalMinFen: DEFAULT_LEGAL_THRESHOLDS.largeMinFen },
        }),
        code('invalid_input'),
      );
      assert.equal((await h.services.trustSettings.get(h.reviewer)).thresholds.criminalMinFen, 300_000);
    });

    it('keeps both decisions when two claims of one buyer are decided at the same time (the audit head serialises them)', async () => {
      for (let round = 0; round < 5; round += 1) {
        const account = `buyer-race-${round}`;
        const a = await claimInReview(h.agent, account, 1_000, 1);
        const b = await claimInReview(h.agent, account, 2_000, 1);
        await Promise.all([
          h.services.claims.decide(h.reviewer, a.claim.id, { outcome: 'rejected', reasonCode: 'evidence_forged' }),
          h.services.claims.decide(h.reviewer, b.claim.id, { outcome: 'approved', reasonCode: 'damage_verified' }),
        ]);
        const { record } = await h.services.credit.buyerCredit(h.reviewer, a.buyerId);
        assert.deepEqual(
          [record.claimsFiled, record.rejectedFraud, record.approved, record.fraudAmountFen],
          [2, 1, 1, 1_000],
          `round ${round}`,
        );
      }
    });

    it('backfills in migration 0012 exactly the records the hook keeps (run last: it re-creates the tables)', async () => {
      const read = () =>
        h.t.db.kysely
          .selectFrom('buyer_records')
          .select([
            'workspace_id',
            'buyer_id',
            'claims_filed',
            'approved',
            'rejected_fraud',
            'rejected_other',
            'withdrawn',
            'amount_claimed_fen',
            'amount_approved_fen',
            'fraud_amount_fen',
            'fake_photos',
          ])
          .orderBy('workspace_id')
          .orderBy('buyer_id')
          .execute()
          .then((rows) => rows.map((r) => Object.values(r).map(String).join('|')));
      const kept = await read();
      assert.ok(kept.length >= 8, `records of the earlier tests: ${kept.length}`);
      const db = h.t.db.kysely as unknown as Parameters<typeof m0012.up>[0];
      await m0012.down(db);
      await m0012.up(db);
      assert.deepEqual(await read(), kept);
    });
  });
}
