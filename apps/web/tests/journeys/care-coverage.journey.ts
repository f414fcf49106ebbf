/**
 * Care-plan journey: a covered repair costing nothing. The admin creates an after-sales insurance plan on the plans
 * page, registers an out-of-warranty lock's serial and sells and activates the plan on it; a repair order taken in
 * for that serial shows ¥0 with the reasons line by line; the technician's visit (a part and labour) is completed and
 * the order's settled coverage is still ¥0, the plan's claim recorded on the serial and in the report.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright-core';
import type { Lang } from '../../src/i18n/messages.js';
import { apiGet, newContext, screenshot, signIn } from '../support/browser.js';
import type { JourneyEnv } from '../support/browser.js';

const ADMIN = 'admin@antu-demo.cn';

/** The plans page's words the journey looks for (as in src/pages/care/plan-api.ts). */
const W = {
  title: { zh: '保障计划与延保', en: 'Care plans and extended warranty' },
  plans: { zh: '保障计划', en: 'Plans' },
  serials: { zh: '序列号查询', en: 'Serial lookup' },
  report: { zh: '销售与赔付报表', en: 'Sales and claims report' },
  newPlan: { zh: '新建计划', en: 'New plan' },
  code: { zh: '代码', en: 'Code' },
  nameZh: { zh: '名称（中文）', en: 'Name (Chinese)' },
  nameEn: { zh: '名称（英文）', en: 'Name (English)' },
  price: { zh: '价格（元）', en: 'Price (¥)' },
  maxClaims: { zh: '每期理赔次数上限', en: 'Claims per term' },
  create: { zh: '创建', en: 'Create' },
  serial: { zh: '序列号', en: 'Serial number' },
  lookup: { zh: '查询', en: 'Look up' },
  notRegistered: { zh: '该序列号未登记，可在下方登记', en: 'This serial is not registered; register it below' },
  register: { zh: '登记 / 更正', en: 'Register / correct' },
  productLine: { zh: '产品线', en: 'Product line' },
  purchasedOn: { zh: '购买日期', en: 'Purchased on' },
  warrantyMonths: { zh: '保修月数', en: 'Warranty (months)' },
  sell: { zh: '售出计划', en: 'Sell a plan' },
  sellAndActivate: { zh: '售出并激活', en: 'Sell and activate' },
} as const;

interface OrderCoverage {
  readonly customerPaysFen: number;
  readonly claims: readonly { readonly amountFen: number }[];
}
interface SerialRecord {
  readonly plans: readonly { readonly claimsCount: number; readonly claimsFen: number }[];
}

/** Sends a write with the page's session (cookie plus its CSRF token), as the console would. */
async function apiSend<T>(page: Page, method: 'POST' | 'PUT', path: string, body: unknown): Promise<T> {
  const { csrfToken } = await apiGet<{ csrfToken: string }>(page, '/auth/me');
  const response = await page.request.fetch(`/api/v1${path}`, {
    method,
    headers: { 'x-csrf-token': csrfToken, 'content-type': 'application/json' },
    data: JSON.stringify(body),
  });
  if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
  return (await response.json()) as T;
}

/** Today in Shanghai. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

export function careCoverageJourney(env: JourneyEnv): void {
  describe('care plan journey', () => {
    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
      it(`a covered repair costs nothing and records the plan's claim (${lang})`, async () => {
        const pick = (text: { zh: string; en: string }) => text[lang];
        const { browser, server } = env;
        const context = await newContext(browser, server.url, lang);
        const page = await context.newPage();
        await signIn(page, ADMIN, server.passwords[ADMIN]!, lang);
        await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
        const suffix = `${lang}-${Date.now().toString(36).toUpperCase()}`;
        const code = `INS-${suffix}`;
        const serial = `SL-${suffix}`;

        // The plans page: a new after-sales insurance (labour, parts and call-out; ¥99 for 12 months, 2 claims).
        await page.goto('/care/plans');
        await page.getByRole('heading', { name: pick(W.title) }).waitFor();
        await page.getByRole('tab', { name: pick(W.plans) }).click();
        await page.getByRole('button', { name: pick(W.newPlan) }).click();
        const drawer = page.getByRole('dialog').filter({ hasText: pick(W.newPlan) });
        await drawer.getByLabel(pick(W.code)).fill(code);
        await drawer.getByLabel(pick(W.nameZh)).fill('一年售后保障险');
        await drawer.getByLabel(pick(W.nameEn)).fill('One-year after-sales insurance');
        await drawer.getByLabel(pick(W.price)).fill('99');
        await drawer.getByLabel(pick(W.maxClaims)).fill('2');
        await drawer.getByRole('button', { name: pick(W.create) }).click();
        const planRow = page.getByRole('row').filter({ hasText: code });
        await planRow.waitFor();
        assert.match((await planRow.textContent()) ?? '', /¥99\.00/);
        await screenshot(page, 'care-plans', lang);

        // Serial lookup: not registered yet; registered as bought in 2023 with 12 months (out of warranty).
        await page.getByRole('tab', { name: pick(W.serials) }).click();
        await page.getByRole('searchbox', { name: pick(W.serial) }).fill(serial);
        await page.getByRole('button', { name: pick(W.lookup) }).click();
        await page.getByText(pick(W.notRegistered)).waitFor();
        const form = page.locator('form').filter({ has: page.getByLabel(pick(W.productLine)) });
        await form.getByLabel(pick(W.productLine)).fill('智能门锁');
        await form.getByLabel(pick(W.purchasedOn)).fill('2023-01-10');
        await form.getByLabel(pick(W.warrantyMonths)).fill('12');
        await form.getByRole('button', { name: pick(W.register) }).click();
        const record = page.getByTestId('serial-record');
        await record.waitFor();
        assert.match((await record.textContent()) ?? '', lang === 'zh' ? /已过保/ : /Out of warranty/);
        // Sell it and activate it today.
        await page.getByLabel(pick(W.sell), { exact: true }).click();
        await page
          .locator('.ant-select-item-option')
          .filter({ hasText: lang === 'zh' ? '一年售后保障险' : 'One-year' })
          .first()
          .click();
        await page.getByRole('button', { name: pick(W.sellAndActivate) }).click();
        await record.getByText(pick({ zh: '生效中', en: 'Active' })).waitFor();
        await screenshot(page, 'care-serial', lang);

        // A repair order for that serial (the phone agent's intake, through the API): ¥0 with the reasons.
        const technicians = await apiGet<{ items: { id: string; name: string }[] }>(page, '/technicians?limit=200');
        const fu = technicians.items.find((t) => t.name === '符师傅');
        assert.ok(fu, 'the demo technician of the 海口 outlet');
        const intake = await apiSend<{ order: { id: string } }>(page, 'POST', '/repair-orders', {
          channel: 'phone',
          customer: {
            name: lang === 'zh' ? '林保障' : '林保险',
            phone: lang === 'zh' ? '13698760001' : '13698760002',
            address: '金贸西路 8 号 301',
          },
          areaCode: '460106',
          productLine: '智能门锁',
          serial,
          faultCategory: 'motor_jammed',
          description: '电机卡死，门打不开',
          preferredDate: today(),
          preferredSlot: 'evening',
        });
        const orderId = intake.order.id;
        await page.goto(`/service/orders/${orderId}`);
        const card = page.getByTestId('coverage-card');
        const intakeSummary = card.getByTestId('coverage-summary-intake');
        await intakeSummary.waitFor();
        assert.match((await intakeSummary.textContent()) ?? '', /¥0\.00/);
        const cardText = (await card.textContent()) ?? '';
        assert.match(cardText, lang === 'zh' ? /首次上门检测免费/ : /First inspection free/);
        assert.match(cardText, lang === 'zh' ? /一年售后保障险保障/ : /One-year after-sales insurance covers it/);
        await card.scrollIntoViewIfNeeded();
        await screenshot(page, 'care-coverage-intake', lang);

        // The technician's visit: assigned, on site, a fingerprint module and labour recorded, completed.
        await apiSend(page, 'POST', `/repair-orders/${orderId}/assign`, {
          technicianId: fu.id,
          date: today(),
          slot: 'evening',
          reason: '保障计划工单',
        });
        for (const event of ['accept', 'depart', 'arrive'])
          await apiSend(page, 'POST', `/repair-orders/${orderId}/events`, { event });
        await apiSend(page, 'PUT', `/repair-orders/${orderId}/visit`, {
          notes: '更换电机',
          parts: [{ name: '电机组件', quantity: 1, priceFen: 18_000 }],
          feeFen: 6_000,
        });
        await apiSend(page, 'POST', `/repair-orders/${orderId}/events`, { event: 'complete' });

        await page.reload();
        const settled = card.getByTestId('coverage-summary-completion');
        await settled.waitFor();
        assert.match((await settled.textContent()) ?? '', /¥0\.00/);
        assert.match((await card.textContent()) ?? '', /¥180\.00/);
        await card.scrollIntoViewIfNeeded();
        await screenshot(page, 'care-coverage-completed', lang);
        const coverage = await apiGet<OrderCoverage>(page, `/repair-orders/${orderId}/coverage`);
        assert.equal(coverage.customerPaysFen, 0);
        assert.deepEqual(
          coverage.claims.map((c) => c.amountFen),
          [24_000],
          'the plan paid the part and the labour',
        );
        const onSerial = await apiGet<SerialRecord>(page, `/care/serials/${serial}`);
        assert.deepEqual([onSerial.plans[0]?.claimsCount, onSerial.plans[0]?.claimsFen], [1, 24_000]);

        // The report: the plan sold once, one claim, loss ratio 242.4 %.
        await page.goto('/care/plans');
        await page.getByRole('tab', { name: pick(W.report) }).click();
        const reportRow = page.getByRole('row').filter({ hasText: code });
        await reportRow.waitFor();
        assert.match((await reportRow.textContent()) ?? '', /242\.4%/);
        await screenshot(page, 'care-report', lang);
        await context.close();
      });
    }
  });
}
