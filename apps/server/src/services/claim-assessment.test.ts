import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createClaimsHarness, upload, type ClaimsHarness } from '../testing/claims-harness.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { fixtureBytes } from '../testing/forgeries.js';

/**
 * What analysis does to a claim under the workspace policy, on each dialect, with real camera photos: a clean claim
 * under the ceiling is approved without a human; the same photo in a second claim is flagged as reused, naming the
 * first claim; a flagged claim whose merchant window expires goes to review, even where the workspace approves
 * clean claims on timeout.
 */
const HOUR_MS = 3_600_000;
const CLEAN = fixtureBytes('camera/canon-digital-ixus.jpg');
const CLEAN_TOO = fixtureBytes('camera/nikon-z5-offset-time.jpg');
const CLEAN_THIRD = fixtureBytes('camera/canon-powershot-sd300.jpg');
const REUSED = fixtureBytes('camera/fujifilm-dx10.jpg');

for (const dialect of TEST_DIALECTS) {
  describe(`claim assessment on ${dialect}`, () => {
    let h: ClaimsHarness;
    before(async () => {
      h = await createClaimsHarness(dialect, { onMerchantTimeout: 'approve_if_clean' });
    });
    after(() => h.dispose());

    async function claimWithPhoto(orderNo: string, accountId: string, amountFen: number, photo: Uint8Array) {
      const order = await h.services.orders.createOrder(h.agent, {
        platform: 'pdd',
        platformOrderId: orderNo,
        amountFen,
        buyer: { accountId },
      });
      const claim = await h.services.claims.createClaim(h.agent, {
        orderId: order.id,
        type: 'return_refund',
        reason: '商品有划痕',
        amountFen,
      });
      await h.services.evidence.addEvidence(h.buyer(claim.id), claim.id, upload('photo.jpg', photo), 'buyer');
      return claim;
    }

    it('approves a clean claim under the ceiling without a human', async () => {
      const claim = await claimWithPhoto('PDD-1', 'buyer-a', 3_000, CLEAN);
      await h.runJobs();
      const [photo] = await h.services.evidence.listEvidence(h.agent, claim.id);
      assert.equal(photo?.verdict, 'clean', JSON.stringify(photo?.report?.findings.map((f) => f.code)));
      const after = await h.services.claims.getClaim(h.agent, claim.id);
      assert.equal(after.status, 'approved');
      assert.equal(after.flagged, false);
      assert.deepEqual(after.policyReasons, []);
      assert.equal(after.decision?.reasonCode, 'auto_approved');
      assert.equal(after.decision?.approvedAmountFen, 3_000);
    });

    it('assesses a claim once when two workers finish its two photos at the same time', async () => {
      const claim = await claimWithPhoto('PDD-9', 'buyer-f', 8_000, fixtureBytes('camera/jolla-phone.jpg'));
      await h.services.evidence.addEvidence(
        h.buyer(claim.id),
        claim.id,
        upload('second.jpg', fixtureBytes('camera/oppo-r7-plus.jpg')),
        'buyer',
      );
      assert.ok((await h.runJobs(2)) >= 2);
      const after = await h.services.claims.getClaim(h.agent, claim.id);
      assert.equal(after.status, 'awaiting_merchant');
      const events = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('data_json')
        .where('subject_id', '=', claim.id)
        .where('action', '=', 'claim.status_changed')
        .execute();
      assert.deepEqual(
        events.map((e) => (JSON.parse(e.data_json) as { event: string }).event),
        ['analysis_started', 'analysis_started', 'merchant_window_opened'],
      );
    });

    it('finds the reuse when two workers analyse the same photo of two claims at once', async () => {
      const photo = fixtureBytes('camera/nikon-coolpix-p6000-gps.jpg');
      const a = await claimWithPhoto('PDD-R1', 'buyer-r1', 2_500, photo);
      const b = await claimWithPhoto('PDD-R2', 'buyer-r2', 2_500, photo);
      await h.runJobs(2);
      const reuseOf = async (claimId: string) =>
        (await h.services.evidence.listEvidence(h.agent, claimId))[0]?.report?.findings.find(
          (f) => f.code === 'reuse.seen_in_other_claim',
        )?.facts?.claimIds;
      const [ofA, ofB] = [await reuseOf(a.id), await reuseOf(b.id)];
      assert.ok(ofA !== undefined || ofB !== undefined, 'neither claim saw the other');
      if (ofA) assert.deepEqual(ofA, [b.id]);
      if (ofB) assert.deepEqual(ofB, [a.id]);
    });

    it('keeps a clean claim over the ceiling for the merchant', async () => {
      const claim = await claimWithPhoto('PDD-2', 'buyer-b', 9_000, CLEAN_TOO);
      await h.runJobs();
      const after = await h.services.claims.getClaim(h.agent, claim.id);
      assert.equal(after.status, 'awaiting_merchant');
      assert.equal(after.flagged, false);
      assert.deepEqual(
        after.policyReasons.map((r) => r.code),
        ['amount_over_ceiling'],
      );
    });

    it('flags the same photo in a second claim, naming the first, and sends it to review when the window expires', async () => {
      const first = await claimWithPhoto('PDD-3', 'buyer-c', 2_000, REUSED);
      await h.runJobs();
      assert.equal((await h.services.claims.getClaim(h.agent, first.id)).flagged, false);
      const second = await claimWithPhoto('PDD-4', 'buyer-d', 2_000, REUSED);
      await h.runJobs();
      const [photo] = await h.services.evidence.listEvidence(h.agent, second.id);
      const reuse = photo?.report?.findings.find((f) => f.code === 'reuse.seen_in_other_claim');
      assert.ok(reuse, JSON.stringify(photo?.report?.findings.map((f) => f.code)));
      assert.equal(reuse.severity, 'high');
      assert.deepEqual(reuse.facts?.claimIds, [first.id]);
      assert.ok(reuse.detail.en.includes(first.id));
      const flagged = await h.services.claims.getClaim(h.agent, second.id);
      assert.equal(flagged.status, 'awaiting_merchant');
      assert.equal(flagged.flagged, true);
      const platform = await h.t.db.kysely
        .selectFrom('platform_hashes')
        .selectAll()
        .where('pdq_hash', '=', photo!.pdqHash!)
        .executeTakeFirstOrThrow();
      assert.equal(Number(platform.seen_count), 2);
      assert.deepEqual(Object.keys(platform).sort(), ['first_seen_at', 'pdq_hash', 'seen_count']);

      h.clock.advance(47 * HOUR_MS);
      await h.runJobs();
      assert.equal((await h.services.claims.getClaim(h.agent, second.id)).status, 'awaiting_merchant');
      h.clock.advance(HOUR_MS + 60_000);
      assert.ok((await h.runJobs()) >= 1);
      const expired = await h.services.claims.getClaim(h.agent, second.id);
      assert.equal(expired.status, 'in_review');
      assert.equal(expired.decision, null);
    });

    it('approves a clean claim on timeout only where the workspace says so and the amount is within the ceiling', async () => {
      // The over-ceiling clean claim's window has passed with the clock above: review, not approval.
      const page = await h.services.claims.listClaims(h.agent, { q: 'PDD-2' });
      assert.equal(page.items.length, 1);
      assert.equal(page.items[0]?.status, 'in_review');
      // A buyer with three earlier claims is never auto-approved; the clean claim waits for the merchant.
      for (const n of [1, 2, 3]) {
        const order = await h.services.orders.createOrder(h.agent, {
          platform: 'pdd',
          platformOrderId: `PDD-E${n}`,
          amountFen: 1_000,
          buyer: { accountId: 'buyer-e' },
        });
        await h.services.claims.createClaim(h.agent, {
          orderId: order.id,
          type: 'refund_only',
          reason: '少件',
          amountFen: 500,
        });
      }
      const claim = await claimWithPhoto('PDD-E4', 'buyer-e', 1_500, CLEAN_THIRD);
      await h.runJobs();
      const waiting = await h.services.claims.getClaim(h.agent, claim.id);
      assert.equal(waiting.status, 'awaiting_merchant');
      assert.equal(waiting.flagged, false);
      assert.deepEqual(
        waiting.policyReasons.map((r) => r.code),
        ['buyer_many_claims'],
      );
      h.clock.advance(48 * HOUR_MS + 1_000);
      await h.runJobs();
      const approved = await h.services.claims.getClaim(h.agent, claim.id);
      assert.equal(approved.status, 'approved');
      assert.equal(approved.decision?.reasonCode, 'merchant_timeout');
    });
  });
}
