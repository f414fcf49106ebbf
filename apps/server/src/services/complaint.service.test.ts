import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { readNetworkVersion } from '../adapters/db/network.repository.js';
import { createTestApp, type TestApp } from '../http/test-app.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { intakeOf, MONDAY_10AM_MS, seedRepairNetwork, type RepairNetworkFixture } from './repair-test-fixtures.js';

const MINUTE = 60_000;

for (const dialect of TEST_DIALECTS) {
  describe(`complaint services on ${dialect}`, () => {
    let h: TestApp;
    let net: RepairNetworkFixture;

    before(async () => {
      h = await createTestApp(dialect);
      h.clock.set(MONDAY_10AM_MS);
      net = await seedRepairNetwork(h);
    });
    after(() => h.dispose());

    const fileAgainst = (technicianId: string) =>
      h.services.complaints.file(h.actors.agent, {
        subjectType: 'technician',
        subjectId: technicianId,
        channel: 'hotline',
        description: '师傅服务态度差',
      });

    it('a merchant complains about a claim: no outlet, technician or region; the merchant channel needs claim.respond', async () => {
      const admin = h.actors.admin;
      const product = await h.services.catalogue.createProduct(admin, { sku: 'LOCK-C1', name: '智能门锁 C1' });
      const order = await h.services.orders.createOrder(admin, {
        platform: 'taobao',
        platformOrderId: 'TB-CP-1',
        productId: product.id,
        amountFen: 19_900,
        buyer: { accountId: 'tb-cp-1', contact: { name: '张三', phone: '13800138000', address: '海口市龙华区' } },
      });
      const claim = await h.services.claims.createClaim(admin, {
        orderId: order.id,
        type: 'refund_only',
        reason: '门锁面板有裂痕',
        amountFen: 19_900,
      });
      const { complaint } = await h.services.complaints.file(h.actors.agent, {
        subjectType: 'claim',
        subjectId: claim.id,
        channel: 'merchant',
        description: '买家投诉退款审核太慢',
      });
      assert.deepEqual(
        [complaint.subjectType, complaint.outletId, complaint.technicianId, complaint.regionCode, complaint.channel],
        ['claim', null, null, null, 'merchant'],
      );
      await assert.rejects(
        h.services.complaints.file(h.actors.dispatcher, {
          subjectType: 'claim',
          subjectId: claim.id,
          channel: 'merchant',
          description: 'x',
        }),
        (e: unknown) => e instanceof DomainError && e.code === 'forbidden',
      );
    });

    it('lets one of two concurrent acknowledgements through and refuses the other', async () => {
      const { complaint } = await fileAgainst(net.ownTechnicianId);
      const results = await Promise.allSettled([
        h.services.complaints.applyEvent(h.actors.dispatcher, complaint.id, { event: 'acknowledge' }),
        h.services.complaints.applyEvent(h.actors.admin, complaint.id, { event: 'acknowledge' }),
      ]);
      assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
      const refused = results.find((r) => r.status === 'rejected');
      assert.ok(
        refused?.reason instanceof DomainError && ['conflict', 'invalid_state'].includes(refused.reason.code),
        String(refused?.reason),
      );
      const events = await h.t.db.kysely
        .selectFrom('complaint_events')
        .select('event')
        .where('complaint_id', '=', complaint.id)
        .where('event', '=', 'acknowledge')
        .execute();
      assert.equal(events.length, 1, 'one acknowledgement in the history');
    });

    it('a re-run SLA check adds nothing and queues the next step once; a closed complaint is left alone', async () => {
      h.clock.set(MONDAY_10AM_MS);
      const { complaint } = await fileAgainst(net.otherTechnicianId);
      h.clock.set(MONDAY_10AM_MS + 120 * MINUTE);
      await h.services.complaintSla.check(h.workspaceId, complaint.id);
      await h.services.complaintSla.check(h.workspaceId, complaint.id);
      const escalations = await h.t.db.kysely
        .selectFrom('complaint_escalations')
        .select('level')
        .where('complaint_id', '=', complaint.id)
        .execute();
      assert.deepEqual(
        escalations.map((e) => e.level),
        ['outlet'],
      );
      const next = await h.t.db.kysely
        .selectFrom('jobs')
        .select('run_at')
        .where('kind', '=', 'complaint.sla_check')
        .where('status', '=', 'queued')
        .where('payload_json', 'like', `%${complaint.id}%`)
        .where('run_at', '>', new Date(MONDAY_10AM_MS + 120 * MINUTE).toISOString())
        .execute();
      assert.deepEqual(
        next.map((j) => j.run_at),
        [new Date(MONDAY_10AM_MS + 240 * MINUTE).toISOString()],
        'the region step, queued once',
      );

      const other = await fileAgainst(net.otherTechnicianId);
      await h.services.complaints.applyEvent(h.actors.dispatcher, other.complaint.id, { event: 'acknowledge' });
      await h.services.complaints.applyEvent(h.actors.dispatcher, other.complaint.id, {
        event: 'resolve',
        resolution: '已回访',
        upheld: true,
      });
      await h.services.complaints.applyEvent(h.actors.dispatcher, other.complaint.id, { event: 'close' });
      h.clock.set(MONDAY_10AM_MS + 3 * 24 * 60 * MINUTE);
      assert.deepEqual(await h.services.complaintSla.check(h.workspaceId, other.complaint.id), { outcome: 'done' });
      const none = await h.t.db.kysely
        .selectFrom('complaint_escalations')
        .select('id')
        .where('complaint_id', '=', other.complaint.id)
        .execute();
      assert.equal(none.length, 0);
      assert.deepEqual(await h.services.complaintSla.check(h.workspaceId, 'no-such-complaint'), {
        outcome: 'skipped',
        why: 'no such complaint',
      });
    });

    it('moves the dispatch index version, and complaints not upheld leave the rates', async () => {
      h.clock.set(MONDAY_10AM_MS + 4 * 24 * 60 * MINUTE);
      const before = await readNetworkVersion(h.t.db.kysely, h.workspaceId);
      const { complaint } = await fileAgainst(net.ownTechnicianId);
      assert.equal(await readNetworkVersion(h.t.db.kysely, h.workspaceId), before + 1);
      const rateOf = async () =>
        (await h.services.complaintRates.technicianRates(h.workspaceId)).get(net.ownTechnicianId);
      const withIt = await rateOf();
      await h.services.complaints.applyEvent(h.actors.dispatcher, complaint.id, { event: 'acknowledge' });
      await h.services.complaints.applyEvent(h.actors.dispatcher, complaint.id, {
        event: 'resolve',
        resolution: '核实后师傅按时上门，投诉不成立',
        upheld: false,
      });
      const without = await rateOf();
      assert.ok(withIt !== undefined && without !== undefined && without < withIt, `${without} < ${withIt}`);
      await h.services.repairOrders.intake(h.actors.agent, intakeOf());
      const report = await h.services.complaintRates.report(h.actors.dispatcher, { priorWeight: 0 });
      const own = report.technicians.find((t) => t.id === net.ownTechnicianId);
      assert.equal(own?.name, '王师傅');
      assert.ok(own && own.complaints >= 1);
      await assert.rejects(h.services.complaintRates.report(h.actors.agent), (e: unknown) => e instanceof DomainError);
    });
    it("runs the timers on the workspace's own complaint policy from its service settings", async () => {
      h.clock.set(MONDAY_10AM_MS);
      const current = await h.services.serviceSettings.getSettings(h.actors.admin);
      const complaints = { ...current.settings.complaints, acknowledgeMinutes: 30, resolveMinutes: 240 };
      await h.services.serviceSettings.putSettings(
        h.actors.admin,
        { ...current.settings, complaints },
        current.version,
      );
      try {
        const { complaint } = await fileAgainst(net.ownTechnicianId);
        const detail = await h.services.complaints.get(h.actors.dispatcher, complaint.id);
        const ack = detail.timers.find((t) => t.kind === 'acknowledge')!;
        const resolve = detail.timers.find((t) => t.kind === 'resolve')!;
        assert.equal(ack.dueAt, new Date(MONDAY_10AM_MS + 30 * MINUTE).toISOString());
        assert.equal(resolve.dueAt, new Date(MONDAY_10AM_MS + 240 * MINUTE).toISOString());
        h.clock.set(MONDAY_10AM_MS + 31 * MINUTE);
        await h.services.complaintSla.check(h.workspaceId, complaint.id);
        const levels = await h.t.db.kysely
          .selectFrom('complaint_escalations')
          .select('level')
          .where('complaint_id', '=', complaint.id)
          .execute();
        assert.deepEqual(
          levels.map((l) => l.level),
          ['outlet'],
          'breached after 30 working minutes, not the default 120',
        );
      } finally {
        const now = await h.services.serviceSettings.getSettings(h.actors.admin);
        await h.services.serviceSettings.putSettings(
          h.actors.admin,
          { ...now.settings, complaints: current.settings.complaints },
          now.version,
        );
      }
    });
  });
}
