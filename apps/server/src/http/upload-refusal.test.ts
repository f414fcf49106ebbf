/**
 * Every upload route refuses a file that is not a supported image with 415 and leaves the blob folder without a new
 * file (no unreferenced blob, no temp file), on both dialects.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../testing/databases.js';
import { createTestApp, multipartFile, testJpeg, type Credentials, type TestApp } from './test-app.js';

/** Not images, each with distinct bytes (a blob left behind by one could not hide behind another's). */
const refused = (n: number): [string, Buffer][] => [
  [`drawing-${n}.jpg`, Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg"><!-- ${n} --></svg>`)],
  [`scan-${n}.png`, Buffer.concat([Buffer.from(`%PDF-1.7 ${n}\n`), Buffer.alloc(100_000, 0x20)])],
  [`archive-${n}.heic`, Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04, n]), Buffer.alloc(5000, n)])],
  [`page-${n}.webp`, Buffer.from(`<!doctype html><html><body>${n}</body></html>`)],
];

for (const dialect of TEST_DIALECTS) {
  describe(`refused uploads over HTTP on ${dialect}`, () => {
    let h: TestApp;
    const urls: string[] = [];
    let buyer: Credentials;
    before(async () => {
      h = await createTestApp(dialect);
      const admin = h.actors.admin;
      const product = await h.services.catalogue.createProduct(admin, { sku: 'R-1', name: '智能门锁 R1' });
      const order = await h.services.orders.createOrder(admin, {
        platform: 'taobao',
        platformOrderId: 'TB-R-1',
        amountFen: 9_900,
      });
      const claim = await h.services.claims.createClaim(admin, {
        orderId: order.id,
        type: 'refund_only',
        reason: '面板有划痕',
        amountFen: 9_900,
      });
      urls.push(
        `/api/v1/claims/${claim.id}/evidence`,
        `/api/v1/products/${product.id}/photos`,
        `/api/v1/orders/${order.id}/photos`,
        '/api/v1/buyer/claim/evidence',
      );
      buyer = { authorization: `Buyer ${(await h.services.auth.issueBuyerLink(admin, claim.id)).token}` };
    });
    after(() => h.dispose());

    const post = (url: string, filename: string, bytes: Uint8Array) => {
      const form = multipartFile(filename, bytes);
      return h.app.inject({
        method: 'POST',
        url,
        headers: { ...(url.startsWith('/api/v1/buyer') ? buyer : h.as.agent), ...form.headers },
        payload: form.payload,
      });
    };

    it('answers 415 and stores nothing on every upload route; an image still goes through', async () => {
      let n = 0;
      for (const url of urls) {
        const accepted = await post(url, 'ok.jpg', await testJpeg(10 + n * 40, 90, 200));
        assert.equal(accepted.statusCode, 201, `${url}: ${accepted.body}`);
        const kept = h.blobCount();
        for (const [filename, bytes] of refused(++n)) {
          const res = await post(url, filename, bytes);
          assert.equal(res.statusCode, 415, `${url} ${filename}: ${res.body}`);
          assert.equal(res.json<{ error: { code: string } }>().error.code, 'unsupported_media_type');
          assert.equal(h.blobCount(), kept, `${url} ${filename} left a file in the blob folder`);
        }
      }
      const evidence = await h.t.db.kysely.selectFrom('evidence').select('id').execute();
      const references = await h.t.db.kysely.selectFrom('reference_photos').select('id').execute();
      assert.equal(evidence.length, 2, 'the staff and buyer photos, nothing refused');
      assert.equal(references.length, 2, 'the listing and packing photos, nothing refused');
    });
  });
}
