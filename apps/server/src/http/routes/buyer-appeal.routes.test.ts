/**
 * The buyer's one appeal through a signed link (`POST /api/v1/buyer/claim/appeal`), on both dialects: it succeeds
 * after a rejection and is audited, a second appeal and an appeal before any decision answer 409.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { createTestApp, testJpeg, type Credentials, type TestApp } from '../test-app.js';

interface ErrorBody {
  error: { code: string };
}

interface BuyerClaimBody {
  id: string;
  status: string;
  appealCount: number;
  decision: { outcome: string } | null;
  evidence: { id: string }[];
  riskScore?: unknown;
  appealReason?: unknown;
}

for (const dialect of TEST_DIALECTS) {
  describe(`the buyer's appeal over HTTP on ${dialect}`, () => {
    let h: TestApp;
    let rejectedId: string;
    let undecidedId: string;
    const link = async (claimId: string): Promise<Credentials> => ({
      authorization: `Buyer ${(await h.services.auth.issueBuyerLink(h.actors.admin, claimId)).token}`,
    });
    const appeal = (credentials: Credentials, reason = '收货时包装就是破的，我有快递员签收时的照片') =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/buyer/claim/appeal',
        headers: credentials,
        payload: { reason },
      });

    before(async () => {
      h = await createTestApp(dialect);
      const s = h.services;
      const admin = h.actors.admin;
      const order = await s.orders.createOrder(admin, {
        platform: 'jd',
        platformOrderId: 'JD-APPEAL-1',
        amountFen: 39_900,
      });
      const claimWithPhoto = async (colour: number) => {
        const claim = await s.claims.createClaim(admin, {
          orderId: order.id,
          type: 'refund_only',
          reason: '把手断了',
          amountFen: 39_900,
        });
        await s.evidence.addEvidence(
          admin,
          claim.id,
          { filename: 'handle.jpg', source: [await testJpeg(colour, 80, 40)], maxBytes: 1 << 20 },
          'buyer',
        );
        return claim.id;
      };
      rejectedId = await claimWithPhoto(40);
      undecidedId = await claimWithPhoto(90);
      await h.runJobs();
      await s.claims.merchantRespond(admin, rejectedId, { statement: '出库前检查完好', accept: false });
      await s.claims.decide(h.actors.reviewer, rejectedId, { outcome: 'rejected', reasonCode: 'evidence_forged' });
    });
    after(() => h.dispose());

    it('lets the buyer appeal a rejection once: 200 with the claim as the buyer sees it, audited', async () => {
      const buyer = await link(rejectedId);
      const res = await appeal(buyer);
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json<BuyerClaimBody>();
      assert.equal(body.id, rejectedId);
      assert.equal(body.status, 'appealed');
      assert.equal(body.appealCount, 1);
      assert.equal(body.decision?.outcome, 'rejected');
      assert.equal(body.evidence.length, 1);
      assert.equal(body.riskScore, undefined, 'no risk score for the buyer');
      assert.equal(body.appealReason, undefined, 'the buyer view, not the staff one');

      const staff = await h.services.claims.getClaim(h.actors.reviewer, rejectedId);
      assert.equal(staff.status, 'appealed');
      assert.equal(staff.appealReason, '收货时包装就是破的，我有快递员签收时的照片');
      const events = await h.t.db.kysely
        .selectFrom('audit_events')
        .select(['actor', 'data_json'])
        .where('subject_id', '=', rejectedId)
        .where('action', '=', 'claim.status_changed')
        .orderBy('seq')
        .execute();
      const last = events.at(-1);
      assert.match(last?.actor ?? '', /^buyer/);
      assert.match(last?.data_json ?? '', /"to":"appealed"/);

      const again = await appeal(buyer, '再申诉一次');
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json<ErrorBody>().error.code, 'invalid_state');
      assert.equal((await h.services.claims.getClaim(h.actors.reviewer, rejectedId)).appealCount, 1);
    });

    it('answers 409 before a decision, 422 for an empty reason, 401 without a link', async () => {
      const buyer = await link(undecidedId);
      const early = await appeal(buyer);
      assert.equal(early.statusCode, 409, early.body);
      assert.equal(early.json<ErrorBody>().error.code, 'invalid_state');
      assert.equal((await h.services.claims.getClaim(h.actors.reviewer, undecidedId)).appealCount, 0);
      const empty = await appeal(buyer, '');
      assert.equal(empty.statusCode, 422, empty.body);
      const anonymous = await appeal({});
      assert.equal(anonymous.statusCode, 401);
    });
  });
}
