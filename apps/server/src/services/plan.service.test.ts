import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError, type PlanTerms } from '@proofdesk/domain';
import { createTestApp, type TestApp } from '../http/test-app.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { intakeOf, MONDAY_10AM_MS, seedRepairNetwork, type RepairNetworkFixture } from './repair-test-fixtures.js';

const code = (expected: string) => (e: unknown) => e instanceof DomainError && e.code === expected;

const INSURANCE_TERMS: PlanTerms = {
  kind: 'after_sales_insurance',
  priceFen: 9_900,
  termMonths: 12,
  waitingDays: 0,
  coverage: { faultCategories: [], labour: true, parts: true, callOut: true, accidentalDamage: false },
  maxClaims: 2,
  maxAmountFen: 30_000,
  productLines: ['smart_lock'],
};

for (const dialect of TEST_DIALECTS) {
  describe(`care plans and coverage on ${dialect}`, () => {
    let h: TestApp;
    let net: RepairNetworkFixture;

    before(async () => {
      h = await createTestApp(dialect);
      h.clock.set(MONDAY_10AM_MS);
      net = await seedRepairNetwork(h);
    });
    after(() => h.dispose());

    /** Takes an order in for the serial and walks it to completed with the visit's labour and parts. */
    async function repair(
      serial: string,
      phone: string,
      visit: { feeFen: number; parts: { name: string; quantity: number; priceFen: number }[] },
    ) {
      const s = h.services;
      const { order } = await s.repairOrders.intake(
        h.actors.agent,
        intakeOf({ serial, customer: { name: '钱七', phone, address: '滨海大道 9 号' } }),
      );
      const atIntake = await s.planCoverage.orderCoverage(h.actors.agent, order.id);
      await s.repairWorkflow.assign(
        h.actors.dispatcher,
        order.id,
        { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'afternoon' },
        { mode: 'manual', reason: '测试' },
      );
      const tech = h.actors.technician;
      for (const e of ['accept', 'depart', 'arrive'] as const)
        await s.repairWorkflow.technicianEvent(tech, order.id, e);
      await s.visits.recordVisit(tech, order.id, visit);
      await s.repairWorkflow.technicianEvent(tech, order.id, 'complete');
      return { order, atIntake, atCompletion: await s.planCoverage.orderCoverage(tech, order.id) };
    }

    it('manages plans: admin only writes, codes unique, another workspace sees nothing', async () => {
      const s = h.services;
      await assert.rejects(
        s.plans.createPlan(h.actors.agent, { code: 'X', name: { zh: '险', en: 'X' }, terms: INSURANCE_TERMS }),
        code('forbidden'),
      );
      const plan = await s.plans.createPlan(h.actors.admin, {
        code: 'INS-1Y',
        name: { zh: '一年售后保障险', en: 'One-year after-sales insurance' },
        terms: INSURANCE_TERMS,
      });
      assert.equal(plan.terms.priceFen, 9_900);
      await assert.rejects(
        s.plans.createPlan(h.actors.admin, { code: 'INS-1Y', name: { zh: '重', en: 'Dup' }, terms: INSURANCE_TERMS }),
        code('conflict'),
      );
      await assert.rejects(
        s.plans.createPlan(h.actors.admin, {
          code: 'BAD',
          name: { zh: '坏', en: 'Bad' },
          terms: { ...INSURANCE_TERMS, termMonths: 0 },
        }),
        code('invalid_input'),
      );
      await assert.rejects(s.plans.getPlan(h.actors.outsider, plan.id), code('not_found'));
      assert.equal((await s.plans.listPlans(h.actors.outsider)).length, 0);
      const renamed = await s.plans.updatePlan(h.actors.admin, plan.id, {
        name: { zh: '售后保障险', en: 'After-sales insurance' },
        expectedVersion: 1,
      });
      assert.equal(renamed.version, 2);
      await assert.rejects(
        s.plans.updatePlan(h.actors.admin, plan.id, { active: false, expectedVersion: 1 }),
        code('conflict'),
      );
      assert.deepEqual(
        (await s.plans.listPlans(h.actors.technician)).map((p) => p.code),
        ['INS-1Y'],
      );
    });

    it('sells a plan on a serial, covers a repair at ¥0, records the claim at completion, limits the next, and reports the loss ratio', async () => {
      const s = h.services;
      const [plan] = await s.plans.listPlans(h.actors.admin);
      assert.ok(plan);
      await assert.rejects(s.serials.lookupSerial(h.actors.agent, 'SL-CARE-1'), code('not_found'));
      const registered = await s.serials.registerSerial(h.actors.agent, 'SL-CARE-1', {
        productLine: 'smart_lock',
        model: 'X2',
        purchasedOn: '2024-06-01',
        warrantyMonths: 12,
      });
      assert.equal(registered.warranty.status, 'expired');
      await assert.rejects(
        s.serials.sellPlan(h.actors.technician, 'SL-CARE-1', { planId: plan.id }),
        code('forbidden'),
      );
      await assert.rejects(s.serials.sellPlan(h.actors.outsider, 'SL-CARE-1', { planId: plan.id }), code('not_found'));
      const sold = await s.serials.sellPlan(h.actors.agent, 'SL-CARE-1', { planId: plan.id });
      assert.equal(sold.status, 'sold');
      const active = await s.serials.activatePlan(h.actors.agent, sold.id);
      assert.deepEqual([active.status, active.startsOn, active.endsOn], ['active', '2026-11-02', '2027-11-01']);
      await assert.rejects(s.serials.activatePlan(h.actors.agent, sold.id), code('invalid_state'));

      // First order of this customer: the inspection is free anyway; the plan covers labour and parts.
      const first = await repair('SL-CARE-1', '13611112222', {
        feeFen: 8_000,
        parts: [{ name: '电机', quantity: 1, priceFen: 12_000 }],
      });
      assert.deepEqual(
        first.atIntake.intake.lines.map((l) => l.payer),
        ['first_inspection', 'plan', 'plan'],
      );
      assert.equal(first.atIntake.intake.customerPaysFen, 0);
      assert.equal(first.atIntake.intake.customerPaysMore, false);
      assert.equal(first.atIntake.completion, null);
      assert.equal(first.atCompletion.completion?.customerPaysFen, 0);
      assert.deepEqual(first.atCompletion.claims, [{ salePlanId: sold.id, planId: plan.id, amountFen: 20_000 }]);

      // Second order: the plan pays the call-out too, then runs out of amount (¥300 per term, ¥200 used).
      const second = await repair('SL-CARE-1', '13611112222', {
        feeFen: 8_000,
        parts: [{ name: '锁芯', quantity: 1, priceFen: 12_000 }],
      });
      assert.deepEqual(
        second.atIntake.intake.lines.map((l) => l.payer),
        ['plan', 'plan', 'plan'],
      );
      assert.match(second.atIntake.intake.lines[1]!.reason.zh, /剩余保额 ¥50\.00/);
      const done = second.atCompletion.completion;
      assert.deepEqual(
        done?.lines.map((l) => [l.payer, l.customerPaysFen]),
        [
          ['plan', 0],
          ['plan', 3_000],
          ['customer', 12_000],
        ],
      );
      assert.equal(second.atCompletion.customerPaysFen, 15_000);
      assert.equal(second.atCompletion.claims[0]?.amountFen, 10_000);

      const record = await s.serials.lookupSerial(h.actors.technician, 'SL-CARE-1');
      assert.deepEqual([record.plans[0]?.claimsCount, record.plans[0]?.claimsFen], [2, 30_000]);

      // Third order: both claims of the term are used.
      const third = await repair('SL-CARE-1', '13611112222', { feeFen: 1_000, parts: [] });
      assert.deepEqual(
        third.atIntake.intake.lines.map((l) => l.payer),
        ['customer', 'customer', 'customer'],
      );
      assert.match(third.atIntake.intake.planNotes[0]!.reason.zh, /理赔次数已用完（2\/2）/);
      assert.equal(third.atCompletion.completion?.customerPaysFen, 6_000);
      assert.deepEqual(third.atCompletion.claims, []);

      // A technician sees the coverage of their own orders only; another workspace not at all.
      await assert.rejects(s.planCoverage.orderCoverage(h.actors.outsider, first.order.id), code('not_found'));
      const { order: unassigned } = await s.repairOrders.intake(h.actors.agent, intakeOf({ serial: 'SL-CARE-1' }));
      await assert.rejects(s.planCoverage.orderCoverage(h.actors.technician, unassigned.id), code('not_found'));

      const report = await s.planReports.report(h.actors.admin, { from: '2026-11-01', to: '2026-11-30' });
      const row = report.plans.find((p) => p.planId === plan.id);
      assert.deepEqual(
        [row?.sold, row?.revenueFen, row?.claims, row?.claimsFen, row?.lossRatio],
        [1, 9_900, 2, 30_000, 3.0303],
      );
      assert.equal((await s.planReports.report(h.actors.admin, { from: '2026-12-01' })).totals.sold, 0);
      await assert.rejects(s.planReports.report(h.actors.dispatcher), code('forbidden'));
      await assert.rejects(
        s.planReports.report(h.actors.admin, { from: '2026-12-01', to: '2026-11-01' }),
        code('invalid_input'),
      );

      // Cancelled after claims: nothing back; cancelling twice is refused.
      const cancelled = await s.serials.cancelPlan(h.actors.agent, sold.id, '客户要求退保');
      assert.deepEqual([cancelled.status, cancelled.refundFen], ['cancelled', 0]);
      await assert.rejects(s.serials.cancelPlan(h.actors.agent, sold.id, '再退'), code('invalid_state'));
      const audit = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('action')
        .where('subject_id', '=', sold.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        audit.map((a) => a.action),
        [
          'serial_plan.sold',
          'serial_plan.activated',
          'serial_plan.claim_recorded',
          'serial_plan.claim_recorded',
          'serial_plan.cancelled',
        ],
      );
    });

    it('never pays more claims than the term allows when two covered orders complete at once', async () => {
      const s = h.services;
      const one = await s.plans.createPlan(h.actors.admin, {
        code: 'INS-ONE',
        name: { zh: '单次保障', en: 'One-claim cover' },
        terms: { ...INSURANCE_TERMS, maxClaims: 1 },
      });
      await s.serials.registerSerial(h.actors.agent, 'SL-RACE', {
        productLine: 'smart_lock',
        purchasedOn: '2024-01-01',
        warrantyMonths: 12,
      });
      const sale = await s.serials.sellPlan(h.actors.agent, 'SL-RACE', { planId: one.id, activate: true });
      const tech = h.actors.technician;
      const onSite: string[] = [];
      for (const phone of ['13733330001', '13733330002']) {
        const { order } = await s.repairOrders.intake(
          h.actors.agent,
          intakeOf({ serial: 'SL-RACE', customer: { name: '周九', phone, address: '龙昆南路 2 号' } }),
        );
        await s.repairWorkflow.assign(
          h.actors.dispatcher,
          order.id,
          { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'morning' },
          { mode: 'manual', reason: '测试' },
        );
        for (const e of ['accept', 'depart', 'arrive'] as const)
          await s.repairWorkflow.technicianEvent(tech, order.id, e);
        await s.visits.recordVisit(tech, order.id, { feeFen: 2_000, parts: [] });
        onSite.push(order.id);
      }
      const outcomes = await Promise.allSettled(
        onSite.map((id) => s.repairWorkflow.technicianEvent(tech, id, 'complete')),
      );
      for (const o of outcomes) if (o.status === 'rejected') assert.ok(code('conflict')(o.reason), String(o.reason));
      assert.ok(outcomes.some((o) => o.status === 'fulfilled'));
      const claims = await h.t.db.kysely
        .selectFrom('plan_claims')
        .selectAll()
        .where('serial_plan_id', '=', sale.id)
        .execute();
      assert.equal(claims.length, 1, 'one claim for a one-claim term');
      const record = await s.serials.lookupSerial(h.actors.agent, 'SL-RACE');
      assert.equal(record.plans[0]?.claimsCount, 1);
    });

    it('refunds a plan cancelled before activation in full, starts an extended warranty the day after the standard one ends, and covers accidental damage only by a plan for it', async () => {
      const s = h.services;
      const ew = await s.plans.createPlan(h.actors.admin, {
        code: 'EW-2Y',
        name: { zh: '两年延保', en: 'Two-year extended warranty' },
        terms: {
          ...INSURANCE_TERMS,
          kind: 'extended_warranty',
          priceFen: 19_900,
          termMonths: 24,
          coverage: { ...INSURANCE_TERMS.coverage, callOut: false },
        },
      });
      await s.serials.registerSerial(h.actors.agent, 'SL-NEW', {
        productLine: 'smart_lock',
        purchasedOn: '2026-06-01',
        warrantyMonths: 12,
      });
      const sale = await s.serials.sellPlan(h.actors.agent, 'SL-NEW', { planId: ew.id, activate: true });
      assert.deepEqual([sale.startsOn, sale.endsOn], ['2027-06-01', '2029-05-31']);
      const other = await s.serials.sellPlan(h.actors.agent, 'SL-NEW', { planId: ew.id });
      assert.equal((await s.serials.cancelPlan(h.actors.agent, other.id, '买错了')).refundFen, 19_900);
      await assert.rejects(
        s.serials.registerSerial(h.actors.agent, 'SL-FUTURE', {
          productLine: 'smart_lock',
          purchasedOn: '2027-01-01',
          warrantyMonths: 12,
        }),
        code('invalid_input'),
      );
      // Accidental damage in warranty: the standard warranty steps aside; an accidental-damage plan pays labour and parts.
      const ad = await s.plans.createPlan(h.actors.admin, {
        code: 'AD-1Y',
        name: { zh: '意外保', en: 'Accident cover' },
        terms: {
          ...INSURANCE_TERMS,
          kind: 'accidental_damage',
          coverage: { faultCategories: [], labour: true, parts: true, callOut: false, accidentalDamage: true },
        },
      });
      const { order } = await s.repairOrders.intake(
        h.actors.agent,
        intakeOf({ serial: 'SL-NEW', customer: { name: '孙八', phone: '13522223333', address: '海秀路 1 号' } }),
      );
      const before = await s.planCoverage.orderCoverage(h.actors.agent, order.id);
      assert.deepEqual(
        before.intake.lines.map((l) => l.payer),
        ['first_inspection', 'standard_warranty', 'standard_warranty'],
      );
      const dropped = await s.planCoverage.setFacts(h.actors.agent, order.id, { accidentalDamage: true });
      assert.deepEqual(
        dropped.intake.lines.map((l) => l.payer),
        ['first_inspection', 'customer', 'customer'],
      );
      assert.match(dropped.intake.lines[1]!.reason.zh, /意外损坏不在保修范围/);
      await s.serials.sellPlan(h.actors.agent, 'SL-NEW', { planId: ad.id, activate: true });
      const covered = await s.planCoverage.setFacts(h.actors.agent, order.id, { accidentalDamage: true });
      assert.deepEqual(
        covered.intake.lines.map((l) => l.payer),
        ['first_inspection', 'plan', 'plan'],
      );
      await assert.rejects(
        s.planCoverage.setFacts(h.actors.technician, order.id, { accidentalDamage: false }),
        code('forbidden'),
      );
      await s.repairWorkflow.assign(
        h.actors.dispatcher,
        order.id,
        { technicianId: net.ownTechnicianId, date: '2026-11-02', slot: 'evening' },
        { mode: 'manual', reason: '测试' },
      );
      for (const e of ['accept', 'depart', 'arrive'] as const)
        await s.repairWorkflow.technicianEvent(h.actors.technician, order.id, e);
      await s.visits.recordVisit(h.actors.technician, order.id, {
        feeFen: 4_000,
        parts: [{ name: '面板', quantity: 1, priceFen: 9_000 }],
      });
      await s.repairWorkflow.technicianEvent(h.actors.technician, order.id, 'complete');
      const settled = await s.planCoverage.orderCoverage(h.actors.agent, order.id);
      assert.equal(settled.completion?.accidentalDamage, true, 'completion prices on the same fact');
      assert.deepEqual(
        settled.claims.map((c) => c.amountFen),
        [13_000],
      );
      await assert.rejects(
        s.planCoverage.setFacts(h.actors.agent, order.id, { accidentalDamage: false }),
        code('invalid_state'),
      );
      await s.plans.updatePlan(h.actors.admin, ew.id, { active: false });
      await assert.rejects(s.serials.sellPlan(h.actors.agent, 'SL-NEW', { planId: ew.id }), code('invalid_state'));
    });
  });
}
