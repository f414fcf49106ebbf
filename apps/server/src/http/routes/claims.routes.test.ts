import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { createTestApp, multipartFile, testJpeg, type TestApp } from '../test-app.js';

interface ErrorBody {
  error: { code: string; message: { zh: string; en: string }; details?: Record<string, unknown> };
}

for (const dialect of TEST_DIALECTS) {
  describe(`claims over HTTP on ${dialect}`, () => {
    let h: TestApp;
    let orderId: string;
    let buyerId: string;
    before(async () => {
      h = await createTestApp(dialect, { maxUploadBytes: 64 * 1024 });
      const res = await h.app.inject({
        method: 'POST',
        url: '/api/v1/orders',
        headers: h.as.agent,
        payload: {
          platform: 'taobao',
          platformOrderId: 'TB-2001',
          amountFen: 29_900,
          deliveredAt: new Date(h.clock.nowMs() - 86_400_000).toISOString(),
          buyer: { accountId: 'tb-7788', contact: { name: '李四', phone: '139 0000 1111', address: '三亚市吉阳区' } },
        },
      });
      assert.equal(res.statusCode, 201, res.body);
      ({ id: orderId, buyerId } = res.json<{ id: string; buyerId: string }>());
    });
    after(() => h.dispose());

    const createClaim = (key: string, amountFen: number) =>
      h.app.inject({
        method: 'POST',
        url: '/api/v1/claims',
        headers: { ...h.as.agent, 'idempotency-key': key },
        payload: { orderId, type: 'refund_only', reason: '收到时门锁面板碎裂', amountFen },
      });

    it('creates a claim once per Idempotency-Key: a replay answers the same claim, another body 409', async () => {
      const first = await createClaim('key-1', 29_900);
      assert.equal(first.statusCode, 201, first.body);
      const replay = await createClaim('key-1', 29_900);
      assert.equal(replay.statusCode, 201);
      assert.equal(replay.headers['idempotent-replayed'], 'true');
      assert.deepEqual(replay.json(), first.json());
      const mismatch = await createClaim('key-1', 100);
      assert.equal(mismatch.statusCode, 409);
      assert.equal(mismatch.json<ErrorBody>().error.code, 'idempotency_mismatch');
      const claims = await h.t.db.kysely.selectFrom('claims').select('id').where('order_id', '=', orderId).execute();
      assert.equal(claims.length, 1);
      const other = await h.app.inject({
        method: 'POST',
        url: '/api/v1/claims',
        headers: { ...h.as.outsider, 'idempotency-key': 'key-1' },
        payload: { orderId, type: 'refund_only', reason: 'x', amountFen: 100 },
      });
      assert.equal(other.statusCode, 404, 'keys are per workspace; the order is not the outsider’s');
    });

    it('makes order and product creation idempotent too, per workspace', async () => {
      const order = { platform: 'pdd', platformOrderId: 'PDD-9', amountFen: 500 };
      const post = (url: string, payload: object, headers = h.as.agent) =>
        h.app.inject({ method: 'POST', url, headers: { ...headers, 'idempotency-key': 'same-key' }, payload });
      const a = await post('/api/v1/orders', order);
      const b = await post('/api/v1/orders', order);
      assert.equal(a.statusCode, 201, a.body);
      assert.equal(b.json<{ id: string }>().id, a.json<{ id: string }>().id);
      const other = await post('/api/v1/orders', order, h.as.outsider);
      assert.equal(other.statusCode, 201, 'another workspace’s same key is its own');
      assert.notEqual(other.json<{ id: string }>().id, a.json<{ id: string }>().id);
      const reused = await post('/api/v1/products', { sku: 'IDEM-1', name: '猫眼锁' });
      assert.equal(reused.statusCode, 409, 'a key names one request, whatever the route');
      assert.equal(reused.json<ErrorBody>().error.code, 'idempotency_mismatch');
      const product = (key: string) =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/products',
          headers: { ...h.as.agent, 'idempotency-key': key },
          payload: { sku: 'IDEM-1', name: '猫眼锁' },
        });
      assert.equal((await product('product-key')).statusCode, 201);
      const again = await product('product-key');
      assert.equal(again.statusCode, 201);
      assert.equal(again.headers['idempotent-replayed'], 'true');
    });

    it('answers 422 naming the field for a bad body or query, 404 for an unknown id', async () => {
      const bad = await h.app.inject({
        method: 'POST',
        url: '/api/v1/claims',
        headers: h.as.agent,
        payload: { orderId, type: 'refund_only', reason: '坏了', amountFen: -5 },
      });
      assert.equal(bad.statusCode, 422);
      const fields = (bad.json<ErrorBody>().error.details?.fields ?? []) as { field: string }[];
      assert.deepEqual(
        fields.map((x) => x.field),
        ['body.amountFen'],
      );
      const badType = await h.app.inject({
        method: 'POST',
        url: '/api/v1/claims',
        headers: h.as.agent,
        payload: { orderId, type: 'free_money', reason: '坏了', amountFen: 5 },
      });
      assert.equal(badType.statusCode, 422);
      const badQuery = await h.app.inject({ method: 'GET', url: '/api/v1/claims?limit=0', headers: h.as.agent });
      assert.equal(badQuery.statusCode, 422);
      const missing = await h.app.inject({ method: 'GET', url: '/api/v1/claims/nope', headers: h.as.agent });
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json<ErrorBody>().error.code, 'not_found');
    });

    it('uploads evidence, analyses it, and serves its report and bytes; lists with filters and a cursor', async () => {
      const claim = (await createClaim('key-2', 1_000)).json<{ id: string }>();
      const jpeg = await testJpeg(90, 140, 200);
      const form = multipartFile('裂痕.jpg', jpeg);
      const up = await h.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claim.id}/evidence`,
        headers: { ...h.as.agent, ...form.headers },
        payload: form.payload,
      });
      assert.equal(up.statusCode, 201, up.body);
      const evidence = up.json<{ id: string; filename: string; status: string }>();
      assert.equal(evidence.filename, '裂痕.jpg');
      assert.equal(evidence.status, 'pending');
      assert.ok((await h.runJobs()) >= 1);
      const list = await h.app.inject({
        method: 'GET',
        url: `/api/v1/claims/${claim.id}/evidence`,
        headers: h.as.reviewer,
      });
      const [analysed] = list.json<{ items: { status: string; report: { verdict: string } | null }[] }>().items;
      assert.equal(analysed?.status, 'analysed');
      assert.ok(analysed.report && ['clean', 'suspicious', 'forged', 'error'].includes(analysed.report.verdict));
      const image = await h.app.inject({
        method: 'GET',
        url: `/api/v1/claims/${claim.id}/evidence/${evidence.id}/image`,
        headers: h.as.reviewer,
      });
      assert.equal(image.statusCode, 200);
      assert.equal(image.headers['content-type'], 'image/jpeg');
      assert.equal(image.headers['x-content-type-options'], 'nosniff');
      assert.deepEqual(image.rawPayload, jpeg);

      const page1 = await h.app.inject({ method: 'GET', url: '/api/v1/claims?limit=1', headers: h.as.agent });
      const p1 = page1.json<{ items: { id: string }[]; nextCursor: string | null }>();
      assert.equal(p1.items.length, 1);
      assert.ok(p1.nextCursor);
      const page2 = await h.app.inject({
        method: 'GET',
        url: `/api/v1/claims?limit=1&cursor=${encodeURIComponent(p1.nextCursor)}`,
        headers: h.as.agent,
      });
      const p2 = page2.json<{ items: { id: string }[] }>();
      assert.equal(p2.items.length, 1);
      assert.notEqual(p2.items[0]?.id, p1.items[0]?.id);
    });

    it('refuses an oversized upload with 413 and stores nothing; a non-image with 415', async () => {
      const claim = (await createClaim('key-3', 1_000)).json<{ id: string }>();
      const blobsBefore = h.blobCount();
      const big = await testJpeg(10, 10, 10, 1200, 900);
      const noisy = Buffer.concat([big, Buffer.alloc(70 * 1024, 7)]);
      const form = multipartFile('big.jpg', noisy);
      const res = await h.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claim.id}/evidence`,
        headers: { ...h.as.agent, ...form.headers },
        payload: form.payload,
      });
      assert.equal(res.statusCode, 413, res.body);
      assert.equal(res.json<ErrorBody>().error.code, 'payload_too_large');
      assert.equal(h.blobCount(), blobsBefore, 'no blob and no temp file left');
      const rows = await h.t.db.kysely.selectFrom('evidence').select('id').where('claim_id', '=', claim.id).execute();
      assert.equal(rows.length, 0);

      const text = multipartFile(
        'not-a-photo.jpg',
        Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
        'image/jpeg',
      );
      const svg = await h.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claim.id}/evidence`,
        headers: { ...h.as.agent, ...text.headers },
        payload: text.payload,
      });
      assert.equal(svg.statusCode, 415);
      assert.equal(svg.json<ErrorBody>().error.code, 'unsupported_media_type');
      const json = await h.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claim.id}/evidence`,
        headers: h.as.agent,
        payload: { file: 'nope' },
      });
      assert.equal(json.statusCode, 415, 'a JSON body where a form is expected');
    });

    it('stores nothing for an upload whose client goes away halfway', async () => {
      const claim = (await createClaim('key-abort', 1_000)).json<{ id: string }>();
      const blobsBefore = h.blobCount();
      const address = await h.app.listen({ port: 0, host: '127.0.0.1' });
      const { port } = new URL(address);
      const form = multipartFile('half.jpg', await testJpeg(1, 2, 3, 400, 300));
      const cookie = h.as.agent.cookie ?? '';
      const csrf = h.as.agent['x-csrf-token'] ?? '';
      await new Promise<void>((resolve, reject) => {
        const socket = connect(Number(port), '127.0.0.1', () => {
          socket.write(
            `POST /api/v1/claims/${claim.id}/evidence HTTP/1.1\r\nHost: localhost\r\n` +
              `Content-Type: ${form.headers['content-type']}\r\nContent-Length: ${form.payload.length}\r\n` +
              `Cookie: ${cookie}\r\nx-csrf-token: ${csrf}\r\n\r\n`,
          );
          socket.write(form.payload.subarray(0, Math.floor(form.payload.length / 2)), () => {
            setTimeout(() => socket.destroy(), 200);
          });
        });
        socket.on('close', () => resolve());
        socket.on('error', reject);
      });
      // Give the server a moment to notice the closed socket and clean up.
      for (let i = 0; i < 50 && readdirSync(join(h.blobRoot, 'tmp')).length > 0; i++)
        await new Promise((r) => setTimeout(r, 20));
      assert.equal(h.blobCount(), blobsBefore, 'no blob and no temp file left');
      const rows = await h.t.db.kysely.selectFrom('evidence').select('id').where('claim_id', '=', claim.id).execute();
      assert.equal(rows.length, 0);
    });

    it('answers 409 for a step the claim is not in a state for', async () => {
      const claim = (await createClaim('key-4', 1_000)).json<{ id: string }>();
      const appeal = await h.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claim.id}/appeal`,
        headers: h.as.agent,
        payload: { reason: '不服' },
      });
      assert.equal(appeal.statusCode, 409);
      assert.equal(appeal.json<ErrorBody>().error.code, 'invalid_state');
      const withdrawn = await h.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claim.id}/withdraw`,
        headers: h.as.agent,
      });
      assert.equal(withdrawn.statusCode, 200, withdrawn.body);
      assert.equal(withdrawn.json<{ status: string }>().status, 'withdrawn');
      const again = await h.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${claim.id}/withdraw`,
        headers: h.as.agent,
      });
      assert.equal(again.statusCode, 409);
    });

    it('finds a buyer by phone in any notation and reveals contact only on an audited request', async () => {
      const found = await h.app.inject({
        method: 'GET',
        url: `/api/v1/buyers?phone=${encodeURIComponent('+86 13900001111')}`,
        headers: h.as.reviewer,
      });
      assert.deepEqual(
        found.json<{ items: { id: string }[] }>().items.map((b) => b.id),
        [buyerId],
      );
      const reviewerReveal = await h.app.inject({
        method: 'POST',
        url: `/api/v1/buyers/${buyerId}/contact/reveal`,
        headers: h.as.reviewer,
      });
      assert.equal(reviewerReveal.statusCode, 403);
      const reveal = await h.app.inject({
        method: 'POST',
        url: `/api/v1/buyers/${buyerId}/contact/reveal`,
        headers: h.as.agent,
      });
      assert.equal(reveal.statusCode, 200);
      assert.deepEqual(reveal.json(), { name: '李四', phone: '139 0000 1111', address: '三亚市吉阳区' });
      const audit = await h.t.db.kysely
        .selectFrom('audit_events')
        .select(['actor', 'action'])
        .where('subject_id', '=', buyerId)
        .where('action', '=', 'buyer.contact_revealed')
        .execute();
      assert.equal(audit.length, 1);
      const history = await h.app.inject({
        method: 'GET',
        url: `/api/v1/buyers/${buyerId}/claims`,
        headers: h.as.agent,
      });
      const stored = await h.t.db.kysely.selectFrom('claims').select('id').where('buyer_id', '=', buyerId).execute();
      assert.ok(stored.length >= 4);
      assert.deepEqual(
        history
          .json<{ items: { id: string }[] }>()
          .items.map((c) => c.id)
          .sort(),
        stored.map((c) => c.id).sort(),
      );
    });
    // Last: it moves the clock a week on, past every session.
    it('gives a buyer one claim through a signed link, which expires with 410 and cannot be bent to another claim', async () => {
      const a = (await createClaim('key-5', 1_000)).json<{ id: string }>();
      const b = (await createClaim('key-6', 2_000)).json<{ id: string }>();
      const link = await h.app.inject({
        method: 'POST',
        url: `/api/v1/claims/${a.id}/buyer-link`,
        headers: h.as.agent,
        payload: {},
      });
      assert.equal(link.statusCode, 201, link.body);
      const { token, url } = link.json<{ token: string; url: string; expiresAt: string }>();
      const viaQuery = await h.app.inject({ method: 'GET', url });
      assert.equal(viaQuery.statusCode, 200, viaQuery.body);
      const seen = viaQuery.json<Record<string, unknown>>();
      assert.equal(seen.id, a.id);
      assert.equal('riskScore' in seen, false, 'buyers do not see risk scores');
      const viaHeader = await h.app.inject({
        method: 'GET',
        url: '/api/v1/buyer/claim',
        headers: { authorization: `Buyer ${token}` },
      });
      assert.equal(viaHeader.json<{ id: string }>().id, a.id);

      const form = multipartFile('buyer.jpg', await testJpeg(200, 30, 30));
      const upload = await h.app.inject({
        method: 'POST',
        url: `/api/v1/buyer/claim/evidence?token=${encodeURIComponent(token)}`,
        headers: form.headers,
        payload: form.payload,
      });
      assert.equal(upload.statusCode, 201, upload.body);
      const onB = await h.t.db.kysely.selectFrom('evidence').select('id').where('claim_id', '=', b.id).execute();
      assert.equal(onB.length, 0);

      const [version, , signature] = token.split('.');
      const payloadB = Buffer.from(
        JSON.stringify({ c: b.id, w: h.workspaceId, e: h.clock.nowMs() + 86_400_000 }),
      ).toString('base64url');
      const forged = await h.app.inject({
        method: 'GET',
        url: '/api/v1/buyer/claim',
        headers: { authorization: `Buyer ${version}.${payloadB}.${signature}` },
      });
      assert.equal(forged.statusCode, 401);
      const staffOnBuyerRoute = await h.app.inject({ method: 'GET', url: '/api/v1/buyer/claim', headers: h.as.admin });
      assert.equal(staffOnBuyerRoute.statusCode, 403);
      const buyerOnStaffRoute = await h.app.inject({
        method: 'GET',
        url: `/api/v1/claims/${a.id}`,
        headers: { authorization: `Buyer ${token}` },
      });
      assert.equal(buyerOnStaffRoute.statusCode, 403);

      h.clock.advance(7 * 86_400_000 + 1);
      const expired = await h.app.inject({ method: 'GET', url });
      assert.equal(expired.statusCode, 410);
      assert.equal(expired.json<ErrorBody>().error.code, 'link_expired');
    });
  });
}
