import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { PlanTerms } from '@proofdesk/domain';
import { intakeOf, MONDAY_10AM_MS, seedRepairNetwork } from '../../services/repair-test-fixtures.js';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { createTestApp, type TestApp } from '../test-app.js';

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
  describe(`care plans over HTTP on ${dialect}`, () => {
    let h: TestApp;
    before(async () => {
      h = await createTestApp(dialect);
      h.clock.set(MONDAY_10AM_MS);
      await seedRepairNetwork(h);
    });
    after(() => h.dispose());

    const call = (method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, who: keyof TestApp['as'], payload?: unknown) =>
      h.app.inject({
        method,
        url: `/api/v1${url}`,
        headers: h.as[who],
        ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
      });

    it('creates a plan, sells it on a serial and shows an order covered at ¥0: 400 malformed, 422 invalid, 403 wrong role, 404 another workspace, 409 wrong state', async () => {
      const body = { code: 'INS-1Y', name: { zh: '售后保障险', en: 'After-sales insurance' }, terms: INSURANCE_TERMS };
      assert.equal((await call('POST', '/care/plans', 'agent', body)).statusCode, 403);
      const malformed = await h.app.inject({
        method: 'POST',
        url: '/api/v1/care/plans',
        headers: { ...h.as.admin, 'content-type': 'application/json' },
        payload: '{"code":',
      });
      assert.equal(malformed.statusCode, 400);
      const invalid = await call('POST', '/care/plans', 'admin', {
        ...body,
        terms: { ...INSURANCE_TERMS, kind: 'lottery' },
      });
      assert.equal(invalid.statusCode, 422, invalid.body);
      const created = await call('POST', '/care/plans', 'admin', body);
      assert.equal(created.statusCode, 201, created.body);
      const plan = created.json<{ id: string; version: number }>();
      assert.equal((await call('POST', '/care/plans', 'admin', body)).statusCode, 409, 'the code is taken');
      assert.equal((await call('GET', `/care/plans/${plan.id}`, 'outsider')).statusCode, 404);
      assert.equal((await call('GET', '/care/plans', 'technician')).json<{ items: unknown[] }>().items.length, 1);

      const registered = await call('PUT', '/care/serials/SL-HTTP-1', 'agent', {
        productLine: 'smart_lock',
        purchasedOn: '2024-01-10',
        warrantyMonths: 12,
      });
      assert.equal(registered.statusCode, 200, registered.body);
      assert.equal(registered.json<{ warranty: { status: string } }>().warranty.status, 'expired');
      assert.equal((await call('GET', '/care/serials/SL-HTTP-1', 'outsider')).statusCode, 404);
      const theirs = await call('PUT', '/care/serials/SL-HTTP-1', 'outsider', {
        productLine: 'lock',
        warrantyMonths: 36,
      });
      assert.equal(theirs.statusCode, 200, 'another workspace registers its own serial of the same number');
      const ours = (await call('GET', '/care/serials/SL-HTTP-1', 'agent')).json<{
        productLine: string;
        warrantyMonths: number;
      }>();
      assert.deepEqual([ours.productLine, ours.warrantyMonths], ['smart_lock', 12], 'ours is untouched');
      assert.equal(
        (await call('POST', '/care/serials/SL-HTTP-1/plans', 'technician', { planId: plan.id })).statusCode,
        403,
      );
      const sold = await call('POST', '/care/serials/SL-HTTP-1/plans', 'agent', { planId: plan.id, activate: true });
      assert.equal(sold.statusCode, 201, sold.body);
      const sale = sold.json<{ id: string; status: string; endsOn: string }>();
      assert.deepEqual([sale.status, sale.endsOn], ['active', '2027-11-01']);
      const again = await call('POST', `/care/serial-plans/${sale.id}/activate`, 'agent');
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json<{ error: { code: string } }>().error.code, 'invalid_state');
      assert.equal((await call('POST', `/care/serial-plans/${sale.id}/cancel`, 'agent', {})).statusCode, 422);

      const { order } = await h.services.repairOrders.intake(h.actors.agent, intakeOf({ serial: 'SL-HTTP-1' }));
      const coverage = await call('GET', `/repair-orders/${order.id}/coverage`, 'dispatcher');
      assert.equal(coverage.statusCode, 200, coverage.body);
      const decision = coverage.json<{
        intake: { customerPaysFen: number; summary: { zh: string } };
        completion: null;
      }>();
      assert.equal(decision.intake.customerPaysFen, 0);
      assert.match(decision.intake.summary.zh, /¥0\.00/);
      assert.equal(decision.completion, null);
      assert.equal((await call('GET', `/repair-orders/${order.id}/coverage`, 'outsider')).statusCode, 404);
      assert.equal(
        (await call('GET', `/repair-orders/${order.id}/coverage`, 'technician')).statusCode,
        404,
        'not theirs',
      );
      const facts = `/repair-orders/${order.id}/coverage/facts`;
      assert.equal((await call('PUT', facts, 'technician', { accidentalDamage: true })).statusCode, 403);
      assert.equal((await call('PUT', facts, 'agent', { accidentalDamage: 'yes' })).statusCode, 422);
      const accidental = await call('PUT', facts, 'agent', { accidentalDamage: true });
      assert.equal(accidental.statusCode, 200, accidental.body);
      const redecided = accidental.json<{
        intake: { accidentalDamage: boolean; customerPaysMore: boolean; lines: { payer: string }[] };
      }>().intake;
      assert.deepEqual(
        [redecided.accidentalDamage, redecided.customerPaysMore, redecided.lines.map((l) => l.payer)],
        [true, true, ['first_inspection', 'customer', 'customer']],
        'the insurance does not cover accidental damage',
      );

      const report = await call('GET', '/care/plan-reports?from=2026-11-01&to=2026-11-30', 'admin');
      assert.equal(report.statusCode, 200, report.body);
      assert.deepEqual(report.json<{ totals: { sold: number; revenueFen: number; lossRatio: number } }>().totals, {
        sold: 1,
        cancelled: 0,
        revenueFen: 9_900,
        refundsFen: 0,
        netRevenueFen: 9_900,
        claims: 0,
        claimsFen: 0,
        lossRatio: 0,
      });
      assert.equal((await call('GET', '/care/plan-reports', 'dispatcher')).statusCode, 403);
      assert.equal((await call('GET', '/care/plan-reports?from=2026-13', 'admin')).statusCode, 422);
      const cancelled = await call('POST', `/care/serial-plans/${sale.id}/cancel`, 'agent', { reason: '客户退保' });
      assert.equal(cancelled.statusCode, 200, cancelled.body);
      assert.equal(cancelled.json<{ refundFen: number }>().refundFen, 9_872, 'the unused 364 of 365 days');
      assert.equal(
        (await call('POST', `/care/serial-plans/${sale.id}/cancel`, 'agent', { reason: '再退' })).statusCode,
        409,
      );
    });
  });
}
