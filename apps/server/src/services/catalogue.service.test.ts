import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { createClaimsHarness, upload, type ClaimsHarness } from '../testing/claims-harness.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { fixtureBytes } from '../testing/forgeries.js';
import * as V from '../testing/reference-variants.js';

/**
 * The catalogue on each dialect: products paged by id, reference photos hashed on upload, and the re-analysis of
 * undecided claims when the workspace's reference photos change (a painted copy of a listing photo uploaded before
 * the listing photo is caught once the listing photo arrives, and the claim returns to the merchant).
 */
const LISTING = fixtureBytes('listing/jacket-green.jpg');
const code = (c: string) => (error: unknown) => error instanceof DomainError && error.code === c;

for (const dialect of TEST_DIALECTS) {
  describe(`catalogue on ${dialect}`, () => {
    let h: ClaimsHarness;
    before(async () => {
      h = await createClaimsHarness(dialect);
    });
    after(() => h.dispose());

    it('pages products by id with a cursor', async () => {
      const made = [];
      for (const n of [1, 2, 3, 4, 5])
        made.push(await h.services.catalogue.createProduct(h.agent, { sku: `SKU-${n}`, name: `智能门锁 ${n}` }));
      const first = await h.services.catalogue.listProducts(h.reviewer, { limit: 3 });
      assert.deepEqual(
        first.items.map((p) => p.sku),
        ['SKU-1', 'SKU-2', 'SKU-3'],
      );
      assert.ok(first.nextCursor);
      const second = await h.services.catalogue.listProducts(h.reviewer, { limit: 3, cursor: first.nextCursor });
      assert.deepEqual(
        second.items.map((p) => p.sku),
        ['SKU-4', 'SKU-5'],
      );
      assert.equal(second.nextCursor, null);
      assert.equal((await h.services.catalogue.listProducts(h.outsider)).items.length, 0);
      await assert.rejects(
        h.services.catalogue.addReferencePhoto(
          h.agent,
          { kind: 'listing', productId: made[0]!.id },
          upload('x.png', Buffer.from('%PDF-1.7 not an image')),
        ),
        code('unsupported_media_type'),
      );
    });

    it('re-analyses undecided claims when a reference photo is added or deleted', async () => {
      const { catalogue, orders, claims, evidence } = h.services;
      const product = await catalogue.createProduct(h.agent, { sku: 'JACKET', name: '绿色夹克' });
      const order = await orders.createOrder(h.agent, {
        platform: 'douyin',
        platformOrderId: 'DY-1',
        productId: product.id,
        amountFen: 39_900,
      });
      const claim = await claims.createClaim(h.agent, {
        orderId: order.id,
        type: 'return_refund',
        reason: '衣服有污渍',
        amountFen: 39_900,
      });
      const painted = await V.encode(
        await V.paint(await V.decodeRgb(LISTING), 'stain', { cx: 0.5, cy: 0.45, size: 0.2, seed: 3 }),
        'jpeg',
        90,
      );
      await evidence.addEvidence(h.agent, claim.id, upload('stain.jpg', painted), 'buyer');
      await h.runJobs();
      const before = await claims.getClaim(h.agent, claim.id);
      assert.equal(before.status, 'awaiting_merchant');
      const codesOf = async () =>
        (await evidence.listEvidence(h.agent, claim.id))[0]?.report?.findings.map((f) => f.code) ?? [];
      assert.equal((await codesOf()).includes('reference.local_edit'), false);

      const reference = await catalogue.addReferencePhoto(
        h.agent,
        { kind: 'listing', productId: product.id },
        upload('jacket-green.jpg', LISTING),
      );
      assert.deepEqual(
        (await catalogue.listReferencePhotos(h.agent, { productId: product.id })).map((r) => r.id),
        [reference.id],
      );
      assert.ok((await h.runJobs()) >= 2);
      const after = await claims.getClaim(h.agent, claim.id);
      assert.equal(after.status, 'awaiting_merchant');
      assert.equal(after.merchantDeadlineAt, before.merchantDeadlineAt);
      assert.equal(after.flagged, true);
      assert.ok((await codesOf()).includes('reference.local_edit'), (await codesOf()).join(','));

      await catalogue.deleteReferencePhoto(h.agent, reference.id);
      await assert.rejects(catalogue.deleteReferencePhoto(h.agent, reference.id), code('not_found'));
      await h.runJobs();
      assert.equal((await codesOf()).includes('reference.local_edit'), false);
      assert.equal((await claims.getClaim(h.agent, claim.id)).status, 'awaiting_merchant');
      const actions = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', reference.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        actions.map((a) => a.action),
        ['reference_photo.added', 'reference_photo.deleted'],
      );
    });
  });
}
