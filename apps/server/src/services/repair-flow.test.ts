import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { createTestApp, type TestApp } from '../http/test-app.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { intakeOf, MONDAY_10AM_MS, seedRepairNetwork, type RepairNetworkFixture } from './repair-test-fixtures.js';

const code = (expected: string) => (e: unknown) => e instanceof DomainError && e.code === expected;

for (const dialect of TEST_DIALECTS) {
  describe(`repair orders on ${dialect}`, () => {
    let h: TestApp;
    let net: RepairNetworkFixture;

    before(async () => {
      h = await createTestApp(dialect);
      h.clock.set(MONDAY_10AM_MS);
      net = await seedRepairNetwork(h);
    });
    after(() => h.dispose());

    const auditActions = async (orderId: string) =>
      (
        await h.t.db.kysely
          .selectFrom('audit_events')
          .select('action')
          .where('subject_id', '=', orderId)
          .orderBy('seq')
          .execute()
      ).map((r) => r.action);

    it('takes an order in with sealed contact, masked answers, warranty from the serial and the free first inspection', async () => {
      const at = new Date(h.clock.nowMs()).toISOString();
      await h.t.db.kysely
        .insertInto('product_serials')
        .values([
          {
            id: 's1',
            workspace_id: h.workspaceId,
            serial: 'SL-IN',
            product_line: 'smart_lock',
            model: 'X2',
            purchased_on: '2026-01-15',
            warranty_months: 12,
            created_at: at,
          },
          {
            id: 's2',
            workspace_id: h.workspaceId,
            serial: 'SL-OLD',
            product_line: 'smart_lock',
            model: 'X1',
            purchased_on: '2024-01-15',
            warranty_months: 12,
            created_at: at,
          },
        ])
        .execute();
      const first = await h.services.repairOrders.intake(
        h.actors.agent,
        intakeOf({ serial: 'SL-IN', customer: { name: '赵六', phone: '+86 137-0000-1111', address: '滨海大道 1 号' } }),
      );
      assert.equal(first.order.status, 'reported');
      assert.equal(first.order.warrantyStatus, 'in_warranty');
      assert.equal(first.order.freeInspection, true);
      assert.equal(first.order.customerPhoneMasked, '137****1111');
      assert.equal(first.order.customerNameMasked, '赵*');
      assert.equal(first.order.areaName, '海南省海口市龙华区中山街道');
      assert.match(first.order.number, /^RO-261102-[0-9A-Z]{6}$/);
      assert.ok(first.statusToken.length >= 24);
      const second = await h.services.repairOrders.intake(
        h.actors.agent,
        intakeOf({ serial: 'SL-OLD', customer: { name: '赵六', phone: '13700001111', address: '滨海大道 1 号' } }),
      );
      assert.equal(second.order.customerId, first.order.customerId, 'the same phone is the same customer');
      assert.equal(second.order.freeInspection, false, 'only the first order is free');
      assert.equal(second.order.warrantyStatus, 'expired');
      const third = await h.services.repairOrders.intake(
        h.actors.agent,
        intakeOf({ serial: 'NOT-REGISTERED', areaCode: undefined, areaText: '海口市龙华区' }),
      );
      assert.equal(third.order.warrantyStatus, 'unknown');
      assert.equal(third.order.areaCode, '460106');
      const row = await h.t.db.kysely
        .selectFrom('repair_orders')
        .selectAll()
        .where('id', '=', first.order.id)
        .executeTakeFirstOrThrow();
      assert.ok(!row.address_ciphertext.includes('滨海'), 'the address is sealed');
      const customer = await h.t.db.kysely
        .selectFrom('service_customers')
        .selectAll()
        .where('id', '=', first.order.customerId)
        .executeTakeFirstOrThrow();
      assert.ok(!customer.contact_ciphertext.includes('1111') && !customer.contact_ciphertext.includes('赵'));
      assert.deepEqual(await auditActions(first.order.id), ['repair_order.created']);
      const reveal = await h.services.repairOrders.revealContact(h.actors.dispatcher, first.order.id);
      assert.deepEqual(reveal, { name: '赵六', phone: '13700001111', address: '滨海大道 1 号' });
      assert.deepEqual(await auditActions(first.order.id), ['repair_order.created', 'repair_order.contact_revealed']);
      await assert.rejects(h.services.repairOrders.revealContact(h.actors.agent, first.order.id), code('forbidden'));
      await assert.rejects(h.services.repairOrders.intake(h.actors.technician, intakeOf()), code('forbidden'));
      await assert.rejects(
        h.services.repairOrders.intake(h.actors.agent, intakeOf({ areaCode: '460000' })),
        code('invalid_input'),
      );
      await assert.rejects(
        h.services.repairOrders.intake(h.actors.agent, intakeOf({ areaCode: '999999' })),
        code('invalid_input'),
      );
      await assert.rejects(
        h.services.repairOrders.intake(h.actors.agent, intakeOf({ preferredDate: '2026-13-01' })),
        code('invalid_input'),
      );
    });

    it('runs the full flow: intake → assign → accept → depart → arrive → visit → complete → customer confirms → closed', async () => {
      const { order, statusToken } = await h.services.repairOrders.intake(h.actors.agent, intakeOf());
      const s = h.services;
      const assigned = await s.repairWorkflow.assign(
        h.actors.dispatcher,
        order.id,
        { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'afternoon' },
        { mode: 'manual', reason: '就近安排' },
      );
      assert.equal(assigned.status, 'assigned');
      assert.equal(assigned.outletId, net.outletId);
      const response = assigned.slaTimers.find((t) => t.kind === 'response');
      assert.equal(response?.dueAt, '2026-11-02T02:30:00.000Z', '30 business minutes after the assignment');
      const job = await h.t.db.kysely
        .selectFrom('jobs')
        .select(['run_at'])
        .where('kind', '=', 'sla.check')
        .where('payload_json', 'like', `%${order.id}%`)
        .where('status', '=', 'queued')
        .execute();
      assert.deepEqual(
        job.map((j) => j.run_at).sort(),
        // The response check 30 business minutes after assignment; the resolution check from intake (3 service days).
        ['2026-11-02T02:30:00.000Z', '2026-11-05T02:00:00.000Z'],
      );
      const tech = h.actors.technician;
      h.clock.advance(10 * 60_000);
      assert.equal((await s.repairWorkflow.technicianEvent(tech, order.id, 'accept')).status, 'accepted');
      const contact = await s.repairOrders.revealContact(tech, order.id);
      assert.equal(contact.phone, '13812345678', 'the assigned technician may reveal their own order');
      assert.equal((await s.repairWorkflow.technicianEvent(tech, order.id, 'depart')).status, 'on_the_way');
      await assert.rejects(s.repairWorkflow.technicianEvent(tech, order.id, 'complete'), code('invalid_state'));
      assert.equal((await s.repairWorkflow.technicianEvent(tech, order.id, 'arrive')).status, 'on_site');
      const visit = await s.visits.recordVisit(tech, order.id, {
        checkedInAt: '2026-11-02T05:00:00Z',
        checkedOutAt: '2026-11-02T05:40:00Z',
        notes: '更换指纹模组',
        parts: [{ name: '指纹模组', quantity: 1, priceFen: 12_000 }],
        feeFen: 5_000,
      });
      assert.equal(visit.feeFen, 5_000);
      assert.equal((await s.repairWorkflow.technicianEvent(tech, order.id, 'complete')).status, 'completed');
      const view = await s.repairCustomers.status(statusToken);
      assert.equal(view.canConfirm, true);
      assert.equal(view.technicianName, '王**');
      assert.equal(view.visit?.partsFen, 12_000);
      await assert.rejects(s.repairCustomers.confirm(statusToken, { rating: 6 }), code('invalid_input'));
      const confirmed = await s.repairCustomers.confirm(statusToken, { rating: 5, comment: '很专业' });
      assert.equal(confirmed.status, 'closed');
      assert.equal(confirmed.rating, 5);
      const detail = await s.repairOrders.getOrder(h.actors.dispatcher, order.id);
      assert.deepEqual(
        detail.history.map((e) => e.event),
        ['intake', 'assign', 'accept', 'depart', 'arrive', 'visit_recorded', 'complete', 'close'],
      );
      assert.equal(detail.history[1]?.actor, `user:${(h.actors.dispatcher as { userId: string }).userId}`);
      assert.equal(detail.visit?.rating, 5);
      assert.ok(
        detail.slaTimers.every((t) => t.state === 'met'),
        JSON.stringify(detail.slaTimers),
      );
      assert.deepEqual(await auditActions(order.id), [
        'repair_order.created',
        'repair_order.status_changed',
        'repair_order.status_changed',
        'repair_order.contact_revealed',
        'repair_order.status_changed',
        'repair_order.status_changed',
        'repair_order.visit_recorded',
        'repair_order.status_changed',
        'repair_order.status_changed',
        'repair_order.customer_confirmed',
      ]);
      await assert.rejects(s.repairCustomers.cancel(statusToken), code('invalid_state'));
      await assert.rejects(s.repairCustomers.status('x'.repeat(32)), code('not_found'));
    });

    it('waits for parts, reschedules to a new slot and sets off again; cancels; refuses wrong states', async () => {
      const s = h.services;
      const tech = h.actors.technician;
      const { order } = await s.repairOrders.intake(h.actors.agent, intakeOf({ faultCategory: 'motor_jammed' }));
      await assert.rejects(s.repairWorkflow.technicianEvent(h.actors.admin, order.id, 'accept'), code('invalid_state'));
      await s.repairWorkflow.assign(
        h.actors.dispatcher,
        order.id,
        { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'evening' },
        { mode: 'manual' },
      );
      for (const e of ['accept', 'depart', 'arrive', 'parts_needed'] as const)
        await s.repairWorkflow.technicianEvent(tech, order.id, e);
      const waiting = await s.repairOrders.getOrder(tech, order.id);
      assert.equal(waiting.status, 'needs_parts');
      assert.ok(
        waiting.slaTimers.some((t) => t.kind === 'resolution' && t.paused),
        'timers pause while waiting for parts',
      );
      const rescheduled = await s.repairWorkflow.reschedule(h.actors.dispatcher, order.id, {
        date: '2026-11-04',
        slot: 'morning',
        reason: '配件周三到货',
      });
      assert.equal(rescheduled.status, 'rescheduled');
      assert.equal(rescheduled.bookedDate, '2026-11-04');
      assert.equal((await s.repairWorkflow.technicianEvent(tech, order.id, 'depart')).status, 'on_the_way');
      await assert.rejects(s.repairWorkflow.close(h.actors.dispatcher, order.id), code('invalid_state'));
      const { order: other } = await s.repairOrders.intake(h.actors.agent, intakeOf());
      const cancelled = await s.repairWorkflow.cancel(h.actors.agent, other.id, '客户自行修好了');
      assert.equal(cancelled.status, 'cancelled');
      await assert.rejects(s.repairWorkflow.cancel(h.actors.agent, other.id, '再取消'), code('invalid_state'));
      await assert.rejects(
        s.repairWorkflow.technicianEvent(h.actors.dispatcher, other.id, 'accept'),
        code('forbidden'),
      );
    });

    it('keeps technicians to their own orders and workspaces to theirs', async () => {
      const s = h.services;
      const { order } = await s.repairOrders.intake(h.actors.agent, intakeOf());
      await s.repairWorkflow.assign(
        h.actors.dispatcher,
        order.id,
        { technicianId: net.otherTechnicianId, date: '2026-11-03', slot: 'morning' },
        { mode: 'manual' },
      );
      const tech = h.actors.technician;
      await assert.rejects(s.repairWorkflow.technicianEvent(tech, order.id, 'accept'), code('not_found'));
      await assert.rejects(s.repairOrders.getOrder(tech, order.id), code('not_found'));
      await assert.rejects(s.repairOrders.revealContact(tech, order.id), code('not_found'));
      await assert.rejects(s.visits.recordVisit(tech, order.id, { notes: 'x' }), code('not_found'));
      const mine = await s.repairOrders.listOrders(tech, { limit: 200 });
      assert.ok(mine.items.length > 0 && mine.items.every((o) => o.technicianId === net.ownTechnicianId));
      const all = await s.repairOrders.listOrders(h.actors.dispatcher, { technicianId: net.otherTechnicianId });
      assert.ok(all.items.some((o) => o.id === order.id));
      const byArea = await s.repairOrders.listOrders(h.actors.dispatcher, {
        areaPrefix: '4601',
        status: 'assigned',
        date: '2026-11-03',
        slot: 'morning',
      });
      assert.deepEqual(
        byArea.items.map((o) => o.id),
        [order.id],
      );
      const outsider = h.actors.outsider;
      await assert.rejects(s.repairOrders.getOrder(outsider, order.id), code('not_found'));
      await assert.rejects(s.repairWorkflow.cancel(outsider, order.id, 'x'), code('not_found'));
      await assert.rejects(s.repairOrders.revealContact(outsider, order.id), code('not_found'));
      assert.equal((await s.repairOrders.listOrders(outsider)).items.length, 0);
      await assert.rejects(
        s.repairWorkflow.assign(
          h.actors.dispatcher,
          order.id,
          { technicianId: 'no-such-tech', date: '2026-11-03', slot: 'morning' },
          {},
        ),
        code('not_found'),
      );
    });

    it('escalates a breached response SLA through the ladder with jobs at the due times, and stops when accepted', async () => {
      const s = h.services;
      h.clock.set(MONDAY_10AM_MS);
      await h.runJobs();
      const { order } = await s.repairOrders.intake(h.actors.agent, intakeOf());
      await s.repairWorkflow.assign(
        h.actors.dispatcher,
        order.id,
        { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'afternoon' },
        { mode: 'manual' },
      );
      const escalations = async () =>
        (await s.sla.listEscalations(h.actors.dispatcher, { orderId: order.id })).items
          .map((e) => `${e.timerKind}:${e.level}`)
          .sort();
      h.clock.set(MONDAY_10AM_MS + 29 * 60_000);
      await h.runJobs();
      assert.deepEqual(await escalations(), [], 'not due yet');
      h.clock.set(MONDAY_10AM_MS + 31 * 60_000);
      await h.runJobs();
      assert.deepEqual(await escalations(), ['response:dispatcher']);
      const row = await h.t.db.kysely
        .selectFrom('repair_orders')
        .select('sla_breached')
        .where('id', '=', order.id)
        .executeTakeFirstOrThrow();
      assert.equal(Number(row.sla_breached), 1);
      h.clock.set(MONDAY_10AM_MS + 91 * 60_000);
      await h.runJobs();
      assert.deepEqual(await escalations(), ['response:dispatcher', 'response:outlet_manager']);
      const manager = (await s.sla.listEscalations(h.actors.dispatcher, { orderId: order.id })).items.find(
        (e) => e.level === 'outlet_manager',
      );
      assert.equal(manager?.recipientUserId, (h.actors.admin as { userId: string }).userId);
      assert.match(manager?.message.zh ?? '', /响应时限/);
      h.clock.set(MONDAY_10AM_MS + 211 * 60_000);
      await h.runJobs();
      assert.deepEqual(await escalations(), ['response:brand', 'response:dispatcher', 'response:outlet_manager']);
      const audit = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', order.id)
        .where('action', '=', 'repair_order.sla_escalated')
        .execute();
      assert.equal(audit.length, 3, 'each level audited once');
      await h.runJobs();
      assert.equal((await escalations()).length, 3, 'a re-run records nothing twice');
      const open = await s.sla.listEscalations(h.actors.dispatcher, { open: true, orderId: order.id });
      const acked = await s.sla.ack(h.actors.dispatcher, open.items[0]!.id);
      assert.ok(acked.ackedAt);
      assert.equal(
        (await s.sla.listEscalations(h.actors.dispatcher, { open: true, orderId: order.id })).items.length,
        2,
      );
      await assert.rejects(s.sla.ack(h.actors.outsider, open.items[0]!.id), code('not_found'));

      const { order: prompt } = await s.repairOrders.intake(h.actors.agent, intakeOf());
      await s.repairWorkflow.assign(
        h.actors.dispatcher,
        prompt.id,
        { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'evening' },
        { mode: 'manual' },
      );
      h.clock.advance(20 * 60_000);
      await s.repairWorkflow.technicianEvent(h.actors.technician, prompt.id, 'call_customer');
      h.clock.advance(60 * 60_000);
      await h.runJobs();
      assert.deepEqual(
        (await s.sla.listEscalations(h.actors.dispatcher, { orderId: prompt.id })).items.filter(
          (e) => e.timerKind === 'response',
        ),
        [],
        'answered in time: no response escalation',
      );
    });

    it('dispatches automatically within coverage, skill and slot capacity, explains it, and sees network changes', async () => {
      const s = h.services;
      const when = { date: '2026-11-06', slot: 'evening' as const };
      const slotFree = async () =>
        (
          await s.dispatch.availability(h.actors.agent, {
            areaCode: '460106001',
            productLine: 'smart_lock',
            faultCategory: 'battery_drained',
            from: when.date,
            to: when.date,
          })
        ).days[0]?.slots.find((a) => a.slot === 'evening')?.free;
      assert.equal(await slotFree(), 4, 'two technicians, two bookings each');
      const assignedTo: string[] = [];
      for (let i = 0; i < 4; i++) {
        const { order } = await s.repairOrders.intake(
          h.actors.agent,
          intakeOf({ preferredDate: when.date, preferredSlot: when.slot, faultCategory: 'battery_drained' }),
        );
        const candidates = await s.dispatch.candidates(h.actors.dispatcher, order.id);
        assert.ok(candidates.chosen, candidates.summary.en);
        const dispatched = await s.dispatch.autoDispatch(h.actors.dispatcher, order.id);
        assert.equal(dispatched.status, 'assigned');
        assert.equal(dispatched.technicianId, candidates.chosen.technicianId);
        const entry = dispatched.history.find((e) => e.event === 'assign');
        const explanation = entry?.explanation as { mode: string; explanation: { zh: string; en: string } };
        assert.equal(explanation.mode, 'auto');
        assert.ok(explanation.explanation.zh.length > 0 && explanation.explanation.en.length > 0);
        assignedTo.push(dispatched.technicianId ?? '');
      }
      assert.deepEqual(
        [...new Set(assignedTo)].sort(),
        [net.otherTechnicianId, net.ownTechnicianId].sort(),
        'load balancing spreads the bookings',
      );
      assert.equal(await slotFree(), 0);
      const { order: full } = await s.repairOrders.intake(
        h.actors.agent,
        intakeOf({ preferredDate: when.date, preferredSlot: when.slot }),
      );
      await assert.rejects(s.dispatch.autoDispatch(h.actors.dispatcher, full.id), code('invalid_state'));
      const overridden = await s.dispatch.manualAssign(h.actors.dispatcher, full.id, {
        technicianId: net.ownTechnicianId,
        ...when,
        reason: '客户指定王师傅',
      });
      const manual = overridden.history.find((e) => e.event === 'assign')?.explanation as {
        mode: string;
        overrides?: { reason: string };
      };
      assert.equal(manual.mode, 'manual');
      assert.equal(manual.overrides?.reason, 'slot_full', 'the override of a full slot is recorded');
      const { order: far } = await s.repairOrders.intake(h.actors.agent, intakeOf({ areaCode: '513435' }));
      const nobody = await s.dispatch.candidates(h.actors.dispatcher, far.id);
      assert.equal(nobody.chosen, null);
      assert.equal(nobody.rejected.not_covering, 2);
      await assert.rejects(s.dispatch.autoDispatch(h.actors.dispatcher, far.id), code('invalid_state'));
      await h.t.db.kysely
        .insertInto('outlet_coverage')
        .values({
          workspace_id: h.workspaceId,
          outlet_id: net.outletId,
          code: '513435',
          mode: 'include',
          created_at: new Date(h.clock.nowMs()).toISOString(),
        })
        .execute();
      assert.equal(
        (await s.dispatch.candidates(h.actors.dispatcher, far.id)).chosen,
        null,
        'the cached index until the version moves',
      );
      await h.t.db.kysely
        .updateTable('network_versions')
        .set((eb) => ({ version: eb('version', '+', 1) }))
        .where('workspace_id', '=', h.workspaceId)
        .execute();
      assert.ok((await s.dispatch.candidates(h.actors.dispatcher, far.id)).chosen, 'rebuilt at the new version');
      // The last place of a slot, raced for by two automatic dispatches: one takes it, the other is refused.
      const race = { preferredDate: '2026-11-09', preferredSlot: 'morning' as const };
      for (let i = 0; i < 3; i++) {
        const { order: filler } = await s.repairOrders.intake(h.actors.agent, intakeOf(race));
        await s.dispatch.autoDispatch(h.actors.dispatcher, filler.id);
      }
      const racers = await Promise.all([1, 2].map(() => s.repairOrders.intake(h.actors.agent, intakeOf(race))));
      const outcomes = await Promise.allSettled(
        racers.map((r) => s.dispatch.autoDispatch(h.actors.dispatcher, r.order.id)),
      );
      assert.equal(outcomes.filter((o) => o.status === 'fulfilled').length, 1, 'one takes the last place');
      const refused = outcomes.find((o) => o.status === 'rejected');
      assert.ok(
        refused &&
          refused.status === 'rejected' &&
          refused.reason instanceof DomainError &&
          ['conflict', 'invalid_state'].includes(refused.reason.code),
      );
      const held = await h.t.db.kysely
        .selectFrom('repair_orders')
        .select(['technician_id'])
        .where('workspace_id', '=', h.workspaceId)
        .where('booked_date', '=', race.preferredDate)
        .where('booked_slot', '=', race.preferredSlot)
        .where('status', '=', 'assigned')
        .execute();
      assert.equal(held.length, 4, 'two technicians, two each: never overbooked');
      await assert.rejects(s.dispatch.candidates(h.actors.agent, far.id), code('forbidden'));
      await assert.rejects(s.dispatch.candidates(h.actors.outsider, far.id), code('not_found'));
    });
  });
}
