/**
 * `GET /api/v1/claims/{id}/evidence-package` on both dialects: the PDF and the streamed ZIP with their headers, the
 * ZIP verifying, malformed queries (422), a buyer link (403), another workspace (404) and no credentials (401).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { verifyPackageZip } from '../../services/evidence-package/package-verify.js';
import { createTestApp, testJpeg, type TestApp } from '../test-app.js';

interface ErrorBody {
  error: { code: string };
}

for (const dialect of TEST_DIALECTS) {
  describe(`evidence package route on ${dialect}`, () => {
    let h: TestApp;
    let claimId: string;
    let dir: string;
    const get = (query: string, headers: Record<string, string>) =>
      h.app.inject({ method: 'GET', url: `/api/v1/claims/${claimId}/evidence-package${query}`, headers });

    before(async () => {
      h = await createTestApp(dialect);
      dir = mkdtempSync(join(tmpdir(), 'proofdesk-package-route-'));
      const s = h.services;
      const order = await s.orders.createOrder(h.actors.admin, {
        platform: 'taobao',
        platformOrderId: 'TB-PKG-1',
        amountFen: 19_900,
        buyer: { accountId: 'tb_pkg_1', contact: { name: '王五' } },
      });
      const claim = await s.claims.createClaim(h.actors.agent, {
        orderId: order.id,
        type: 'return_refund',
        reason: '屏幕有划痕',
        amountFen: 19_900,
      });
      claimId = claim.id;
      await s.evidence.addEvidence(
        h.actors.agent,
        claimId,
        { filename: '划痕 照片.jpg', source: [await testJpeg(90, 320, 240)], maxBytes: 1 << 20 },
        'buyer',
      );
      await h.runJobs();
    });
    after(async () => {
      await h.dispose();
      rmSync(dir, { recursive: true, force: true });
    });

    it('answers the zh PDF by default, as an attachment that is not cached', async () => {
      const res = await get('', h.as.reviewer);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/pdf');
      assert.equal(
        res.headers['content-disposition'],
        `attachment; filename="evidence-package-${claimId}-zh.pdf"; filename*=UTF-8''evidence-package-${claimId}-zh.pdf`,
      );
      assert.equal(res.headers['cache-control'], 'private, no-store');
      assert.equal(res.rawPayload.subarray(0, 5).toString(), '%PDF-');
    });

    it('streams the English ZIP, which verifies', async () => {
      const res = await get('?format=zip&lang=en', h.as.agent);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.headers['content-type'], 'application/zip');
      assert.match(String(res.headers['content-disposition']), /filename="evidence-package-.+-en\.zip"/);
      const file = join(dir, 'route.zip');
      writeFileSync(file, res.rawPayload);
      const verdict = await verifyPackageZip(file);
      assert.deepEqual(verdict.ok && verdict.claimId, claimId);
      // The key that signed it is the one staff read from the key route, and verification pinned to it passes.
      const key = await h.app.inject({
        method: 'GET',
        url: '/api/v1/workspace/package-signing-key',
        headers: h.as.agent,
      });
      assert.equal(key.statusCode, 200, key.body);
      const view = key.json<{ fingerprint: string; publicKey: string; publicKeyPem: string; algorithm: string }>();
      assert.equal(view.algorithm, 'Ed25519');
      assert.ok(verdict.ok && verdict.signedBy.fingerprint === view.fingerprint);
      assert.match(view.publicKeyPem, /^-----BEGIN PUBLIC KEY-----\n/);
      assert.equal((await verifyPackageZip(file, { fingerprint: view.fingerprint })).ok, true);
    });

    it('answers the signing key to staff only, the same every time, and each workspace its own', async () => {
      const url = '/api/v1/workspace/package-signing-key';
      const read = (headers: Record<string, string>) => h.app.inject({ method: 'GET', url, headers });
      const [a, b] = [await read(h.as.reviewer), await read(h.as.admin)];
      assert.equal(a.statusCode, 200);
      assert.deepEqual(a.json(), b.json());
      const other = await read(h.as.outsider);
      assert.equal(other.statusCode, 200);
      assert.notEqual(other.json<{ fingerprint: string }>().fingerprint, a.json<{ fingerprint: string }>().fingerprint);
      const link = await h.services.auth.issueBuyerLink(h.actors.admin, claimId);
      assert.equal((await read({ authorization: `Buyer ${link.token}` })).statusCode, 403);
      assert.equal((await read(h.as.technician)).statusCode, 403);
      assert.equal((await read({})).statusCode, 401);
    });

    it('refuses malformed queries, buyers, other roles and other workspaces', async () => {
      // Schema failures answer 422 invalid_input, as on every route (error-handler.ts).
      for (const query of ['?format=docx', '?lang=fr', '?format=', '?format=pdf&lang=zh-CN']) {
        const res = await get(query, h.as.admin);
        assert.equal(res.statusCode, 422, query);
        assert.equal(res.json<ErrorBody>().error.code, 'invalid_input');
      }
      const link = await h.services.auth.issueBuyerLink(h.actors.admin, claimId);
      const buyer = await get('', { authorization: `Buyer ${link.token}` });
      assert.equal(buyer.statusCode, 403);
      assert.equal((await get('', h.as.technician)).statusCode, 403);
      const other = await get('', h.as.outsider);
      assert.equal(other.statusCode, 404);
      assert.equal(other.json<ErrorBody>().error.code, 'not_found');
      assert.equal((await get('', {})).statusCode, 401);
      const missing = await h.app.inject({
        method: 'GET',
        url: '/api/v1/claims/no-such-claim/evidence-package',
        headers: h.as.admin,
      });
      assert.equal(missing.statusCode, 404);
      const exported = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('data_json')
        .where('subject_id', '=', claimId)
        .where('action', '=', 'claim.package_exported')
        .execute();
      const fingerprint = (await h.services.evidencePackages.signingKey(h.actors.agent)).fingerprint;
      assert.deepEqual(
        exported.map((e) => JSON.parse(e.data_json) as unknown),
        [
          { format: 'pdf', lang: 'zh', signingKeyFingerprint: fingerprint, keyCreated: true },
          { format: 'zip', lang: 'en', signingKeyFingerprint: fingerprint },
        ],
      );
    });
  });
}
