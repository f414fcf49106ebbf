import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DomainError, verifyAuditChain } from '@proofdesk/domain';
import { toChainedEvent } from '../adapters/db/audit.repository.js';
import { createClaimsHarness, upload, type ClaimsHarness } from '../testing/claims-harness.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { fixtureBytes } from '../testing/forgeries.js';
import * as V from '../testing/reference-variants.js';

/**
 * The claims workflow end to end on each dialect, with the real forensic core: a buyer sends a painted copy of the
 * merchant's listing photo; analysis flags it against the listing photo; the merchant disputes, a reviewer rejects,
 * the buyer appeals once, the claim is final, and the audit chain verifies.
 */
const HOUR_MS = 3_600_000;
const LISTING = fixtureBytes('listing/cap-red-front.jpg');
let forged: Buffer;

before(async () => {
  const base = await V.applySteps(await V.decodeRgb(LISTING), [V.scale(0.8)]);
  forged = await V.encode(await V.paint(base, 'crack', { cx: 0.45, cy: 0.5, size: 0.3, seed: 7 }), 'jpeg', 88);
});

const code = (c: string) => (error: unknown) => error instanceof DomainError && error.code === c;

for (const dialect of TEST_DIALECTS) {
  describe(`claims flow on ${dialect}`, () => {
    let h: ClaimsHarness;
    before(async () => {
      h = await createClaimsHarness(dialect);
    });
    after(() => h.dispose());

    it('flags a painted copy of the listing photo and takes the claim through merchant, reviewer, appeal and final', async () => {
      const { catalogue, orders, claims, evidence } = h.services;
      const product = await catalogue.createProduct(h.agent, { sku: 'CAP-RED', name: '红色棒球帽' });
      const reference = await catalogue.addReferencePhoto(
        h.agent,
        { kind: 'listing', productId: product.id },
        upload('cap-red-front.jpg', LISTING),
      );
      assert.match(reference.pdqHash ?? '', /^[0-9a-f]{64}$/);
      assert.ok(reference.width! > 0 && reference.height! > 0);
      await h.runJobs();

      const order = await orders.createOrder(h.agent, {
        platform: 'taobao',
        platformOrderId: 'TB-1001',
        productId: product.id,
        amountFen: 12_900,
        deliveredAt: '2026-10-30T10:00:00+08:00',
        buyer: { accountId: 'tb_buyer_01', contact: { name: '张伟', phone: '+86 138-0013-8000' } },
      });
      const claim = await claims.createClaim(h.agent, {
        orderId: order.id,
        type: 'refund_only',
        reason: '帽子收到时有裂痕',
        amountFen: 12_900,
      });
      assert.equal(claim.status, 'submitted');
      assert.equal(claim.buyerId, order.buyerId);

      const added = await evidence.addEvidence(h.buyer(claim.id), claim.id, upload('damage.jpg', forged), 'buyer');
      assert.equal(added.status, 'pending');
      assert.equal((await claims.getClaim(h.agent, claim.id)).status, 'analysing');
      assert.ok((await h.runJobs()) >= 1);

      const analysed = await claims.getClaim(h.agent, claim.id);
      assert.equal(analysed.status, 'awaiting_merchant');
      assert.equal(analysed.flagged, true);
      assert.ok(analysed.riskScore !== null && analysed.riskScore >= 0.5, `risk ${analysed.riskScore}`);
      assert.equal(analysed.merchantDeadlineAt, new Date(h.clock.nowMs() + 48 * HOUR_MS).toISOString());
      assert.ok(analysed.policyReasons.some((r) => r.code === 'high_finding' || r.code === 'evidence_not_clean'));
      const [seenByBuyer] = await evidence.listEvidence(h.buyer(claim.id), claim.id);
      assert.equal(seenByBuyer?.report, null);
      assert.equal(seenByBuyer?.verdict, null);
      assert.equal((await claims.getClaim(h.buyer(claim.id), claim.id)).riskScore, null);
      const [report] = await evidence.listEvidence(h.agent, claim.id);
      assert.equal(report?.status, 'analysed');
      assert.notEqual(report?.verdict, 'clean');
      const codes = report?.report?.findings.map((f) => f.code) ?? [];
      assert.ok(codes.includes('reference.derived_from_listing'), codes.join(','));
      assert.ok(codes.includes('reference.local_edit'), codes.join(','));
      const derived = report?.report?.findings.find((f) => f.code === 'reference.derived_from_listing');
      assert.equal(derived?.ref?.file, reference.id);
      assert.match(report?.pdqHash ?? '', /^[0-9a-f]{64}$/);
      const blob = await evidence.getEvidenceBlob(h.agent, claim.id, added.id);
      assert.deepEqual(Buffer.from(blob.bytes), forged);

      // Re-running the analysis with the same references changes nothing.
      assert.equal(
        (
          await h.services.jobHandlers.analyse_evidence(
            { kind: 'analyse_evidence', workspaceId: 'ws1', evidenceId: added.id },
            { attempt: 1, jobId: 'rerun' },
          )
        ).outcome,
        'skipped',
      );

      h.clock.advance(2 * HOUR_MS);
      const responded = await claims.merchantRespond(h.agent, claim.id, {
        statement: '买家图片为我店主图加工而成',
        accept: false,
      });
      assert.equal(responded.status, 'in_review');
      await assert.rejects(
        claims.decide(h.agent, claim.id, { outcome: 'rejected', reasonCode: 'x' }),
        code('forbidden'),
      );
      const rejected = await claims.decide(h.reviewer, claim.id, {
        outcome: 'rejected',
        reasonCode: 'evidence_forged',
        note: '证据照片由商品主图涂改而成',
      });
      assert.equal(rejected.status, 'rejected');
      assert.equal(rejected.decision?.reasonCode, 'evidence_forged');
      assert.equal(rejected.decision?.decidedBy, 'user:reviewer1');

      h.clock.advance(24 * HOUR_MS);
      const appealed = await claims.appeal(h.buyer(claim.id), claim.id, { reason: '我确实收到了破损商品' });
      assert.equal(appealed.status, 'appealed');
      assert.equal(appealed.appealCount, 1);
      const final = await claims.finalise(h.reviewer, claim.id);
      assert.equal(final.status, 'final');
      assert.equal(final.decision?.outcome, 'rejected');
      await assert.rejects(claims.appeal(h.buyer(claim.id), claim.id, { reason: '再次申诉' }), code('invalid_state'));

      const history = await claims.buyerHistory(h.reviewer, order.buyerId!);
      assert.deepEqual(
        history.map((c) => c.id),
        [claim.id],
      );

      const rows = await h.t.db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('workspace_id', '=', 'ws1')
        .orderBy('seq')
        .execute();
      assert.deepEqual(verifyAuditChain(rows.map(toChainedEvent)), { ok: true, checked: rows.length });
      const claimEvents = rows
        .filter((r) => r.subject_id === claim.id)
        .map((r) => JSON.parse(r.data_json) as { event?: string });
      assert.deepEqual(
        claimEvents.map((e) => e.event ?? 'created'),
        [
          'created',
          'analysis_started',
          'merchant_window_opened',
          'merchant_responded',
          'rejected',
          'appealed',
          'finalised',
        ],
      );
    });

    it('seals buyer contact data: found by phone in any notation, revealed with an audit row, never stored in plaintext', async () => {
      const { orders, buyers } = h.services;
      const order = await orders.createOrder(h.agent, {
        platform: 'jd',
        platformOrderId: 'JD-77',
        amountFen: 5_000,
        buyer: {
          accountId: 'jd_user_9',
          contact: { name: '李秀英', phone: '13912345678', address: '四川省凉山州甘洛县新市坝镇 12 号' },
        },
      });
      const again = await orders.createOrder(h.agent, {
        platform: 'jd',
        platformOrderId: 'JD-78',
        amountFen: 5_000,
        buyer: { accountId: 'jd_user_9' },
      });
      assert.equal(again.buyerId, order.buyerId);
      const found = await buyers.findBuyersByPhone(h.agent, '+86 139-1234-5678');
      assert.deepEqual(
        found.map((b) => b.id),
        [order.buyerId],
      );
      assert.deepEqual(await buyers.findBuyersByPhone(h.outsider, '13912345678'), []);
      await assert.rejects(buyers.revealBuyerContact(h.reviewer, order.buyerId!), code('forbidden'));
      await assert.rejects(buyers.revealBuyerContact(h.outsider, order.buyerId!), code('not_found'));
      const contact = await buyers.revealBuyerContact(h.agent, order.buyerId!);
      assert.equal(contact.name, '李秀英');
      assert.equal(contact.phone, '13912345678');
      const audit = await h.t.db.kysely
        .selectFrom('audit_events')
        .select(['actor', 'action'])
        .where('subject_id', '=', order.buyerId!)
        .execute();
      assert.deepEqual(audit, [{ actor: 'user:agent1', action: 'buyer.contact_revealed' }]);
      if (dialect === 'sqlite') {
        const files = [h.t.spec, `${h.t.spec}-wal`].map((f) => {
          try {
            return readFileSync(f);
          } catch {
            return Buffer.alloc(0);
          }
        });
        const bytes = Buffer.concat(files);
        assert.ok(bytes.length > 0);
        for (const secret of ['13912345678', '李秀英', '甘洛县', '张伟', '13800138000', 'jd_user_9', 'tb_buyer_01'])
          assert.equal(bytes.includes(Buffer.from(secret, 'utf8')), false, `${secret} is in the database file`);
        // The check itself can fail: text stored in the clear is found.
        assert.ok(bytes.includes(Buffer.from('JD-77', 'utf8')));
      }
    });
  });
}
