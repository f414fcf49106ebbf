import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { TestClock } from '../../services/sla-test-clock.js';
import {
  intakeOf,
  MONDAY_10AM_MS,
  seedRepairNetwork,
  type RepairNetworkFixture,
} from '../../services/repair-test-fixtures.js';
import { sniffAudio } from '../../services/visit-media.js';
import type { AppDeps } from '../app-deps.js';
import { redactUrl } from '../logger.js';
import { createTestApp, multipartFile, type TestApp } from '../test-app.js';
import { testClockRoutes } from './repair-test-clock.routes.js';

const API = '/api/v1';

/** The first bytes of each recording format phones produce, padded to a plausible header. */
const AUDIO_HEADS: readonly [string, number[], string | null][] = [
  ['m4a', [0, 0, 0, 0x20, ...Buffer.from('ftypM4A ')], 'audio/mp4'],
  ['mp3 with ID3', [...Buffer.from('ID3'), 4, 0], 'audio/mpeg'],
  ['mp3 frame', [0xff, 0xfb, 0x90, 0x64], 'audio/mpeg'],
  ['amr', [...Buffer.from('#!AMR\n')], 'audio/amr'],
  ['amr-wb', [...Buffer.from('#!AMR-WB\n')], 'audio/amr-wb'],
  ['wav', [...Buffer.from('RIFF'), 0, 0, 0, 0, ...Buffer.from('WAVE')], 'audio/wav'],
  ['ogg', [...Buffer.from('OggS'), 0, 2], 'audio/ogg'],
  ['heic is not audio', [0, 0, 0, 0x18, ...Buffer.from('ftypheic')], null],
  ['text', [...Buffer.from('hello world')], null],
  ['mpeg sync without a layer', [0xff, 0xe0, 0, 0], null],
];

describe('visit recordings are recognised by their magic bytes', () => {
  for (const [name, head, mime] of AUDIO_HEADS)
    it(name, () => assert.equal(sniffAudio(Uint8Array.from([...head, ...new Array<number>(32).fill(0)])), mime));
});

describe('the status-link token in a URL', () => {
  it('is redacted in logs like a buyer link', () => {
    assert.equal(
      redactUrl('/api/v1/public/repair-orders/abcDEF123456789xyz/confirm?x=1'),
      '/api/v1/public/repair-orders/[redacted]/confirm?x=1',
    );
    assert.equal(
      redactUrl('/api/v1/public/repair-orders/abcDEF123456789xyz'),
      '/api/v1/public/repair-orders/[redacted]',
    );
    assert.equal(redactUrl('/api/v1/repair-orders/0190-id'), '/api/v1/repair-orders/0190-id', 'staff routes keep ids');
  });
});

describe('the test clock', () => {
  it('exists only on a TestClock and only moves forward', () => {
    const clock = new TestClock();
    const before = clock.nowMs();
    clock.advance(31 * 60_000);
    assert.ok(clock.nowMs() - before >= 31 * 60_000);
    assert.throws(() => clock.advance(-1), RangeError);
    const deps = (c: unknown) => ({ clock: c }) as unknown as AppDeps;
    assert.deepEqual(
      testClockRoutes(deps(clock)).map((r) => `${r.method} ${r.url}`),
      ['GET /test-clock', 'POST /test-clock/advance'],
    );
    assert.deepEqual(testClockRoutes(deps({ nowMs: () => 0 })), [], 'refused (absent) on any other clock');
  });
});

for (const dialect of TEST_DIALECTS) {
  describe(`repair-order routes on ${dialect}`, () => {
    let h: TestApp;
    let net: RepairNetworkFixture;

    before(async () => {
      h = await createTestApp(dialect);
      h.clock.set(MONDAY_10AM_MS);
      net = await seedRepairNetwork(h);
    });
    after(() => h.dispose());

    const post = (url: string, who: keyof TestApp['as'], payload: unknown) =>
      h.app.inject({ method: 'POST', url: `${API}${url}`, headers: h.as[who], payload: payload as object });

    it('takes an order in over HTTP; 400 for malformed JSON, 422 for an invalid body and with candidates for an ambiguous area, 403 for a technician', async () => {
      const created = await post('/repair-orders', 'agent', intakeOf());
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json<{ order: { status: string; customerPhoneMasked: string }; statusToken: string }>();
      assert.equal(body.order.status, 'reported');
      assert.equal(body.order.customerPhoneMasked, '138****5678');
      assert.ok(!created.body.includes('13812345678'), 'the full phone never leaves without a reveal');
      const malformed = await h.app.inject({
        method: 'POST',
        url: `${API}/repair-orders`,
        headers: { ...h.as.agent, 'content-type': 'application/json' },
        payload: '{"channel": "phone",',
      });
      assert.equal(malformed.statusCode, 400, 'malformed JSON');
      const midnight = await post('/repair-orders', 'agent', { ...intakeOf(), preferredSlot: 'midnight' });
      assert.equal(midnight.statusCode, 422, 'a slot outside the enum');
      assert.equal((await post('/repair-orders', 'agent', { channel: 'phone' })).statusCode, 422);
      const ambiguous = await post('/repair-orders', 'agent', {
        ...intakeOf(),
        areaCode: undefined,
        areaText: '朝阳区',
      });
      assert.equal(ambiguous.statusCode, 422, ambiguous.body);
      const details = ambiguous.json<{ error: { details: { candidates: { code: string }[] } } }>().error.details;
      assert.ok(details.candidates.length >= 2, 'both 朝阳区 are offered');
      assert.equal((await post('/repair-orders', 'technician', intakeOf())).statusCode, 403);
    });

    it('walks an order through the events route, answers 409 for a wrong state and 404 to another technician', async () => {
      const { order } = (await post('/repair-orders', 'agent', intakeOf())).json<{ order: { id: string } }>();
      const assign = await post(`/repair-orders/${order.id}/assign`, 'dispatcher', {
        technicianId: net.otherTechnicianId,
        date: '2026-11-02',
        slot: 'afternoon',
        reason: '就近',
      });
      assert.equal(assign.statusCode, 200, assign.body);
      const notMine = await post(`/repair-orders/${order.id}/events`, 'technician', { event: 'accept' });
      assert.equal(notMine.statusCode, 404, 'a technician does not reach another technician’s order');
      const reassign = await post(`/repair-orders/${order.id}/assign`, 'dispatcher', {
        technicianId: net.ownTechnicianId,
        date: '2026-11-02',
        slot: 'afternoon',
        reason: '改派王师傅',
      });
      assert.equal(reassign.statusCode, 200);
      const wrong = await post(`/repair-orders/${order.id}/events`, 'technician', { event: 'complete' });
      assert.equal(wrong.statusCode, 409);
      assert.equal(wrong.json<{ error: { code: string } }>().error.code, 'invalid_state');
      for (const event of ['accept', 'depart', 'arrive'])
        assert.equal((await post(`/repair-orders/${order.id}/events`, 'technician', { event })).statusCode, 200);
      const closeByAgent = await post(`/repair-orders/${order.id}/events`, 'agent', { event: 'close' });
      assert.equal(closeByAgent.statusCode, 403, 'closing needs service.dispatch');
      const audio = multipartFile(
        'call.amr',
        Buffer.concat([Buffer.from('#!AMR\n'), Buffer.alloc(200, 7)]),
        'audio/amr',
      );
      const upload = await h.app.inject({
        method: 'POST',
        url: `${API}/repair-orders/${order.id}/visit/media`,
        headers: { ...h.as.technician, ...audio.headers },
        payload: audio.payload,
      });
      assert.equal(upload.statusCode, 201, upload.body);
      const media = upload.json<{ id: string; kind: string; mime: string }>();
      assert.deepEqual([media.kind, media.mime], ['audio', 'audio/amr']);
      const text = multipartFile('notes.mp3', Buffer.from('just text pretending to be audio'), 'audio/mpeg');
      const refused = await h.app.inject({
        method: 'POST',
        url: `${API}/repair-orders/${order.id}/visit/media`,
        headers: { ...h.as.technician, ...text.headers },
        payload: text.payload,
      });
      assert.equal(refused.statusCode, 415);
      const bytes = await h.app.inject({
        method: 'GET',
        url: `${API}/repair-orders/${order.id}/visit/media/${media.id}`,
        headers: h.as.dispatcher,
      });
      assert.equal(bytes.statusCode, 200);
      assert.equal(bytes.headers['content-type'], 'audio/amr');
      assert.equal(bytes.headers['x-content-type-options'], 'nosniff');
      const reschedule = await post(`/repair-orders/${order.id}/events`, 'dispatcher', { event: 'reschedule' });
      assert.equal(reschedule.statusCode, 422, 'a reschedule needs its date, slot and reason');
    });

    it('lets a customer book, follow and cancel through the public routes, masked, and rate-limits bookings', async () => {
      const booked = await h.app.inject({
        method: 'POST',
        url: `${API}/public/workspaces/acme/repair-orders`,
        payload: { ...intakeOf(), channel: undefined, areaCode: undefined, areaText: '海口市龙华区中山街道' },
      });
      assert.equal(booked.statusCode, 201, booked.body);
      const { statusToken, order } = booked.json<{
        statusToken: string;
        order: { status: string; areaName: string };
      }>();
      assert.equal(order.areaName, '海南省海口市龙华区中山街道');
      assert.ok(!booked.body.includes('13812345678') && !booked.body.includes('张三'));
      const status = await h.app.inject({ method: 'GET', url: `${API}/public/repair-orders/${statusToken}` });
      assert.equal(status.statusCode, 200);
      assert.equal(status.json<{ canCancel: boolean }>().canCancel, true);
      const confirmEarly = await h.app.inject({
        method: 'POST',
        url: `${API}/public/repair-orders/${statusToken}/confirm`,
        payload: { rating: 5 },
      });
      assert.equal(confirmEarly.statusCode, 409, 'nothing to confirm before completion');
      const cancel = await h.app.inject({
        method: 'POST',
        url: `${API}/public/repair-orders/${statusToken}/cancel`,
        payload: { reason: '已自行修好' },
      });
      assert.equal(cancel.statusCode, 200);
      assert.equal(cancel.json<{ status: string }>().status, 'cancelled');
      const unknown = await h.app.inject({ method: 'GET', url: `${API}/public/repair-orders/${'x'.repeat(32)}` });
      assert.equal(unknown.statusCode, 404);
      const noShop = await h.app.inject({
        method: 'POST',
        url: `${API}/public/workspaces/no-such-shop/repair-orders`,
        payload: { ...intakeOf(), channel: undefined },
      });
      assert.equal(noShop.statusCode, 404);
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++)
        statuses.push(
          (
            await h.app.inject({
              method: 'POST',
              url: `${API}/public/workspaces/acme/repair-orders`,
              payload: { ...intakeOf(), channel: undefined },
            })
          ).statusCode,
        );
      assert.ok(statuses.includes(429), `bookings are rate-limited per IP: ${statuses.join(',')}`);
    });
  });
}
