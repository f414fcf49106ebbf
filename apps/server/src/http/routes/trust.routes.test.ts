/**
 * Trust routes over HTTP on both dialects: a reviewer reads a buyer's credit (directly and beside a claim) after a
 * fraud rejection; admins alone change the settings; malformed JSON answers 400, bodies and queries outside their schema 422, an oversized body 413; agents and buyer
 * links answer 403 (401 for a buyer link on staff routes); another workspace's ids answer 404.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_LEGAL_THRESHOLDS } from '@proofdesk/domain';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { createTestApp, type Credentials, type TestApp } from '../test-app.js';

interface CreditBody {
  buyerId: string;
  score: number;
  band: string;
  factors: { code: string; points: number; text: { zh: string; en: string } }[];
  record: { rejectedFraud: number; fraudAmountFen: number };
  legal: { flags: { code: string; rules: { source: { zh: string } }[] }[] };
}

for (const dialect of TEST_DIALECTS) {
  describe(`trust routes on ${dialect}`, () => {
    let h: TestApp;
    let claimId: string;
    let buyerId: string;
    let buyerLink: Credentials;
    const get = (url: string, headers: Credentials) => h.app.inject({ method: 'GET', url: `/api/v1${url}`, headers });
    const put = (payload: unknown, headers: Credentials, raw = false) =>
      h.app.inject({
        method: 'PUT',
        url: '/api/v1/trust/settings',
        headers: { ...headers, 'content-type': 'application/json' },
        payload: raw ? (payload as string) : JSON.stringify(payload),
      });

    before(async () => {
      h = await createTestApp(dialect);
      const s = h.services;
      const admin = h.actors.admin;
      const order = await s.orders.createOrder(admin, {
        platform: 'jd',
        platformOrderId: 'JD-TRUST-1',
        amountFen: 350_000,
        buyer: { accountId: 'jd_fraudster' },
      });
      const claim = await s.claims.createClaim(admin, {
        orderId: order.id,
        type: 'refund_only',
        reason: '屏幕碎了',
        amountFen: 350_000,
      });
      claimId = claim.id;
      buyerId = order.buyerId!;
      await h.t.db.kysely.updateTable('claims').set({ status: 'in_review' }).where('id', '=', claimId).execute();
      await s.claims.decide(h.actors.reviewer, claimId, { outcome: 'rejected', reasonCode: 'evidence_forged' });
      buyerLink = { authorization: `Buyer ${(await s.auth.issueBuyerLink(admin, claimId)).token}` };
    });
    after(() => h.dispose());

    it('shows a reviewer the credit with its fraud factor and the criminal-range flag with sources', async () => {
      const res = await get(`/buyers/${buyerId}/credit`, h.as.reviewer);
      assert.equal(res.statusCode, 200, res.body);
      const credit = res.json<CreditBody>();
      assert.equal(credit.record.rejectedFraud, 1);
      assert.equal(credit.record.fraudAmountFen, 350_000);
      assert.equal(credit.score, 35);
      const fraud = credit.factors.find((f) => f.code === 'confirmed_fraud');
      assert.equal(fraud?.points, -35);
      assert.match(fraud?.text.zh ?? '', /确认证据造假/);
      assert.equal(credit.legal.flags[0]?.code, 'criminal_large');
      assert.ok(credit.legal.flags[0]?.rules.some((r) => r.source.zh.includes('刑法')));
      const beside = await get(`/claims/${claimId}/buyer-credit`, h.as.reviewer);
      assert.equal(beside.statusCode, 200);
      assert.equal(beside.json<{ credit: CreditBody }>().credit.score, 35);
      const list = await get('/trust/flagged-buyers?minFen=300000', h.as.admin);
      assert.equal(list.statusCode, 200);
      assert.deepEqual(
        list.json<{ items: { buyerId: string }[] }>().items.map((b) => b.buyerId),
        [buyerId],
      );
    });

    it('lets admins alone change the settings, and answers the change', async () => {
      assert.equal((await put({ shareSignals: true }, h.as.reviewer)).statusCode, 403);
      assert.equal((await put({ shareSignals: true }, h.as.agent)).statusCode, 403);
      const res = await put(
        { shareSignals: true, thresholds: { ...DEFAULT_LEGAL_THRESHOLDS, criminalMinFen: 500_000 } },
        h.as.admin,
      );
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json<{ shareSignals: boolean }>().shareSignals, true);
      const read = await get('/trust/settings', h.as.reviewer);
      assert.equal(read.json<{ thresholds: { criminalMinFen: number } }>().thresholds.criminalMinFen, 500_000);
      const credit = (await get(`/buyers/${buyerId}/credit`, h.as.reviewer)).json<CreditBody>();
      assert.equal(credit.legal.flags[0]?.code, 'administrative');
      assert.equal(
        (await put({ thresholds: DEFAULT_LEGAL_THRESHOLDS, shareSignals: false }, h.as.admin)).statusCode,
        200,
      );
    });

    it('refuses malformed input', async () => {
      const cases: [unknown, number, boolean?][] = [
        ['{"shareSignals": tru', 400, true],
        [{ shareSignals: 'yes' }, 422],
        [{ shareSignals: true, extra: 1 }, 422],
        [{ thresholds: { ...DEFAULT_LEGAL_THRESHOLDS, criminalMinFen: -1 } }, 422],
        [{ thresholds: { criminalMinFen: 300_000 } }, 422],
        [{ thresholds: { ...DEFAULT_LEGAL_THRESHOLDS, largeMinFen: 100 } }, 422],
        ['x'.repeat(2_000_000), 413, true],
      ];
      for (const [body, status, raw] of cases) {
        const res = await put(body, h.as.admin, raw);
        assert.equal(res.statusCode, status, `${JSON.stringify(body).slice(0, 80)} → ${res.body.slice(0, 200)}`);
      }
      for (const headers of [{}, { 'content-type': 'text/plain' }]) {
        const res = await h.app.inject({
          method: 'PUT',
          url: '/api/v1/trust/settings',
          headers: { ...h.as.admin, ...headers },
          ...('content-type' in headers ? { payload: 'shareSignals=true' } : {}),
        });
        assert.ok([400, 415, 422].includes(res.statusCode), `no JSON body → ${res.statusCode} ${res.body}`);
      }
      assert.equal((await get('/trust/flagged-buyers?minFen=0', h.as.admin)).statusCode, 422);
      assert.equal((await get('/trust/flagged-buyers?minFen=abc', h.as.admin)).statusCode, 422);
      assert.equal((await get('/trust/flagged-buyers?limit=500', h.as.admin)).statusCode, 422);
      assert.equal((await get('/trust/flagged-buyers?cursor=nope', h.as.admin)).statusCode, 422);
      // An id longer than the router's parameter limit never reaches the handler (414, or 404 as no route matches).
      const long = (await get(`/buyers/${'x'.repeat(101)}/credit`, h.as.admin)).statusCode;
      assert.ok([404, 414].includes(long), `long id → ${long}`);
    });

    it('keeps credit from agents, buyers and other workspaces', async () => {
      assert.equal((await get(`/buyers/${buyerId}/credit`, h.as.agent)).statusCode, 403);
      assert.equal((await get(`/claims/${claimId}/buyer-credit`, h.as.dispatcher)).statusCode, 403);
      for (const url of [`/buyers/${buyerId}/credit`, `/claims/${claimId}/buyer-credit`, '/trust/settings']) {
        const res = await get(url, buyerLink);
        assert.ok([401, 403].includes(res.statusCode), `${url} → ${res.statusCode}`);
      }
      assert.equal((await get(`/buyers/${buyerId}/credit`, h.as.outsider)).statusCode, 404);
      assert.equal((await get(`/claims/${claimId}/buyer-credit`, h.as.outsider)).statusCode, 404);
      const theirs = await get('/trust/flagged-buyers', h.as.outsider);
      assert.deepEqual(theirs.json<{ items: unknown[] }>().items, []);
      assert.equal((await get(`/buyers/${buyerId}/credit`, {})).statusCode, 401);
    });
  });
}
