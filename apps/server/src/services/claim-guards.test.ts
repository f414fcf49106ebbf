import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { createClaimsHarness, upload, type ClaimsHarness } from '../testing/claims-harness.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { fixtureBytes } from '../testing/forgeries.js';
import { applyClaimChange } from './claim-transition.js';

/**
 * What the claims services refuse, on each dialect: wrong states, another workspace's ids, a buyer reaching past
 * its claim, missing permissions, stale concurrent changes, duplicates, bad uploads; and cursor pagination.
 */
const code = (c: string) => (error: unknown) => {
  assert.ok(error instanceof DomainError, String(error));
  assert.equal(error.code, c, error.message);
  return true;
};
const PHOTO = fixtureBytes('camera/fujifilm-dx10.jpg');

for (const dialect of TEST_DIALECTS) {
  describe(`claim guards on ${dialect}`, () => {
    let h: ClaimsHarness;
    let orderId: string;
    before(async () => {
      h = await createClaimsHarness(dialect);
      orderId = (
        await h.services.orders.createOrder(h.agent, {
          platform: 'taobao',
          platformOrderId: 'G-1',
          amountFen: 10_000,
          buyer: { accountId: 'guard-buyer' },
        })
      ).id;
    });
    after(() => h.dispose());

    const newClaim = () =>
      h.services.claims.createClaim(h.agent, { orderId, type: 'exchange', reason: '尺码不符', amountFen: 4_000 });

    it('refuses actions the status machine does not allow, with invalid_state', async () => {
      const { claims, evidence } = h.services;
      const claim = await newClaim();
      await assert.rejects(
        claims.decide(h.reviewer, claim.id, { outcome: 'approved', reasonCode: 'ok' }),
        code('invalid_state'),
      );
      await assert.rejects(
        claims.merchantRespond(h.agent, claim.id, { statement: '同意', accept: true }),
        code('invalid_state'),
      );
      await assert.rejects(claims.appeal(h.buyer(claim.id), claim.id, { reason: '不服' }), code('invalid_state'));
      await assert.rejects(claims.finalise(h.reviewer, claim.id), code('invalid_state'));
      assert.equal((await claims.withdraw(h.buyer(claim.id), claim.id)).status, 'withdrawn');
      await assert.rejects(claims.withdraw(h.agent, claim.id), code('invalid_state'));
      await assert.rejects(
        evidence.addEvidence(h.buyer(claim.id), claim.id, upload('late.jpg', PHOTO), 'buyer'),
        code('invalid_state'),
      );
    });

    it("answers not_found for another workspace's ids and for a buyer reaching past its claim", async () => {
      const { claims, evidence, orders, catalogue, buyers } = h.services;
      const claim = await newClaim();
      const other = await newClaim();
      const product = await catalogue.createProduct(h.agent, { sku: 'G-SKU', name: '门锁' });
      const order = await orders.getOrder(h.agent, orderId);
      const o = h.outsider;
      await assert.rejects(claims.getClaim(o, claim.id), code('not_found'));
      await assert.rejects(claims.decide(o, claim.id, { outcome: 'rejected', reasonCode: 'x' }), code('not_found'));
      await assert.rejects(claims.withdraw(o, claim.id), code('not_found'));
      await assert.rejects(evidence.listEvidence(o, claim.id), code('not_found'));
      await assert.rejects(evidence.addEvidence(o, claim.id, upload('x.jpg', PHOTO), 'buyer'), code('not_found'));
      await assert.rejects(orders.getOrder(o, orderId), code('not_found'));
      await assert.rejects(
        claims.createClaim(o, { orderId, type: 'repair', reason: '坏了', amountFen: 100 }),
        code('not_found'),
      );
      await assert.rejects(catalogue.getProduct(o, product.id), code('not_found'));
      await assert.rejects(
        catalogue.addReferencePhoto(o, { kind: 'listing', productId: product.id }, upload('l.jpg', PHOTO)),
        code('not_found'),
      );
      await assert.rejects(claims.buyerHistory(o, order.buyerId!), code('not_found'));
      await assert.rejects(buyers.revealBuyerContact(o, order.buyerId!), code('not_found'));
      assert.equal((await claims.listClaims(o)).items.length, 0);
      // A buyer's link reaches one claim: any other id is not found, staff actions are forbidden.
      const buyer = h.buyer(claim.id);
      await assert.rejects(claims.getClaim(buyer, other.id), code('not_found'));
      await assert.rejects(evidence.addEvidence(buyer, other.id, upload('x.jpg', PHOTO), 'buyer'), code('not_found'));
      await assert.rejects(
        evidence.addEvidence(buyer, claim.id, upload('x.jpg', PHOTO), 'merchant'),
        code('forbidden'),
      );
      await assert.rejects(claims.decide(buyer, claim.id, { outcome: 'approved', reasonCode: 'x' }), code('forbidden'));
      await assert.rejects(claims.listClaims(buyer), code('forbidden'));
      assert.equal((await claims.getClaim(buyer, claim.id)).id, claim.id);
    });

    it('checks permissions by role', async () => {
      const { claims, catalogue } = h.services;
      await assert.rejects(
        claims.createClaim(h.reviewer, { orderId, type: 'repair', reason: '坏了', amountFen: 100 }),
        code('forbidden'),
      );
      await assert.rejects(catalogue.createProduct(h.reviewer, { sku: 'R', name: 'r' }), code('forbidden'));
      const claim = await newClaim();
      await assert.rejects(claims.finalise(h.agent, claim.id), code('forbidden'));
    });

    it('validates input and refuses duplicates', async () => {
      const { claims, orders, catalogue } = h.services;
      await assert.rejects(
        claims.createClaim(h.agent, { orderId, type: 'refund_only', reason: '多收', amountFen: 10_001 }),
        code('invalid_input'),
      );
      await assert.rejects(
        claims.createClaim(h.agent, { orderId, type: 'gift' as 'repair', reason: '多收', amountFen: 100 }),
        code('invalid_input'),
      );
      await assert.rejects(
        claims.createClaim(h.agent, { orderId, type: 'repair', reason: ' ', amountFen: 100 }),
        code('invalid_input'),
      );
      await assert.rejects(
        orders.createOrder(h.agent, { platform: 'TaoBao', platformOrderId: 'G-1', amountFen: 1 }),
        code('conflict'),
      );
      await catalogue.createProduct(h.agent, { sku: 'DUP', name: 'a' });
      await assert.rejects(catalogue.createProduct(h.agent, { sku: 'DUP', name: 'b' }), code('conflict'));
      await assert.rejects(claims.listClaims(h.agent, { limit: 0 }), code('invalid_input'));
    });

    it('refuses a stale change with conflict (the conditional update matched no row)', async () => {
      const claim = await newClaim();
      await h.services.claims.withdraw(h.agent, claim.id);
      await assert.rejects(
        h.t.db.kysely.transaction().execute((trx) =>
          applyClaimChange(
            trx,
            { next: () => `stale-${Math.random()}` },
            {
              workspaceId: 'ws1',
              claimId: claim.id,
              from: 'submitted',
              event: 'analysis_started',
              at: new Date(h.clock.nowMs()).toISOString(),
              actor: 'user:agent1',
            },
          ),
        ),
        code('conflict'),
      );
      // Two reviewers deciding at once: exactly one wins.
      const contested = await newClaim();
      await h.t.db.kysely.updateTable('claims').set({ status: 'in_review' }).where('id', '=', contested.id).execute();
      const results = await Promise.allSettled([
        h.services.claims.decide(h.reviewer, contested.id, { outcome: 'approved', reasonCode: 'a' }),
        h.services.claims.decide(h.admin, contested.id, { outcome: 'rejected', reasonCode: 'b' }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const failure = results.find((r) => r.status === 'rejected');
      assert.ok(
        failure?.reason instanceof DomainError && ['conflict', 'invalid_state'].includes(failure.reason.code),
        String(failure?.reason),
      );
    });

    it('refuses uploads that are too large or not images, and stores nothing for them', async () => {
      const claim = await newClaim();
      const svg = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"></svg>');
      await assert.rejects(
        h.services.evidence.addEvidence(h.agent, claim.id, upload('x.jpg', svg), 'buyer'),
        code('unsupported_media_type'),
      );
      await assert.rejects(
        h.services.evidence.addEvidence(h.agent, claim.id, upload('big.jpg', PHOTO, 1_000), 'buyer'),
        code('payload_too_large'),
      );
      assert.deepEqual(await h.services.evidence.listEvidence(h.agent, claim.id), []);
      assert.equal((await h.services.claims.getClaim(h.agent, claim.id)).status, 'submitted');
    });

    it('pages claims newest first with a cursor, and filters by status and search', async () => {
      const { claims } = h.services;
      const all: string[] = [];
      let cursor: string | undefined;
      do {
        const page = await claims.listClaims(h.agent, { limit: 2, ...(cursor ? { cursor } : {}) });
        assert.ok(page.items.length <= 2);
        all.push(...page.items.map((c) => c.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      const rows = await h.t.db.kysely.selectFrom('claims').select('id').where('workspace_id', '=', 'ws1').execute();
      assert.equal(all.length, rows.length);
      assert.deepEqual(all, [...all].sort().reverse());
      const withdrawn = await claims.listClaims(h.agent, { status: 'withdrawn' });
      assert.ok(withdrawn.items.length >= 2 && withdrawn.items.every((c) => c.status === 'withdrawn'));
      assert.equal((await claims.listClaims(h.agent, { q: 'G-1' })).items.length, rows.length);
      assert.equal((await claims.listClaims(h.agent, { q: '尺码' })).items.length, rows.length);
      assert.equal((await claims.listClaims(h.agent, { q: 'no-such-order' })).items.length, 0);
      assert.equal((await claims.listClaims(h.agent, { q: '尺%' })).items.length, 0);
      assert.equal((await claims.listClaims(h.agent, { flagged: true })).items.length, 0);
    });
  });
}
