/**
 * Complaint journey (issue 8): a customer complains on their repair status page (phone-sized), nobody acknowledges it
 * within the 2 working hours, and the breach escalates outlet manager → region → brand, seen in the dispatcher's
 * complaints queue (red timer, level reached) and on the complaint's page; the dispatcher then acknowledges, records a
 * call and resolves it, and the customer confirms on the status page. Time passes through the server's test clock
 * (`PROOFDESK_TEST_CLOCK=1`, see repair-test-clock.routes.ts and the service SLA journey): the `complaint.sla_check`
 * jobs run on the server's own queue, nothing is faked in the page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { newContext, PHONE, screenshot, signIn, type JourneyEnv } from '../support/browser.js';
import { api, shanghaiDay, waitFor } from '../support/journey-api.js';

const DISPATCHER = 'dispatch@antu-demo.cn';

interface Timer {
  readonly kind: string;
  readonly dueAt: string;
  readonly state: string;
}
interface Detail {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly timers: readonly Timer[];
  readonly escalations: readonly { readonly level: string }[];
}

export function careComplaintJourney(env: JourneyEnv): void {
  describe('complaint journey', () => {
    it('a customer’s complaint breaches its acknowledge SLA and escalates outlet → region → brand, then is resolved and confirmed', async () => {
      const { browser, server } = env;
      const context = await newContext(browser, server.url, 'zh');
      const page = await context.newPage();
      const signInDispatcher = async () => {
        await signIn(page, DISPATCHER, server.passwords[DISPATCHER]!, 'zh');
        await page.waitForURL('**/service/board');
      };
      // Sessions follow the server's clock: after a jump past their 12 hours, sign in again.
      const ensureSession = async () => {
        const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user?: unknown };
        if (!me.user) await signInDispatcher();
      };
      await signInDispatcher();

      // A repair order in 广州市越秀区, assigned to 黄师傅 (the demo outlet there has a manager).
      const clock0 = await api<{ now: string }>(page, 'GET', '/test-clock');
      const today = shanghaiDay(clock0.now);
      const { order, statusToken } = await api<{ order: { id: string }; statusToken: string }>(
        page,
        'POST',
        '/repair-orders',
        {
          channel: 'phone',
          customer: { name: '林晓燕', phone: '13700002222', address: '中山五路 70 号 1203' },
          areaText: '广州市越秀区',
          faultCategory: 'motor_jammed',
          description: '电机卡住，门锁无法打开',
          preferredDate: today,
          preferredSlot: 'evening',
        },
      );
      const techs = await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/technicians?limit=200');
      const huang = techs.items.find((x) => x.name === '黄师傅');
      assert.ok(huang, 'the demo network has 黄师傅');
      await api(page, 'POST', `/repair-orders/${order.id}/assign`, {
        technicianId: huang.id,
        date: today,
        slot: 'evening',
        reason: '就近派单',
      });

      // The customer complains on their status page, on a phone.
      const phone = await newContext(browser, server.url, 'zh', PHONE);
      const customer = await phone.newPage();
      await customer.goto(`/repair/status?token=${encodeURIComponent(statusToken)}`);
      const section = customer.getByTestId('customer-complaints');
      await section.waitFor();
      await section.getByLabel('投诉对象').selectOption('technician');
      await section.getByLabel('请描述问题').fill('师傅约好晚上上门，一直没来也没有电话');
      await section.getByRole('button', { name: '提交投诉' }).click();
      const mine = section.getByTestId('customer-complaint').and(customer.locator('[data-status="open"]'));
      await mine.waitFor();
      await screenshot(customer, 'care-complaint-filed', 'zh');

      // The dispatcher's queue shows it with its countdowns.
      const [filed] = (await api<{ items: Detail[] }>(page, 'GET', `/complaints?repairOrderId=${order.id}`)).items;
      assert.ok(filed, 'the complaint is in the queue');
      await page.goto('/care/complaints');
      const row = page.getByTestId('complaint-queue').locator('tr').filter({ hasText: filed.number });
      await row.getByTestId('complaint-timer').first().waitFor();
      await screenshot(page, 'care-complaint-queue', 'zh');

      // Nobody acknowledges: past the due time (working hours, maybe the next working morning) the outlet hears of it,
      // then the region and the brand after the policy's two-hour steps.
      const acknowledge = filed.timers.find((x) => x.kind === 'acknowledge');
      assert.ok(acknowledge);
      const now = (await api<{ now: string }>(page, 'GET', '/test-clock')).now;
      const behind = Math.ceil((Date.parse(acknowledge.dueAt) - Date.parse(now)) / 60_000) + 1;
      const levels = async () =>
        (await api<Detail>(page, 'GET', `/complaints/${filed.id}`)).escalations.map((e) => e.level);
      for (const [minutes, level] of [
        [behind, 'outlet'],
        [121, 'region'],
        [121, 'brand'],
      ] as const) {
        await api(page, 'POST', '/test-clock/advance', { minutes });
        await ensureSession();
        await waitFor(`the ${level} escalation`, async () => ((await levels()).includes(level) ? true : undefined));
      }
      assert.deepEqual(await levels(), ['outlet', 'region', 'brand'], 'each level once, in order');

      await page.goto('/care/complaints');
      const breached = row
        .getByTestId('complaint-timer')
        .and(page.locator('[data-kind="acknowledge"][data-tone="red"]'));
      await breached.waitFor();
      assert.match((await breached.textContent()) ?? '', /品牌方/);
      await screenshot(page, 'care-complaint-escalated', 'zh');
      await row.getByRole('link', { name: filed.number }).click();
      await page.waitForURL(`**/care/complaints/${filed.id}`);
      await page.getByTestId('complaint-escalations').locator('[data-level="brand"]').waitFor();
      await screenshot(page, 'care-complaint-detail-escalated', 'zh');

      // The same page in English, in the same session.
      const english = await newContext(browser, server.url, 'en', undefined, await context.storageState());
      const en = await english.newPage();
      await en.goto(`/care/complaints/${filed.id}`);
      await en
        .getByTestId('complaint-escalations')
        .getByText(/escalated to brand/)
        .waitFor();
      await screenshot(en, 'care-complaint-detail-escalated', 'en');
      await english.close();

      // The dispatcher acknowledges, calls the customer, resolves.
      const actions = page.getByTestId('complaint-actions');
      await actions.getByRole('button', { name: '受理' }).click();
      await actions.getByRole('button', { name: '提交处理结果' }).waitFor();
      const contacts = page.getByTestId('complaint-contacts');
      await contacts.getByLabel('沟通内容').fill('已致电客户致歉，改约明晚 19:00 由李师傅上门');
      await contacts.getByRole('button', { name: '记录联系' }).click();
      await contacts.getByText('已致电客户致歉').waitFor();
      await actions.getByLabel('处理结果').fill('改派李师傅次日上门修复，减免上门费');
      await actions.getByText('投诉成立').click();
      await actions.getByRole('button', { name: '提交处理结果' }).click();
      await page.getByTestId('complaint-status').and(page.locator('[data-status="resolved"]')).first().waitFor();
      await screenshot(page, 'care-complaint-resolved', 'zh');

      // The customer reads the resolution and confirms it.
      await customer.reload();
      const resolved = section.getByTestId('customer-complaint').and(customer.locator('[data-status="resolved"]'));
      await resolved.getByText('减免上门费').waitFor();
      await resolved.getByRole('button', { name: '已解决，确认' }).click();
      await section.getByTestId('customer-complaint').and(customer.locator('[data-status="confirmed"]')).waitFor();
      await screenshot(customer, 'care-complaint-confirmed', 'zh');
      assert.equal((await api<Detail>(page, 'GET', `/complaints/${filed.id}`)).status, 'confirmed');
      await phone.close();
      await context.close();
    });
  });
}
