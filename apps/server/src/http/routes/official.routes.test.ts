import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { API_PREFIX as API } from '../route.js';
import { SESSION_COOKIE } from '../principal.js';
import { createTestApp, TEST_PASSWORD, type TestApp } from '../test-app.js';
import { createRepairFixtures, type RepairFixtures } from './repair-matrix-fixtures.js';

interface Answer {
  brand: string;
  input: { kind: string; display: string | null };
  verdict: string;
  text: { zh: string; en: string };
  match: { kind: string; label: string; outletName: string | null; validUntil: string | null } | null;
  lookalike: { officialDomain: string; reason: string } | null;
  district: { code: string; fullName: string } | null;
  areaCandidates: { code: string; fullName: string }[];
  areaNote: { zh: string; en: string } | null;
  channels: {
    hotlines: { display: string; label: string; areaName: string | null }[];
    websites: { domain: string; label: string }[];
    outlets: { name: string; phones: string[] }[];
  };
}

for (const dialect of TEST_DIALECTS) {
  describe(`official-channel verification routes on ${dialect}`, () => {
    let h: TestApp;
    let repair: RepairFixtures;
    let ip = 0;
    /** Each call from its own address, so the per-IP limit is tested only where meant. */
    const verify = async (input: string, extra: Record<string, string> = {}, slug = 'acme') => {
      const res = await h.app.inject({
        method: 'POST',
        url: `${API}/public/workspaces/${slug}/verify`,
        payload: { input, ...extra },
        remoteAddress: `10.0.0.${++ip % 250}`,
      });
      return { status: res.statusCode, body: res.json<Answer>() };
    };
    const register = (body: Record<string, unknown>, who: 'admin' | 'agent' | 'dispatcher' = 'admin') =>
      h.app.inject({ method: 'POST', url: `${API}/official-channels`, headers: h.as[who], payload: body });

    before(async () => {
      h = await createTestApp(dialect);
      repair = await createRepairFixtures(h);
      const admin = h.actors.admin;
      const s = h.services;
      const outlet = await s.outlets.createOutlet(admin, {
        name: '成都武侯服务网点',
        address: '武侯区科华北路 1 号',
        areaCode: '510107',
        phones: ['028-8555 1234'],
      });
      await s.coverage.replaceCoverage(admin, outlet.id, [{ code: '510107', mode: 'include' }]);
    });
    after(() => h.dispose());

    it('registers hotlines and websites canonically; refuses duplicates in another notation, mobiles, and the wrong roles', async () => {
      const hotline = await register({ kind: 'hotline', value: '+86 400 186 5909', label: '全国服务热线' });
      assert.equal(hotline.statusCode, 201, hotline.body);
      assert.equal(hotline.json<{ value: string }>().value, '4001865909');
      assert.equal(hotline.json<{ display: string }>().display, '400-186-5909');
      const regional = await register({
        kind: 'hotline',
        value: '028-6666 8888',
        label: '四川服务热线',
        areaCode: '510000',
      });
      assert.equal(regional.statusCode, 201, regional.body);
      const site = await register({ kind: 'website', value: 'https://www.Acme-Lock.com.cn/service', label: '官网' });
      assert.equal(site.statusCode, 201, site.body);
      assert.equal(site.json<{ value: string }>().value, 'acme-lock.com.cn');
      assert.equal((await register({ kind: 'hotline', value: '400-1865-909', label: '重复' })).statusCode, 409);
      assert.equal((await register({ kind: 'hotline', value: '13800138000', label: '手机' })).statusCode, 422);
      assert.equal((await register({ kind: 'hotline', value: '400', label: '短' })).statusCode, 422);
      assert.equal(
        (await register({ kind: 'hotline', value: '4008001234', label: 'x', areaCode: '999999' })).statusCode,
        422,
      );
      assert.equal((await register({ kind: 'fax', value: '1', label: 'x' })).statusCode, 422);
      assert.equal((await register({ kind: 'hotline', value: '4008001234', label: 'x' }, 'agent')).statusCode, 403);
      assert.equal(
        (await register({ kind: 'hotline', value: '4008001234', label: 'x' }, 'dispatcher')).statusCode,
        403,
      );
      const list = await h.app.inject({ method: 'GET', url: `${API}/official-channels`, headers: h.as.dispatcher });
      assert.equal(list.statusCode, 200);
      assert.equal(list.json<{ items: unknown[] }>().items.length, 3);
      assert.equal(list.json<{ verifyPath: string }>().verifyPath, '/verify/acme');
      const foreign = await h.app.inject({ method: 'GET', url: `${API}/official-channels`, headers: h.as.outsider });
      assert.equal(foreign.json<{ items: unknown[] }>().items.length, 0, 'another workspace sees none of them');
    });

    it('patches a channel with its version; another workspace gets 404; a stale version 409', async () => {
      const created = await register({ kind: 'hotline', value: '800-820-1234', label: '旧热线' });
      const { id, version } = created.json<{ id: string; version: number }>();
      const patch = (body: Record<string, unknown>, who: 'admin' | 'outsider' = 'admin') =>
        h.app.inject({ method: 'PATCH', url: `${API}/official-channels/${id}`, headers: h.as[who], payload: body });
      assert.equal((await patch({ active: false }, 'outsider')).statusCode, 404);
      const off = await patch({ active: false, expectedVersion: version });
      assert.equal(off.statusCode, 200, off.body);
      assert.equal(off.json<{ active: boolean }>().active, false);
      assert.equal((await patch({ label: '再改', expectedVersion: version })).statusCode, 409);
      // A deactivated hotline no longer verifies.
      assert.equal((await verify('8008201234')).body.verdict, 'not_official');
    });

    it('answers official for the hotline in any notation, an outlet phone, a subdomain of the site and an outlet name', async () => {
      for (const input of ['400-1865-909', '4001865909', '+86 400 186 5909', '４００１８６５９０９', '4001865909转2']) {
        const { status, body } = await verify(input);
        assert.equal(status, 200);
        assert.equal(body.verdict, 'official', input);
        assert.equal(body.match?.kind, 'hotline');
        assert.equal(body.brand, '极客智能锁旗舰店');
      }
      const outletPhone = await verify('86-28-85551234');
      assert.equal(outletPhone.body.verdict, 'official');
      assert.equal(outletPhone.body.match?.kind, 'outlet_phone');
      assert.equal(outletPhone.body.match?.outletName, '成都武侯服务网点');
      const site = await verify('http://service.acme-lock.com.cn/book?id=1');
      assert.equal(site.body.verdict, 'official');
      assert.equal(site.body.input.display, 'service.acme-lock.com.cn');
      const outlet = await verify('成都武侯服务网点');
      assert.equal(outlet.body.verdict, 'official');
      assert.equal(outlet.body.match?.kind, 'outlet');
      // The registry is cached between queries; an outlet's new phone is seen at once, its old one no longer.
      const admin = h.actors.admin;
      const wuhou = (await h.services.outlets.listOutlets(admin, {})).items.find((o) => o.name === '成都武侯服务网点');
      assert.ok(wuhou);
      await h.services.outlets.updateOutlet(admin, wuhou.id, { phones: ['028-8555 4321'] });
      assert.equal((await verify('028-85551234')).body.verdict, 'not_official');
      assert.equal((await verify('028-85554321')).body.verdict, 'official');
      await h.services.outlets.updateOutlet(admin, wuhou.id, { phones: ['028-8555 1234'] });
      assert.equal((await verify('028-85551234')).body.verdict, 'official');
    });

    it('answers a scam-page hotline "not official" with the real channels for the district', async () => {
      const { body } = await verify('极客智能锁24小时全国维修热线 400-888-6699', { areaCode: '510107' });
      assert.equal(body.verdict, 'not_official');
      assert.equal(body.input.display, '400-888-6699');
      assert.match(body.text.zh, /请勿拨打或付款/);
      assert.equal(body.district?.code, '510107');
      assert.deepEqual(
        body.channels.hotlines.map((x) => x.display),
        ['028-6666 8888', '400-186-5909'],
        'the province hotline first, then the national one',
      );
      assert.deepEqual(
        body.channels.outlets.map((o) => [o.name, o.phones]),
        [['成都武侯服务网点', ['028-8555 1234']]],
      );
      assert.deepEqual(body.channels.websites, [{ domain: 'acme-lock.com.cn', label: '官网' }]);
      // A district in words, through the area resolver; another province's customer gets no Sichuan hotline.
      const byWords = await verify('400-888-6699', { area: '成都武侯' });
      assert.equal(byWords.body.district?.code, '510107');
      // An ambiguous district gives its candidates and no guess; an unknown one says why.
      const ambiguous = await verify('400-888-6699', { area: '朝阳区' });
      assert.equal(ambiguous.body.district, null);
      assert.deepEqual(ambiguous.body.areaCandidates.map((c) => c.code).sort(), ['110105', '220104']);
      assert.ok(ambiguous.body.areaNote?.zh.includes('朝阳区'));
      const unknown = await verify('400-888-6699', { area: '火星基地' });
      assert.equal(unknown.body.district, null);
      assert.deepEqual(unknown.body.areaCandidates, []);
      assert.ok(unknown.body.areaNote);
      const elsewhere = await verify('400-888-6699', { areaCode: '330106' });
      assert.deepEqual(
        elsewhere.body.channels.hotlines.map((x) => x.display),
        ['400-186-5909'],
      );
      assert.deepEqual(elsewhere.body.channels.outlets, []);
    });

    it('names the imitated domain of a look-alike site, and reads mobiles of registered technicians', async () => {
      const fake = await verify('www.acme-lock.com');
      assert.equal(fake.body.verdict, 'not_official');
      assert.deepEqual(fake.body.lookalike, { officialDomain: 'acme-lock.com.cn', reason: 'other_suffix' });
      const tech = await verify('139 0000 2222');
      assert.equal(tech.body.verdict, 'official');
      assert.equal(tech.body.match?.kind, 'technician');
      assert.equal(tech.body.match?.label, '王**', 'the technician’s name masked');
      const stranger = await verify('13700001234');
      assert.equal(stranger.body.verdict, 'not_official');
      const unreadable = await verify('4OO-186-59O9');
      assert.equal(unreadable.body.verdict, 'unknown');
      assert.equal(unreadable.body.input.display, null);
    });

    it('refuses malformed requests, unknown brands and unknown area codes', async () => {
      const malformed = await h.app.inject({
        method: 'POST',
        url: `${API}/public/workspaces/acme/verify`,
        headers: { 'content-type': 'application/json' },
        payload: '{"input": ',
        remoteAddress: '10.1.0.1',
      });
      assert.equal(malformed.statusCode, 400, 'malformed JSON');
      const invalid = await h.app.inject({
        method: 'POST',
        url: `${API}/public/workspaces/acme/verify`,
        payload: { nothing: true },
        remoteAddress: '10.1.0.2',
      });
      assert.equal(invalid.statusCode, 422, 'no input');
      assert.equal((await verify('4001865909', {}, 'no-such-brand')).status, 404);
      assert.equal((await verify('4001865909', { areaCode: '12345' })).status, 422);
      assert.equal((await verify('4001865909', { areaCode: '999999' })).status, 422);
    });

    it('logs every query without customer data, and sums them up for the console', async () => {
      await verify('13912345678');
      await verify('+86 139-1234-5678');
      const rows = await h.t.db.kysely.selectFrom('official_verify_queries').selectAll().orderBy('id').execute();
      // The same number in any notation hashes alike (it can be counted), and never to the phone blind index.
      const hashes = rows.filter((r) => r.phone_kind === 'mobile').map((r) => r.input_hash);
      assert.equal(hashes.at(-1), hashes.at(-2));
      const index = await h.t.db.kysely
        .selectFrom('technicians')
        .select('phone_index')
        .where('name', '=', '王师傅')
        .executeTakeFirstOrThrow();
      const techQuery = rows.find((r) => r.match_kind === 'technician' && r.input_kind === 'phone');
      assert.ok(techQuery?.input_hash);
      assert.notEqual(techQuery.input_hash, index.phone_index);
      assert.ok(rows.length >= 15, `${rows.length} queries`);
      const text = JSON.stringify(rows);
      for (const secret of ['13912345678', '13700001234', '13900002222', '成都武侯服务网点'])
        assert.ok(!text.includes(secret), `${secret} is not in the log`);
      const mobile = rows.find((r) => r.phone_kind === 'mobile' && r.verdict === 'not_official');
      assert.ok(mobile?.input_hash && /^[0-9a-f]{64}$/.test(mobile.input_hash));
      assert.ok(
        rows.some((r) => r.service_number === '4008886699'),
        'a scam 400 number is kept in clear',
      );
      assert.ok(rows.every((r) => r.district_code === null || r.district_code.length === 6));
      const summary = await h.app.inject({
        method: 'GET',
        url: `${API}/official-channels/queries/summary?days=7`,
        headers: h.as.dispatcher,
      });
      assert.equal(summary.statusCode, 200, summary.body);
      const s = summary.json<{
        total: number;
        byVerdict: Record<string, number>;
        notOfficialNumbers: { number: string; count: number }[];
        notOfficialSites: { host: string; lookalikeOf: string | null }[];
      }>();
      assert.equal(s.total, rows.length);
      assert.equal(s.byVerdict.official, rows.filter((r) => r.verdict === 'official').length);
      assert.deepEqual(s.notOfficialNumbers[0], { number: '4008886699', count: 5 });
      assert.deepEqual(s.notOfficialSites, [{ host: 'acme-lock.com', lookalikeOf: 'acme-lock.com.cn', count: 1 }]);
      const foreign = await h.app.inject({
        method: 'GET',
        url: `${API}/official-channels/queries/summary`,
        headers: h.as.outsider,
      });
      assert.equal(foreign.json<typeof s>().total, 0, 'another brand sees none of these');
    });

    it('issues a technician code for the QR on their own order, which verifies on the brand’s page until the order is cancelled or the code expires', async () => {
      const issue = (id: string, who: 'technician' | 'admin' | 'dispatcher' | 'outsider' = 'technician') =>
        h.app.inject({ method: 'POST', url: `${API}/repair-orders/${id}/technician-code`, headers: h.as[who] });
      const issued = await issue(repair.onSiteId);
      assert.equal(issued.statusCode, 200, issued.body);
      const code = issued.json<{ code: string; display: string; path: string; expiresAt: string }>();
      assert.match(code.display, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
      assert.equal(code.path, `/verify/acme?t=${code.code}`);
      assert.equal((await issue(repair.onSiteId)).json<{ code: string }>().code, code.code, 'the same code again');
      assert.equal((await issue(repair.onSiteId, 'dispatcher')).statusCode, 403);
      assert.equal((await issue(repair.onSiteId, 'outsider')).statusCode, 404);
      assert.equal((await issue(repair.reportedId, 'admin')).statusCode, 409, 'no technician yet');

      for (const input of [code.display, code.code.toLowerCase(), `https://x.example/verify/acme?t=${code.code}`]) {
        const { body } = await verify(input);
        assert.equal(body.verdict, 'official', input);
        assert.equal(body.match?.kind, 'technician');
        assert.equal(body.match?.label, '王**');
        assert.equal(body.match?.outletName, '甘洛维修站');
        assert.equal(body.district?.code, '513435', 'the order’s county, for its channels');
      }
      // Another brand's page does not know this code.
      const elsewhere = await verify(code.display, {}, 'other');
      assert.equal(elsewhere.body.verdict, 'not_official');

      // A code on an order that is then cancelled stops verifying at once.
      const onAssigned = (await issue(repair.assignedId)).json<{ code: string }>();
      assert.equal((await verify(onAssigned.code)).body.verdict, 'official');
      await h.services.repairWorkflow.cancel(h.actors.admin, repair.assignedId, '客户改约');
      const cancelled = await verify(onAssigned.code);
      assert.equal(cancelled.body.verdict, 'not_official');
      assert.match(cancelled.body.text.zh, /已失效/);
      assert.equal((await issue(repair.assignedId)).statusCode, 409, 'no new code on a cancelled order');

      h.clock.advance(15 * 86_400_000);
      const expired = await verify(code.display);
      assert.equal(expired.body.verdict, 'not_official');
      assert.match(expired.body.text.zh, /已失效/);
      // Sessions lapse over 15 days too: sign the technician in again for a new code.
      const session = await h.services.auth.signIn('technician@example.com', TEST_PASSWORD);
      const renewedRes = await h.app.inject({
        method: 'POST',
        url: `${API}/repair-orders/${repair.onSiteId}/technician-code`,
        headers: { cookie: `${SESSION_COOKIE}=${session.token}`, 'x-csrf-token': session.csrfToken },
      });
      assert.equal(renewedRes.statusCode, 200, renewedRes.body);
      const renewed = renewedRes.json<{ code: string }>();
      assert.notEqual(renewed.code, code.code);
    });

    it('limits verification per IP', async () => {
      const statuses: number[] = [];
      for (let i = 0; i < 22; i++)
        statuses.push(
          (
            await h.app.inject({
              method: 'POST',
              url: `${API}/public/workspaces/acme/verify`,
              payload: { input: '4001865909' },
              remoteAddress: '10.9.9.9',
            })
          ).statusCode,
        );
      assert.equal(statuses.filter((s) => s === 200).length, 20);
      assert.deepEqual(statuses.slice(20), [429, 429]);
    });
  });
}
