import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { createTestApp, type TestApp } from '../test-app.js';

interface ErrorBody {
  error: { code: string; message: { zh: string; en: string }; details?: Record<string, unknown> };
}

for (const dialect of TEST_DIALECTS) {
  describe(`service network over HTTP on ${dialect}`, () => {
    let h: TestApp;
    before(async () => {
      h = await createTestApp(dialect);
    });
    after(() => h.dispose());

    const call = (
      method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
      url: string,
      who: keyof TestApp['as'],
      payload?: unknown,
    ) =>
      h.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: h.as[who],
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });

    it('resolves place names and reads a division with its ancestors and children', async () => {
      const res = await call('POST', '/areas/resolve', 'technician', {
        names: ['凉山甘洛县', '东莞市万江街道', '朝阳区', '巴拉巴拉县'],
      });
      assert.equal(res.statusCode, 200, res.body);
      const { results } = res.json<{ results: { status: string; division?: { code: string; fullName: string } }[] }>();
      assert.deepEqual(
        results.map((r) => r.status),
        ['resolved', 'resolved', 'ambiguous', 'unresolved'],
      );
      assert.deepEqual(results[0]!.division, {
        code: '513435',
        fullName: '四川省凉山彝族自治州甘洛县',
        level: 'county',
      });
      const area = await call('GET', '/areas/513435', 'agent');
      assert.equal(area.statusCode, 200, area.body);
      const detail = area.json<{ ancestors: { code: string }[]; children: { code: string; level: string }[] }>();
      assert.deepEqual(
        detail.ancestors.map((a) => a.code),
        ['510000', '513400'],
      );
      assert.ok(detail.children.length > 5 && detail.children.every((c) => c.level === 'township'));
      assert.equal((await call('GET', '/areas/513499', 'agent')).statusCode, 404);
      assert.equal((await call('GET', '/areas/5134', 'agent')).statusCode, 422);
      assert.equal((await call('POST', '/areas/resolve', 'agent', { names: [] })).statusCode, 422);
      assert.equal((await call('POST', '/areas/resolve', 'reviewer', { names: ['甘洛县'] })).statusCode, 403);
    });

    it('manages an outlet and its coverage: 400 malformed, 422 invalid, 403 wrong role, 404 another workspace, 409 stale', async () => {
      const malformed = await h.app.inject({
        method: 'POST',
        url: '/api/v1/outlets',
        headers: { ...h.as.admin, 'content-type': 'application/json' },
        payload: '{"name": "网点", ',
      });
      assert.equal(malformed.statusCode, 400, 'a body that is not JSON');
      const badShape = await call('POST', '/outlets', 'admin', { name: '网点', address: '地址', areaCode: 'abc' });
      assert.equal(badShape.statusCode, 422, 'schema failures are invalid_input, as everywhere in the API');
      assert.equal(badShape.json<ErrorBody>().error.code, 'invalid_input');
      const unknown = await call('POST', '/outlets', 'admin', { name: '网点', address: '地址', areaCode: '513499' });
      assert.equal(unknown.statusCode, 422);
      assert.equal(unknown.json<ErrorBody>().error.details?.field, 'areaCode');
      const body = { name: '甘洛网点', address: '甘洛县新市坝镇', areaCode: '513435', phones: ['0834-7801234'] };
      assert.equal((await call('POST', '/outlets', 'dispatcher', body)).statusCode, 403);
      const withKey = () =>
        h.app.inject({
          method: 'POST',
          url: '/api/v1/outlets',
          headers: { ...h.as.admin, 'idempotency-key': 'outlet-1' },
          payload: body,
        });
      const created = await withKey();
      assert.equal(created.statusCode, 201, created.body);
      const outlet = created.json<{ id: string; version: number }>();
      const replay = await withKey();
      assert.equal(replay.statusCode, 201, 'a retried create answers the first outlet');
      assert.equal(replay.json<{ id: string }>().id, outlet.id);
      assert.equal((await call('POST', '/outlets', 'admin', body)).statusCode, 409);
      assert.equal((await call('GET', `/outlets/${outlet.id}`, 'outsider')).statusCode, 404);
      assert.equal((await call('PATCH', `/outlets/${outlet.id}`, 'outsider', { address: 'x' })).statusCode, 404);

      const rules = {
        rules: [
          { code: '513435', mode: 'include' },
          { code: '513435100', mode: 'exclude' },
        ],
      };
      const put = await call('PUT', `/outlets/${outlet.id}/coverage`, 'admin', { ...rules, expectedVersion: 1 });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json<{ version: number }>().version, 2);
      const stale = await call('PUT', `/outlets/${outlet.id}/coverage`, 'admin', { ...rules, expectedVersion: 1 });
      assert.equal(stale.statusCode, 409);
      assert.equal(stale.json<ErrorBody>().error.code, 'conflict');
      const badMode = await call('PUT', `/outlets/${outlet.id}/coverage`, 'admin', {
        rules: [{ code: '513435', mode: 'maybe' }],
      });
      assert.equal(badMode.statusCode, 422);
      assert.equal((await call('PUT', `/outlets/${outlet.id}/coverage`, 'technician', rules)).statusCode, 403);
      assert.equal((await call('PUT', `/outlets/${outlet.id}/coverage`, 'outsider', rules)).statusCode, 404);

      const text = '临高县博厚镇\n中山市坦洲镇\n朝阳区\n不存在的地方';
      const preview = await call('POST', `/outlets/${outlet.id}/coverage/import`, 'dispatcher', { text, apply: false });
      assert.equal(preview.statusCode, 200, preview.body);
      assert.deepEqual(preview.json<{ counts: object }>().counts, {
        lines: 4,
        resolved: 2,
        ambiguous: 1,
        unresolved: 1,
        duplicates: 0,
        alreadyPresent: 0,
        added: 2,
      });
      const refused = await call('POST', `/outlets/${outlet.id}/coverage/import`, 'dispatcher', { text, apply: true });
      assert.equal(refused.statusCode, 403);
      const applied = await call('POST', `/outlets/${outlet.id}/coverage/import`, 'admin', { text, apply: true });
      assert.equal(applied.statusCode, 200, applied.body);
      assert.equal(applied.json<{ coverage: { rules: unknown[] } }>().coverage.rules.length, 4);
      assert.equal((await call('POST', `/outlets/${outlet.id}/coverage/import`, 'admin', { text })).statusCode, 422);
      const deleted = await call('DELETE', `/outlets/${outlet.id}`, 'admin');
      assert.equal(deleted.json<{ active: boolean }>().active, false);
    });

    it('answers technicians with masked phones, reveals to dispatchers only, and keeps their calendar', async () => {
      const outlet = (
        await call('POST', '/outlets', 'admin', { name: '中山网点', address: '中山市', areaCode: '442000' })
      ).json<{ id: string }>();
      const skills = { productLines: ['智能门锁 X1'], faultCategories: ['motor_jammed'] };
      const bad = await call('POST', '/technicians', 'admin', {
        name: '王师傅',
        phone: '13800135678',
        homeOutletId: outlet.id,
        skills: { productLines: [], faultCategories: ['broken'] },
      });
      assert.equal(bad.statusCode, 422);
      const res = await call('POST', '/technicians', 'admin', {
        name: '王师傅',
        phone: '13800135678',
        homeOutletId: outlet.id,
        skills,
      });
      assert.equal(res.statusCode, 201, res.body);
      assert.ok(!res.body.includes('13800135678'));
      const tech = res.json<{ id: string; phoneMasked: string }>();
      assert.equal(tech.phoneMasked, '138****5678');
      const list = await call('GET', '/technicians?phone=%2B86%20138%200013%205678', 'agent');
      assert.deepEqual(
        list.json<{ items: { id: string }[] }>().items.map((t) => t.id),
        [tech.id],
      );
      assert.equal((await call('POST', `/technicians/${tech.id}/phone/reveal`, 'agent')).statusCode, 403);
      assert.equal((await call('POST', `/technicians/${tech.id}/phone/reveal`, 'outsider')).statusCode, 404);
      const revealed = await call('POST', `/technicians/${tech.id}/phone/reveal`, 'dispatcher');
      assert.deepEqual(revealed.json(), { phone: '13800135678' });

      const calendar = await call('PUT', `/technicians/${tech.id}/calendar`, 'admin', {
        off: ['2026-11-04'],
        on: ['2026-11-07'],
      });
      assert.equal(calendar.statusCode, 200, calendar.body);
      assert.equal(
        (await call('PUT', `/technicians/${tech.id}/calendar`, 'admin', { off: ['4 Nov'], on: [] })).statusCode,
        422,
      );
      assert.equal(
        (await call('PUT', `/technicians/${tech.id}/calendar`, 'admin', { off: ['2026-02-30'], on: [] })).statusCode,
        422,
      );
      assert.equal((await call('GET', `/technicians/${tech.id}/calendar`, 'outsider')).statusCode, 404);
      const patched = await call('PATCH', `/technicians/${tech.id}`, 'admin', { rating: 4.5, expectedVersion: 1 });
      assert.equal(patched.json<{ rating: number; version: number }>().version, 2);
      assert.equal(
        (await call('PATCH', `/technicians/${tech.id}`, 'admin', { rating: 4, expectedVersion: 1 })).statusCode,
        409,
      );
    });

    it('reads and replaces the service settings, and lists the business calendar', async () => {
      const got = await call('GET', '/service/settings', 'technician');
      assert.equal(got.statusCode, 200, got.body);
      const { settings, version } = got.json<{ settings: Record<string, unknown>; version: number }>();
      assert.equal(version, 0);
      const put = await call('PUT', '/service/settings', 'admin', {
        ...settings,
        productLines: ['门锁'],
        expectedVersion: 0,
      });
      assert.equal(put.statusCode, 200, put.body);
      assert.equal(put.json<{ version: number }>().version, 1);
      assert.equal((await call('PUT', '/service/settings', 'dispatcher', settings)).statusCode, 403);
      assert.equal((await call('PUT', '/service/settings', 'admin', { productLines: [] })).statusCode, 422);
      const noFreeFirst = {
        ...settings,
        productLines: ['门锁'],
        inspection: { freeFirstInspection: false, freeInWarranty: true, inspectionFeeFen: 6_000 },
      };
      const off = await call('PUT', '/service/settings', 'admin', noFreeFirst);
      assert.equal(off.statusCode, 200, off.body);
      const intake = await h.services.repairOrders.intake(h.actors.agent, {
        channel: 'phone',
        customer: { name: '陈女士', phone: '13711112222', address: '甘洛县新市坝镇 1 号' },
        areaCode: '513435100',
        faultCategory: 'motor_jammed',
        description: '电机卡住',
        preferredDate: '2026-11-10',
        preferredSlot: 'morning',
      });
      assert.equal(intake.order.freeInspection, false, "the repair side honours the workspace's inspection policy");
      const other = await call('GET', '/service/settings', 'outsider');
      assert.equal(other.json<{ version: number }>().version, 0, 'settings are per workspace');
      const cal = await call('GET', '/service/calendar?from=2026-10-01&to=2026-10-03', 'technician');
      assert.equal(cal.statusCode, 200, cal.body);
      assert.deepEqual(
        cal.json<{ days: { kind: string }[] }>().days.map((d) => d.kind),
        ['holiday', 'holiday', 'holiday'],
      );
      assert.equal((await call('GET', '/service/calendar?from=2026-10-01', 'technician')).statusCode, 422);
    });
  });
}
