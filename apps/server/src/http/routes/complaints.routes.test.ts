import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { TEST_DIALECTS } from '../../testing/databases.js';
import {
  intakeOf,
  MONDAY_10AM_MS,
  seedRepairNetwork,
  type RepairNetworkFixture,
} from '../../services/repair-test-fixtures.js';
import { redactUrl } from '../logger.js';
import { createTestApp, type TestApp } from '../test-app.js';

const API = '/api/v1';
const MINUTE = 60_000;

interface Detail {
  id: string;
  number: string;
  status: string;
  outletId: string | null;
  technicianId: string | null;
  regionCode: string | null;
  contactMasked: string | null;
  slaBreached: boolean;
  escalationLevel: string | null;
  allowedEvents: string[];
  timers: { kind: string; state: string; dueAt: string; escalationLevel: string | null; remainingMinutes: number }[];
  contacts: { kind: string; notes: string }[];
  escalations: { level: string; timerKind: string; recipientUserId: string | null; regionCode: string | null }[];
  events: { event: string }[];
}

describe('complaint links in request logs', () => {
  it('are redacted like status links', () => {
    assert.equal(
      redactUrl('/api/v1/public/complaints/abcDEF123456789xyz/reopen'),
      '/api/v1/public/complaints/[redacted]/reopen',
    );
    assert.equal(
      redactUrl('/api/v1/public/repair-orders/abcDEF123456789xyz/complaints/0190/confirm'),
      '/api/v1/public/repair-orders/[redacted]/complaints/0190/confirm',
    );
  });
});

for (const dialect of TEST_DIALECTS) {
  describe(`complaint routes on ${dialect}`, () => {
    let h: TestApp;
    let net: RepairNetworkFixture;
    let orderId: string;
    let statusToken: string;

    const post = (url: string, who: keyof TestApp['as'] | null, payload?: unknown) =>
      h.app.inject({
        method: 'POST',
        url: `${API}${url}`,
        ...(who ? { headers: h.as[who] } : {}),
        ...(payload === undefined ? {} : { payload: payload as object }),
      });
    const get = (url: string, who: keyof TestApp['as'] | null) =>
      h.app.inject({ method: 'GET', url: `${API}${url}`, ...(who ? { headers: h.as[who] } : {}) });

    before(async () => {
      h = await createTestApp(dialect);
      h.clock.set(MONDAY_10AM_MS);
      net = await seedRepairNetwork(h);
      const created = await post('/repair-orders', 'agent', intakeOf());
      assert.equal(created.statusCode, 201, created.body);
      const body = created.json<{ order: { id: string }; statusToken: string }>();
      orderId = body.order.id;
      statusToken = body.statusToken;
      const assigned = await post(`/repair-orders/${orderId}/assign`, 'dispatcher', {
        technicianId: net.otherTechnicianId,
        date: '2026-11-02',
        slot: 'afternoon',
        reason: '就近',
      });
      assert.equal(assigned.statusCode, 200, assigned.body);
    });
    after(() => h.dispose());

    it('a hotline agent files against a repair order: attributed, contact sealed and masked; 400 / 422 / 403 / 404', async () => {
      const filed = await post('/complaints', 'agent', {
        subjectType: 'repair_order',
        subjectId: orderId,
        channel: 'hotline',
        description: '师傅迟到两小时，态度差',
        contact: { name: '张三', phone: '+86 138 1234 5678' },
      });
      assert.equal(filed.statusCode, 201, filed.body);
      const { complaint, linkToken } = filed.json<{ complaint: Detail; linkToken: string }>();
      assert.match(complaint.number, /^CP-\d{6}-[2-9A-Z]{6}$/);
      assert.deepEqual(
        [complaint.status, complaint.outletId, complaint.technicianId, complaint.regionCode],
        ['open', net.outletId, net.otherTechnicianId, '460000'],
      );
      assert.equal(complaint.contactMasked, '张* 138****5678');
      assert.ok(!filed.body.includes('13812345678') && !filed.body.includes('张三'), 'no plaintext contact');
      assert.ok(linkToken.length >= 24);
      const ack = complaint.timers.find((t) => t.kind === 'acknowledge')!;
      assert.equal(ack.dueAt, new Date(MONDAY_10AM_MS + 120 * MINUTE).toISOString(), '2 working hours');
      const stored = await h.t.db.kysely
        .selectFrom('complaints')
        .select(['contact_ciphertext', 'link_token_hash'])
        .where('id', '=', complaint.id)
        .executeTakeFirstOrThrow();
      assert.ok(!stored.contact_ciphertext!.includes('1381234'), 'sealed at rest');
      assert.notEqual(stored.link_token_hash, linkToken, 'only the hash of the link is stored');

      const malformed = await h.app.inject({
        method: 'POST',
        url: `${API}/complaints`,
        headers: { ...h.as.agent, 'content-type': 'application/json' },
        payload: '{"subjectType": ',
      });
      assert.equal(malformed.statusCode, 400);
      const badSubject = await post('/complaints', 'agent', { ...minimal(orderId), subjectType: 'shop' });
      assert.equal(badSubject.statusCode, 422);
      assert.equal((await post('/complaints', 'technician', minimal(orderId))).statusCode, 403);
      assert.equal((await post('/complaints', 'reviewer', minimal(orderId))).statusCode, 403);
      const merchantByDispatcher = await post('/complaints', 'dispatcher', {
        ...minimal(orderId),
        channel: 'merchant',
      });
      assert.equal(merchantByDispatcher.statusCode, 403, 'a merchant complaint needs claim.respond');
      const byMerchant = await post('/complaints', 'agent', { ...minimal(orderId), channel: 'merchant' });
      assert.equal(byMerchant.statusCode, 201, 'an agent holds claim.respond');
      assert.equal(byMerchant.json<{ complaint: { channel: string } }>().complaint.channel, 'merchant');
      const unknownClaim = await post('/complaints', 'agent', { ...minimal('no-such-claim'), subjectType: 'claim' });
      assert.equal(unknownClaim.statusCode, 404);
      assert.equal((await post('/complaints', 'outsider', minimal(orderId))).statusCode, 404, 'another workspace');
      assert.equal((await get(`/complaints/${complaint.id}`, 'outsider')).statusCode, 404);
      assert.equal((await get(`/complaints/${complaint.id}`, 'technician')).statusCode, 403);
      const reveal = await post(`/complaints/${complaint.id}/contact/reveal`, 'dispatcher');
      assert.equal(reveal.statusCode, 200, reveal.body);
      assert.deepEqual(reveal.json(), { name: '张三', phone: '13812345678' });
      assert.equal((await post(`/complaints/${complaint.id}/contact/reveal`, 'agent')).statusCode, 403);
      assert.equal((await post(`/complaints/${complaint.id}/contact/reveal`, 'outsider')).statusCode, 404);
      const revealed = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('actor')
        .where('action', '=', 'complaint.contact_revealed')
        .where('subject_id', '=', complaint.id)
        .execute();
      assert.equal(revealed.length, 1, 'each reveal is audited');
      const bare = (await post('/complaints', 'agent', minimal(orderId))).json<{ complaint: Detail }>().complaint;
      assert.equal((await post(`/complaints/${bare.id}/contact/reveal`, 'dispatcher')).statusCode, 404);
      const unknownTech = await post('/complaints', 'agent', {
        ...minimal('no-such-technician'),
        subjectType: 'technician',
      });
      assert.equal(unknownTech.statusCode, 404);
    });

    it('staff acknowledge, record contacts, resolve; wrong state 409, missing resolution 422, agent 403', async () => {
      const { complaint } = (await post('/complaints', 'agent', minimal(orderId))).json<{ complaint: Detail }>();
      const url = `/complaints/${complaint.id}`;
      assert.deepEqual(complaint.allowedEvents, ['acknowledge']);
      assert.equal((await post(`${url}/events`, 'agent', { event: 'acknowledge' })).statusCode, 403);
      const early = await post(`${url}/events`, 'dispatcher', { event: 'resolve', resolution: 'x', upheld: true });
      assert.equal(early.statusCode, 409);
      assert.equal(early.json<{ error: { code: string } }>().error.code, 'invalid_state');
      const ack = await post(`${url}/events`, 'dispatcher', { event: 'acknowledge', note: '已致电客户' });
      assert.equal(ack.statusCode, 200, ack.body);
      assert.equal((await post(`${url}/events`, 'dispatcher', { event: 'acknowledge' })).statusCode, 409);
      assert.equal((await post(`${url}/events`, 'dispatcher', { event: 'confirm' })).statusCode, 422, 'customer’s');
      const contact = await post(`${url}/contacts`, 'agent', { kind: 'call', notes: '客户同意明天上午复修' });
      assert.equal(contact.statusCode, 201, contact.body);
      assert.equal((await post(`${url}/contacts`, 'agent', { kind: 'fax', notes: 'x' })).statusCode, 422);
      const noText = await post(`${url}/events`, 'dispatcher', { event: 'resolve', upheld: true });
      assert.equal(noText.statusCode, 422);
      const noVerdict = await post(`${url}/events`, 'dispatcher', { event: 'resolve', resolution: '已复修' });
      assert.equal(noVerdict.statusCode, 422);
      const resolved = await post(`${url}/events`, 'dispatcher', {
        event: 'resolve',
        resolution: '已安排复修并减免上门费',
        upheld: true,
      });
      assert.equal(resolved.statusCode, 200, resolved.body);
      const detail = resolved.json<Detail>();
      assert.equal(detail.status, 'resolved');
      assert.deepEqual(
        detail.contacts.map((c) => c.kind),
        ['call'],
      );
      assert.deepEqual(
        detail.timers.map((t) => t.state),
        ['met', 'met'],
      );
      assert.deepEqual(detail.allowedEvents, ['close']);
      const list = await get('/complaints?status=resolved', 'agent');
      assert.equal(list.statusCode, 200);
      assert.ok(list.json<{ items: { id: string }[] }>().items.some((i) => i.id === complaint.id));
    });

    it('the customer files through the status link, then confirms or reopens; 404 for unknown links', async () => {
      const filed = await post(`/public/repair-orders/${statusToken}/complaints`, null, {
        about: 'technician',
        description: '师傅没有出示工牌',
      });
      assert.equal(filed.statusCode, 201, filed.body);
      const { complaint, linkToken } = filed.json<{ complaint: { id: string; status: string }; linkToken: string }>();
      assert.equal(complaint.status, 'open');
      const mine = await get(`/public/repair-orders/${statusToken}/complaints`, null);
      assert.ok(mine.json<{ id: string }[]>().some((c) => c.id === complaint.id));
      const early = await post(`/public/repair-orders/${statusToken}/complaints/${complaint.id}/confirm`, null, {});
      assert.equal(early.statusCode, 409, 'nothing to confirm yet');
      await post(`/complaints/${complaint.id}/events`, 'dispatcher', { event: 'acknowledge' });
      await post(`/complaints/${complaint.id}/events`, 'dispatcher', {
        event: 'resolve',
        resolution: '已提醒师傅上门出示工牌',
        upheld: false,
      });
      const noReason = await post(`/public/complaints/${linkToken}/reopen`, null, {});
      assert.equal(noReason.statusCode, 422, 'a reopening says why');
      h.clock.advance(30 * MINUTE);
      const reopened = await post(`/public/complaints/${linkToken}/reopen`, null, { comment: '还是没有工牌' });
      assert.equal(reopened.statusCode, 200, reopened.body);
      assert.equal(reopened.json<{ status: string }>().status, 'reopened');
      const staff = (await get(`/complaints/${complaint.id}`, 'dispatcher')).json<Detail>();
      const ack = staff.timers.find((t) => t.kind === 'acknowledge')!;
      assert.equal(ack.state, 'running', 'the reopening starts the timers over');
      assert.equal(ack.remainingMinutes, 120);
      await post(`/complaints/${complaint.id}/events`, 'dispatcher', { event: 'acknowledge' });
      await post(`/complaints/${complaint.id}/events`, 'dispatcher', {
        event: 'resolve',
        resolution: '更换师傅并致歉',
        upheld: true,
      });
      const confirmed = await post(`/public/repair-orders/${statusToken}/complaints/${complaint.id}/confirm`, null, {
        comment: '满意',
      });
      assert.equal(confirmed.statusCode, 200, confirmed.body);
      assert.equal(confirmed.json<{ status: string; canReopen: boolean }>().status, 'confirmed');
      const other = `${'x'.repeat(32)}`;
      assert.equal((await get(`/public/complaints/${other}`, null)).statusCode, 404);
      assert.equal(
        (await post(`/public/repair-orders/${other}/complaints`, null, { description: 'x' })).statusCode,
        404,
      );
      assert.equal(
        (await post(`/public/repair-orders/${statusToken}/complaints/not-mine/confirm`, null, {})).statusCode,
        404,
      );
    });

    it('a breach escalates outlet → region → brand through the SLA job, once per level, with notifications', async () => {
      h.clock.set(MONDAY_10AM_MS);
      const { complaint } = (await post('/complaints', 'agent', minimal(orderId))).json<{ complaint: Detail }>();
      const jobs = () =>
        h.t.db.kysely
          .selectFrom('jobs')
          .select(['run_at', 'status'])
          .where('kind', '=', 'complaint.sla_check')
          .where('payload_json', 'like', `%${complaint.id}%`)
          .execute();
      assert.ok((await jobs()).some((j) => j.run_at === new Date(MONDAY_10AM_MS + 120 * MINUTE).toISOString()));
      const levels = async () =>
        (await get(`/complaints/${complaint.id}`, 'dispatcher')).json<Detail>().escalations.map((e) => e.level);
      h.clock.set(MONDAY_10AM_MS + 119 * MINUTE);
      await h.runJobs();
      assert.deepEqual(await levels(), []);
      h.clock.set(MONDAY_10AM_MS + 120 * MINUTE);
      await h.runJobs();
      const first = (await get(`/complaints/${complaint.id}`, 'dispatcher')).json<Detail>();
      assert.deepEqual(
        first.escalations.map((e) => [e.level, e.timerKind]),
        [['outlet', 'acknowledge']],
      );
      const admin = h.actors.admin;
      assert.equal(first.escalations[0]!.recipientUserId, admin.kind === 'user' ? admin.userId : null, 'the manager');
      assert.equal(first.slaBreached, true);
      h.clock.set(MONDAY_10AM_MS + 240 * MINUTE);
      await h.runJobs();
      h.clock.set(MONDAY_10AM_MS + 360 * MINUTE);
      await h.runJobs();
      await h.runJobs();
      const last = (await get(`/complaints/${complaint.id}`, 'dispatcher')).json<Detail>();
      assert.deepEqual(
        last.escalations.map((e) => e.level),
        ['outlet', 'region', 'brand'],
      );
      assert.equal(last.escalations[1]!.regionCode, '460000');
      assert.equal(last.escalationLevel, 'brand');
      assert.equal(last.events.filter((e) => e.event === 'escalate').length, 3);
      const notes = await h.t.db.kysely
        .selectFrom('notifications')
        .select(['topic', 'recipient_ref'])
        .where('workspace_id', '=', h.workspaceId)
        .where('topic', '=', 'complaint.breach')
        .where('subject_id', '=', complaint.id)
        .execute();
      assert.ok(notes.length >= 3, `one or more per level, got ${notes.length}`);
      const audits = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', complaint.id)
        .execute();
      assert.equal(audits.filter((a) => a.action === 'complaint.sla_escalated').length, 3);
      // Acknowledging late stops the climb: no further checks are queued.
      assert.equal(
        (await post(`/complaints/${complaint.id}/events`, 'dispatcher', { event: 'acknowledge' })).statusCode,
        200,
      );
    });

    it('rates per outlet and technician feed the report and dispatch ranking', async () => {
      const report = await get('/complaints/report/rates?days=30&priorWeight=0', 'dispatcher');
      assert.equal(report.statusCode, 200, report.body);
      const body = report.json<{
        technicians: { id: string; name: string | null; orders: number; complaints: number; rate: number }[];
        outlets: { id: string; orders: number; complaints: number }[];
      }>();
      const other = body.technicians.find((t) => t.id === net.otherTechnicianId)!;
      assert.equal(other.name, '李师傅');
      assert.equal(other.orders, 1);
      assert.ok(other.complaints >= 3, 'upheld and undecided complaints count; the one not upheld does not');
      assert.equal((await get('/complaints/report/rates', 'agent')).statusCode, 403);
      assert.equal((await get('/complaints/report/rates?days=0', 'dispatcher')).statusCode, 422);
      const { order } = (await post('/repair-orders', 'agent', intakeOf({ preferredDate: '2026-11-03' }))).json<{
        order: { id: string };
      }>();
      const candidates = await get(`/repair-orders/${order.id}/dispatch-candidates`, 'dispatcher');
      assert.equal(candidates.statusCode, 200, candidates.body);
      const ranked = candidates.json<{
        candidates: { technicianId: string; complaintRate: number | null; explanation: { en: string } }[];
      }>().candidates;
      assert.equal(ranked[0]!.technicianId, net.ownTechnicianId, 'the technician without complaints ranks first');
      const worse = ranked.find((c) => c.technicianId === net.otherTechnicianId)!;
      assert.ok(worse.complaintRate! > (ranked[0]!.complaintRate ?? 0));
      assert.match(worse.explanation.en, /complaint rate \d+\.\d%/);
    });
  });
}

function minimal(subjectId: string) {
  return { subjectType: 'repair_order', subjectId, channel: 'hotline', description: '维修后门锁仍然打不开' };
}
