import assert from 'node:assert/strict';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { signFeedEntry, type FeedEntry } from '@proofdesk/domain';
import type { PhotoReport } from '@proofdesk/forensics';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { createTestApp, type TestApp } from '../http/test-app.js';
import { upload } from '../testing/claims-harness.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { fixtureBytes, resaved } from '../testing/forgeries.js';
import * as V from '../testing/reference-variants.js';
import { feedBuyerSignals } from './feed-matching.js';
import { FeedSubscriptionService } from './feed-subscription.service.js';
import { silentLogger } from './service-deps.js';

/**
 * Two real instances on loopback, each the whole API over its own database, listening on 127.0.0.1: instance A
 * publishes a signed fraud feed when a reviewer rejects a claim as forged; instance B subscribes over HTTP, pulls,
 * verifies and flags the same faked photo (recompressed) in a new claim, takes the retraction when A's decision is
 * reversed on appeal, and rejects tampered copies of the feed (served by a tampering proxy in front of A) with
 * nothing accepted after the break.
 */
const NETWORK_KEY = randomBytes(32).toString('base64');
let forged: Buffer;

before(async () => {
  const listing = fixtureBytes('listing/cap-red-front.jpg');
  const base = await V.applySteps(await V.decodeRgb(listing), [V.scale(0.8)]);
  forged = await V.encode(await V.paint(base, 'crack', { cx: 0.45, cy: 0.5, size: 0.3, seed: 7 }), 'jpeg', 88);
});

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

type Tamper = (entries: FeedEntry[], feedId: string) => unknown[];
const otherKey = generateKeyPairSync('ed25519').privateKey;

/** Ways a hostile relay changes the feed: each keeps entry 1 intact, so exactly one entry is accepted (or none). */
const TAMPERS: Record<string, { tamper: Tamper; code: string; accepted: number }> = {
  body: {
    tamper: (e) =>
      e.map((x) =>
        x.seq === 2 ? { ...x, body: { ...x.body, reason: `${(x.body as { reason: string }).reason}!` } } : x,
      ),
    code: 'hash_mismatch',
    accepted: 1,
  },
  signature: {
    tamper: (e) =>
      e.map((x) =>
        x.seq === 2
          ? { ...x, signature: Buffer.from(x.signature, 'base64url').fill(1, 0, 4).toString('base64url') }
          : x,
      ),
    code: 'bad_signature',
    accepted: 1,
  },
  dropped: { tamper: (e) => e.filter((x) => x.seq !== 2), code: 'seq_gap', accepted: 1 },
  reordered: {
    tamper: (e) => [...e.filter((x) => x.seq === 1), ...e.filter((x) => x.seq > 1).reverse()],
    code: 'seq_gap',
    accepted: 1,
  },
  'other-key': {
    tamper: (e, feedId) => {
      let prevHash = e[0]!.prevHash;
      return e.map((x) => {
        const { hash: _h, signature: _s, ...unsigned } = x;
        const signed = signFeedEntry(feedId, { ...unsigned, prevHash }, otherKey);
        prevHash = signed.hash;
        return signed;
      });
    },
    code: 'bad_signature',
    accepted: 0,
  },
};

for (const dialect of TEST_DIALECTS) {
  describe(`fraud feeds between two instances on ${dialect}`, () => {
    let a: TestApp;
    let b: TestApp;
    let aPort: number;
    let proxy: Server;
    let proxyPort: number;
    let feedId: string;
    let publicKey: string;
    let bClaimId: string;
    let bBuyerId: string;

    before(async () => {
      [a, b] = await Promise.all([createTestApp(dialect), createTestApp(dialect)]);
      await a.app.listen({ host: '127.0.0.1', port: 0 });
      await b.app.listen({ host: '127.0.0.1', port: 0 });
      aPort = (a.app.server.address() as AddressInfo).port;
      // The tampering relay: /<mode>/api/v1/feeds/<id>/entries → A's real answer, changed; other modes are hostile.
      proxy = createServer((req, res) => {
        const [, mode, ...rest] = (req.url ?? '').split('/');
        const path = `/${rest.join('/')}`;
        if (mode === 'slow') return; // never answers
        if (mode === 'notjson') return void res.writeHead(200).end('<html>not a feed</html>');
        if (mode === 'status') return void res.writeHead(503).end('{}');
        if (mode === 'huge') {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.write('{"entries":["');
          const chunk = 'x'.repeat(64 * 1024);
          let sent = 0;
          const pump = () => {
            while (sent < 80 && res.write(chunk)) sent++;
            if (sent < 80) res.once('drain', pump);
            else res.end('"]}');
          };
          return void pump();
        }
        if (mode === 'redirect') return void res.writeHead(302, { location: `http://127.0.0.1:${aPort}${path}` }).end();
        void fetch(`http://127.0.0.1:${aPort}${path}`).then(async (answer) => {
          const json = (await answer.json()) as { entries: FeedEntry[]; feedId: string };
          const tamper = TAMPERS[mode!];
          const entries = tamper && path.includes('/entries') ? tamper.tamper(json.entries, json.feedId) : json.entries;
          res
            .writeHead(answer.status, { 'content-type': 'application/json' })
            .end(JSON.stringify({ ...json, entries }));
        });
      });
      proxyPort = await listen(proxy);
      for (const x of [a, b]) {
        const set = await x.app.inject({
          method: 'PUT',
          url: '/api/v1/feed-settings/network-key',
          headers: x.as.admin,
          payload: { key: NETWORK_KEY },
        });
        assert.equal(set.statusCode, 200, set.body);
      }
    });
    after(async () => {
      proxy?.closeAllConnections();
      await new Promise((resolve) => proxy?.close(resolve));
      await a?.dispose();
      await b?.dispose();
    });

    /** A claim on an instance by `accountId` with one buyer photo, analysed. */
    async function fileClaim(x: TestApp, accountId: string, photo: Uint8Array, orderNo: string) {
      const { orders, claims, evidence } = x.services;
      const agent = x.actors.agent;
      const order = await orders.createOrder(agent, {
        platform: 'taobao',
        platformOrderId: orderNo,
        amountFen: 129_00,
        deliveredAt: new Date(x.clock.nowMs() - 86_400_000).toISOString(),
        buyer: { accountId },
      });
      const claim = await claims.createClaim(agent, {
        orderId: order.id,
        type: 'refund_only',
        reason: '裂了',
        amountFen: 129_00,
      });
      await evidence.addEvidence(
        { kind: 'buyer', claimId: claim.id, workspaceId: x.workspaceId },
        claim.id,
        upload('damage.jpg', photo),
        'buyer',
      );
      await x.runJobs();
      return { claimId: claim.id, buyerId: order.buyerId! };
    }

    async function rejectAsForged(x: TestApp, claimId: string) {
      await x.services.claims.merchantRespond(x.actors.agent, claimId, { statement: '伪造', accept: false });
      await x.services.claims.decide(x.actors.reviewer, claimId, {
        outcome: 'rejected',
        reasonCode: 'evidence_forged',
      });
      await x.runJobs();
    }

    async function findingsOf(x: TestApp, claimId: string): Promise<PhotoReport['findings']> {
      const [photo] = await x.services.evidence.listEvidence(x.actors.agent, claimId);
      return photo?.report?.findings ?? [];
    }

    it('A publishes a signed signal when a reviewer rejects a claim as forged', async () => {
      const on = await a.app.inject({
        method: 'PUT',
        url: '/api/v1/feed-settings/publishing',
        headers: a.as.admin,
        payload: { enabled: true },
      });
      assert.equal(on.statusCode, 200, on.body);
      const settings = on.json<{ feedId: string; publicKey: string; fingerprint: string }>();
      feedId = settings.feedId;
      publicKey = settings.publicKey;
      assert.match(feedId, /^[A-Za-z0-9_-]{32}$/);
      assert.match(settings.fingerprint, /^([0-9a-f]{4}:){7}[0-9a-f]{4}$/);

      const { claimId } = await fileClaim(a, 'tb_faker_9', forged, 'A-1');
      await rejectAsForged(a, claimId);
      const page = await fetch(`http://127.0.0.1:${aPort}/api/v1/feeds/${feedId}/entries?after=0`);
      const json = (await page.json()) as { entries: FeedEntry[]; head: { seq: number } };
      assert.equal(json.entries.length, 1);
      const [signal] = json.entries;
      assert.equal(signal?.type, 'fraud_signal');
      assert.equal(json.head.seq, 1);
      if (signal?.type !== 'fraud_signal') return;
      assert.equal(signal.body.reasonCode, 'evidence_forged');
      assert.equal(signal.body.amountFen, 129_00);
      assert.equal(signal.body.pdqHashes.length, 1);
      assert.match(signal.body.buyer ?? '', /^[0-9a-f]{64}$/);
      // A retried publish job appends nothing.
      const again = await a.services.jobHandlers['feed.publish'](
        { kind: 'feed.publish', workspaceId: a.workspaceId, claimId },
        { attempt: 2, jobId: 'retry' },
      );
      assert.equal(again.outcome, 'skipped');
      const info = await (await fetch(`http://127.0.0.1:${aPort}/api/v1/feeds/${feedId}`)).json();
      assert.deepEqual((info as { head: { seq: number } }).head.seq, 1);
      assert.equal((await fetch(`http://127.0.0.1:${aPort}/api/v1/feeds/${'x'.repeat(32)}`)).status, 404);
    });

    it('B subscribes over HTTP, pulls, verifies, and flags the same faked photo (recompressed) in a new claim', async () => {
      const created = await b.app.inject({
        method: 'POST',
        url: '/api/v1/feed-subscriptions',
        headers: b.as.admin,
        payload: { name: 'Shop A', url: `http://127.0.0.1:${aPort}/api/v1/feeds/${feedId}`, publicKey },
      });
      assert.equal(created.statusCode, 201, created.body);
      await b.runJobs();
      const [sub] = await b.services.feedSubscriptions.list(b.actors.admin);
      assert.equal(sub?.status, 'active', JSON.stringify(sub?.lastError));
      assert.equal(sub?.lastSeq, 1);
      assert.equal(sub?.signals, 1);

      const recompressed = await resaved(forged, 60);
      assert.notDeepEqual(recompressed, forged);
      ({ claimId: bClaimId, buyerId: bBuyerId } = await fileClaim(b, 'tb_faker_9', recompressed, 'B-1'));
      const finding = (await findingsOf(b, bClaimId)).find((f) => f.code === 'reuse.seen_in_fraud_feed');
      assert.ok(finding, 'the feed finding is on the new claim');
      assert.equal(finding.severity, 'high');
      assert.match(finding.detail.en, /Shop A/);
      assert.match(finding.detail.zh, /Shop A/);
      const claim = await b.services.claims.getClaim(b.actors.agent, bClaimId);
      assert.equal(claim.flagged, true);
      // The buyer's network identity matches across installations: the signal counts in B's credit.
      assert.deepEqual(await feedBuyerSignals.forBuyer(b.t.db.kysely, b.workspaceId, bBuyerId), {
        signals: 1,
        amountFen: 129_00,
      });
      // Another buyer's unrelated photo is not matched.
      const clean = await fileClaim(b, 'tb_honest_1', fixtureBytes('camera/canon-powershot-sd300.jpg'), 'B-2');
      assert.ok(!(await findingsOf(b, clean.claimId)).some((f) => f.code === 'reuse.seen_in_fraud_feed'));
    });

    it('pulls periodically: each periodic pull schedules the next, and a stale or duplicated one is skipped', async () => {
      const [sub] = await b.services.feedSubscriptions.list(b.actors.admin);
      const firstDue = sub!.nextPullAt!;
      assert.equal(Date.parse(firstDue) - Date.parse(sub!.lastPulledAt!), 15 * 60_000);
      const queued = await b.t.db.kysely
        .selectFrom('jobs')
        .select(['payload_json', 'run_at'])
        .where('kind', '=', 'feed.pull')
        .where('status', '=', 'queued')
        .execute();
      assert.deepEqual(
        queued.map((j) => [(JSON.parse(j.payload_json) as { scheduledAt: string }).scheduledAt, j.run_at]),
        [[firstDue, firstDue]],
      );
      const pull = (scheduledAt: string | null) =>
        b.services.jobHandlers['feed.pull'](
          { kind: 'feed.pull', workspaceId: b.workspaceId, subscriptionId: sub!.id, scheduledAt },
          { attempt: 1, jobId: 'test' },
        );
      assert.equal((await pull(new Date(Date.parse(firstDue) - 1).toISOString())).outcome, 'skipped');
      b.clock.advance(15 * 60_000);
      assert.equal(await b.runJobs(), 1);
      const after = await b.services.feedSubscriptions.get(b.actors.admin, sub!.id);
      assert.ok(after.nextPullAt! > firstDue);
      assert.equal((await pull(firstDue)).outcome, 'skipped', 'a re-run of the pull that already ran');
      assert.equal(after.status, 'active');
    });

    it('a decision reversed on appeal on A propagates as a retraction; B drops the finding and the credit signal', async () => {
      const [entry] = await a.services.feedPublisher.ownEntries(a.actors.admin);
      const claimId = entry!.claimId;
      await a.services.claims.appeal({ kind: 'buyer', claimId, workspaceId: a.workspaceId }, claimId, {
        reason: '真的坏了',
      });
      await a.services.claims.decide(a.actors.reviewer, claimId, {
        outcome: 'approved',
        reasonCode: 'damage_confirmed',
      });
      await a.runJobs();
      const own = await a.services.feedPublisher.ownEntries(a.actors.admin);
      assert.deepEqual(
        own.map((e) => e.type),
        ['fraud_signal', 'retraction'],
      );
      const [sub] = await b.services.feedSubscriptions.list(b.actors.admin);
      await b.services.feedSubscriptions.pullNow(b.actors.admin, sub!.id);
      await b.runJobs();
      const after = await b.services.feedSubscriptions.get(b.actors.admin, sub!.id);
      assert.equal(after.lastSeq, 2);
      assert.equal(after.signals, 0);
      assert.equal(after.retracted, 1);
      assert.ok(!(await findingsOf(b, bClaimId)).some((f) => f.code === 'reuse.seen_in_fraud_feed'));
      assert.deepEqual(await feedBuyerSignals.forBuyer(b.t.db.kysely, b.workspaceId, bBuyerId), {
        signals: 0,
        amountFen: 0,
      });
    });

    it('a signal arriving after a claim was analysed sends the undecided claim back to analysis and flags it', async () => {
      const before = await b.services.claims.getClaim(b.actors.agent, bClaimId);
      assert.equal(before.status, 'awaiting_merchant');
      const third = await fileClaim(a, 'tb_faker_10', await resaved(forged, 75), 'A-2');
      await rejectAsForged(a, third.claimId);
      const [direct] = await b.services.feedSubscriptions.list(b.actors.admin);
      await b.services.feedSubscriptions.pullNow(b.actors.admin, direct!.id);
      await b.runJobs();
      const finding = (await findingsOf(b, bClaimId)).find((f) => f.code === 'reuse.seen_in_fraud_feed');
      assert.ok(finding, 'the re-check adds the finding');
      const after = await b.services.claims.getClaim(b.actors.agent, bClaimId);
      assert.equal(after.status, 'awaiting_merchant', 'back where it was');
      assert.equal(after.flagged, true);
      assert.equal(after.merchantDeadlineAt, before.merchantDeadlineAt);
    });

    it('rejects tampered copies of the feed, accepting nothing after the break', async () => {
      assert.equal((await a.services.feedPublisher.ownEntries(a.actors.admin)).length, 3);
      for (const [mode, expected] of Object.entries(TAMPERS)) {
        const sub = await b.services.feedSubscriptions.create(b.actors.admin, {
          name: `relay ${mode}`,
          url: `http://127.0.0.1:${proxyPort}/${mode}/api/v1/feeds/${feedId}`,
          publicKey,
        });
        await b.runJobs();
        const seen = await b.services.feedSubscriptions.get(b.actors.admin, sub.id);
        assert.equal(seen.status, 'rejected', mode);
        assert.equal(seen.lastError?.code, expected.code, mode);
        assert.equal(seen.lastSeq, expected.accepted, mode);
        assert.equal(seen.signals + seen.retracted, expected.accepted, mode);
        assert.ok(seen.lastError.text.zh.length > 0 && seen.lastError.text.en.length > 0);
      }
      // A relay that serves the true feed is accepted in full.
      const honest = await b.services.feedSubscriptions.create(b.actors.admin, {
        name: 'relay honest',
        url: `http://127.0.0.1:${proxyPort}/honest/api/v1/feeds/${feedId}`,
        publicKey,
      });
      await b.runJobs();
      const full = await b.services.feedSubscriptions.get(b.actors.admin, honest.id);
      assert.equal(full.status, 'active');
      assert.equal(full.lastSeq, 3);
      // The same signal through two subscriptions of the same publisher key counts once in credit.
      const [direct] = await b.services.feedSubscriptions.list(b.actors.admin);
      await b.services.feedSubscriptions.pullNow(b.actors.admin, direct!.id);
      await b.runJobs();
      assert.equal((await b.services.feedSubscriptions.get(b.actors.admin, direct!.id)).lastSeq, 3);
      const order = await b.services.orders.createOrder(b.actors.agent, {
        platform: 'taobao',
        platformOrderId: 'B-3',
        amountFen: 500,
        buyer: { accountId: 'tb_faker_10' },
      });
      assert.deepEqual(await feedBuyerSignals.forBuyer(b.t.db.kysely, b.workspaceId, order.buyerId!), {
        signals: 1,
        amountFen: 129_00,
      });
    });

    it('handles hostile remote answers: no answer, not JSON, an error status, an oversized body, a redirect', async () => {
      const subs = new FeedSubscriptionService(
        { db: b.t.db, clock: b.clock, ids: new Uuid7IdGenerator(b.clock), logger: silentLogger },
        { fetchLimits: { timeoutMs: 1_500, maxBytes: 1024 * 1024 } }, // ample for a local answer on a loaded machine
      );
      for (const [mode, code] of [
        ['slow', 'unreachable'],
        ['notjson', 'not_json'],
        ['status', 'http_status'],
        ['huge', 'too_large'],
        ['redirect', 'unreachable'],
      ] as const) {
        const sub = await subs.create(b.actors.admin, {
          name: `hostile ${mode}`,
          url: `http://127.0.0.1:${proxyPort}/${mode}/api/v1/feeds/${feedId}`,
          publicKey,
        });
        const started = Date.now();
        assert.equal((await subs.pull(b.workspaceId, sub.id, null)).outcome, 'done');
        assert.ok(Date.now() - started < 5_000, `${mode} took ${Date.now() - started} ms`);
        const seen = await subs.get(b.actors.admin, sub.id);
        assert.equal(seen.status, 'unreachable', mode);
        assert.equal(seen.lastError?.code, code, mode);
        assert.equal(seen.lastSeq, 0);
      }
    });

    it('keeps feed administration to admins of the workspace and validates what they send', async () => {
      const [sub] = await b.services.feedSubscriptions.list(b.actors.admin);
      const call = (
        who: keyof TestApp['as'],
        method: 'GET' | 'POST' | 'PUT' | 'DELETE',
        url: string,
        payload?: object,
      ) => b.app.inject({ method, url: `/api/v1${url}`, headers: b.as[who], ...(payload ? { payload } : {}) });
      assert.equal((await call('reviewer', 'GET', '/feed-settings')).statusCode, 403);
      assert.equal((await call('agent', 'GET', '/feed-subscriptions')).statusCode, 403);
      assert.equal((await call('reviewer', 'PUT', '/feed-settings/publishing', { enabled: true })).statusCode, 403);
      assert.equal((await call('outsider', 'GET', `/feed-subscriptions/${sub!.id}`)).statusCode, 404);
      assert.equal((await call('outsider', 'POST', `/feed-subscriptions/${sub!.id}/pull`)).statusCode, 404);
      assert.equal((await call('outsider', 'DELETE', `/feed-subscriptions/${sub!.id}`)).statusCode, 404);
      const outsiderList = await call('outsider', 'GET', '/feed-subscriptions');
      assert.deepEqual(outsiderList.json(), { items: [] });
      const bad: [object, number][] = [
        [{ name: 'x', url: 'ftp://127.0.0.1/api/v1/feeds/abcdefghijklmnopq', publicKey }, 422],
        [{ name: 'x', url: `http://u:p@127.0.0.1/api/v1/feeds/${feedId}`, publicKey }, 422],
        [{ name: 'x', url: 'http://127.0.0.1/somewhere', publicKey }, 422],
        [{ name: 'x', url: `http://127.0.0.1:1/api/v1/feeds/${feedId}`, publicKey: 'short' }, 422],
        [{ name: 'x', url: `http://127.0.0.1:1/api/v1/feeds/${feedId}` }, 422],
        [{ name: 'x'.repeat(101), url: `http://127.0.0.1:1/api/v1/feeds/${feedId}`, publicKey }, 422],
        [{ name: 'dup', url: `http://127.0.0.1:${aPort}/api/v1/feeds/${feedId}`, publicKey }, 409],
      ];
      for (const [payload, status] of bad)
        assert.equal(
          (await call('admin', 'POST', '/feed-subscriptions', payload)).statusCode,
          status,
          JSON.stringify(payload),
        );
      for (const key of ['', 'not base64!', randomBytes(16).toString('base64')])
        assert.equal((await call('admin', 'PUT', '/feed-settings/network-key', { key })).statusCode, 422, key);
      const malformed = await b.app.inject({
        method: 'POST',
        url: '/api/v1/feed-subscriptions',
        headers: { ...b.as.admin, 'content-type': 'application/json' },
        payload: '{"name":',
      });
      assert.ok(malformed.statusCode >= 400 && malformed.statusCode < 500);
      const page = await fetch(`http://127.0.0.1:${aPort}/api/v1/feeds/${feedId}/entries?after=0&limit=501`);
      assert.equal(page.status, 422);
      // The network key is shown only as a fingerprint.
      const settings = (await call('admin', 'GET', '/feed-settings')).body;
      assert.ok(!settings.includes(NETWORK_KEY));
      const removed = await call('admin', 'DELETE', `/feed-subscriptions/${sub!.id}`);
      assert.equal(removed.statusCode, 200);
    });
  });
}
