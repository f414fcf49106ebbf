/**
 * Service network journey: a phone agent's intake on the dispatcher board (an ambiguous area picked from its
 * candidates, the warranty and status link shown), dispatch with the ranked, explained candidates, the technician on
 * a 390×844 phone (accept, depart, arrive, visit notes, a photo and a recording, parts and fees, check-out), the
 * customer confirming and rating on the status page, and the dispatcher reading the order's history and revealing
 * the contact (audited). Then the coverage import of a pasted list of place names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import type { Lang } from '../../src/i18n/messages.js';
import { apiGet, newContext, screenshot, signIn, textOf, type JourneyEnv } from '../support/browser.js';
import { REPO_ROOT } from '../support/demo-server.js';

const DISPATCHER = 'dispatch@antu-demo.cn';
const TECHNICIAN = 'tech@antu-demo.cn';
const ADMIN = 'admin@antu-demo.cn';
/** The technician's screen size the issue names. */
export const PHONE_390 = { width: 390, height: 844 } as const;

type Session = Awaited<ReturnType<BrowserContext['storageState']>>;

/** One second of 8 kHz silence as a WAV file (a recording of the call, as far as the upload is concerned). */
export function silentWav(): Buffer {
  const samples = 8000;
  const header = Buffer.alloc(44);
  header.write('RIFF', 0);
  header.writeUInt32LE(36 + samples, 4);
  header.write('WAVE', 8);
  header.write('fmt ', 12);
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(8000, 24);
  header.writeUInt32LE(8000, 28);
  header.writeUInt16LE(1, 32);
  header.writeUInt16LE(8, 34);
  header.write('data', 36);
  header.writeUInt32LE(samples, 40);
  return Buffer.concat([header, Buffer.alloc(samples, 128)]);
}

interface OrderView {
  readonly id: string;
  readonly number: string;
  readonly status: string;
  readonly technicianId: string | null;
  readonly history: readonly { readonly event: string; readonly explanation: unknown }[];
}

export function serviceJourney(env: JourneyEnv): void {
  describe('service network journey', () => {
    const sessions: Partial<Record<string, Session>> = {};

    /** A context signed in as `email`, signing in only the first time (sign-ins are rate-limited per IP). */
    const contextFor = async (email: string, lang: Lang, viewport?: { width: number; height: number }) => {
      const { browser, server } = env;
      const known = sessions[email];
      const context = await newContext(browser, server.url, lang, viewport, known);
      const page = await context.newPage();
      if (!known) {
        await signIn(page, email, server.passwords[email]!, lang);
        await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
        sessions[email] = await context.storageState();
      }
      return { context, page };
    };

    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
      it(`takes a repair from intake to dispatch, visit and close in ${lang}`, async () => {
        const t = textOf(lang);
        const customer = lang === 'zh' ? '邓丽君' : '邓小平';
        const phoneNumber = lang === 'zh' ? '13798761234' : '13798764321';

        // Dispatcher: the board, then a phone order taken in.
        const { context: desk, page } = await contextFor(DISPATCHER, lang);
        await page.goto('/service/board');
        await page.getByRole('heading', { name: t('svc.board.title') }).waitFor();
        await page.getByTestId('board-order').first().waitFor();
        await page.getByTestId('sla-timer').first().waitFor();
        await screenshot(page, 'service-board', lang);

        await page.getByRole('button', { name: t('svc.board.newOrder') }).click();
        const drawer = page.getByRole('dialog').filter({ hasText: t('svc.intake.title') });
        await drawer.getByLabel(t('svc.intake.name')).fill(customer);
        await drawer.getByLabel(t('svc.intake.phone')).fill(phoneNumber);
        // 南山区 is in 深圳 and in 鹤岗: the resolver answers both and the agent picks one.
        await drawer.getByRole('textbox', { name: t('svc.intake.area') }).fill('南山区');
        await drawer.getByRole('button', { name: t('svc.intake.resolve') }).click();
        await drawer.getByText(t('svc.intake.ambiguous')).first().waitFor();
        await drawer.getByRole('radio', { name: /深圳市南山区/ }).check();
        await drawer.getByTestId('area-resolved').waitFor();
        await drawer.getByLabel(t('svc.intake.address')).fill('粤海街道科技园南区 8 栋 1203');
        await drawer.getByLabel(t('svc.intake.serial')).fill('AT-S1-2405-00871');
        await drawer.getByRole('combobox', { name: t('svc.intake.fault') }).click();
        await page
          .locator('.ant-select-item-option')
          .filter({ hasText: t('svc.fault.motor_jammed') })
          .click();
        await drawer.getByLabel(t('svc.intake.description')).fill('开门时电机异响，锁舌收不回');
        const slots = drawer.getByRole('radiogroup', { name: t('svc.intake.availability') });
        await slots.getByRole('radio').first().waitFor();
        // A different slot per language, so 孙师傅 (two bookings per slot) has room in both runs.
        const slot = t(lang === 'zh' ? 'svc.slot.evening' : 'svc.slot.afternoon');
        await slots.locator('[role=radio]:not([disabled])').filter({ hasText: slot }).first().click();
        await screenshot(page, 'service-intake', lang);
        await drawer.getByRole('button', { name: t('svc.intake.submit') }).click();
        const statusLink = (await drawer.getByTestId('status-link').innerText()).trim();
        assert.match(statusLink, /\/repair\/status\?token=/);
        await drawer.getByTestId('warranty').waitFor();
        const created = (await drawer.getByTestId('created-order').innerText()).match(/RO-[\dA-Z-]+/)?.[0];
        assert.ok(created, 'the new order number is shown');
        await page.keyboard.press('Escape');

        // Dispatch: the ranked candidates with their explanation; assign to the demo technician.
        const chip = page.getByTestId('board-order').and(page.locator(`[data-number="${created}"]`));
        await chip.getByRole('button', { name: t('svc.board.assign') }).click();
        const assign = page.getByRole('dialog').filter({ hasText: t('svc.assign.candidates') });
        const candidates = assign.getByTestId('dispatch-candidate');
        await candidates.first().waitFor();
        assert.ok((await assign.locator('.svc-explain').count()) > 0, 'candidates come with an explanation');
        await screenshot(page, 'service-assign', lang);
        await candidates
          .filter({ hasText: '孙师傅' })
          .getByRole('button', { name: t('svc.assign.confirm', { name: '孙师傅' }) })
          .click();
        await assign.waitFor({ state: 'hidden' });
        const orders = await apiGet<{ items: OrderView[] }>(page, `/repair-orders?status=assigned&limit=200`);
        const order = orders.items.find((o) => o.number === created);
        assert.ok(order, 'the order is assigned');

        // Technician on a phone: accept, depart, arrive, record the visit, check out.
        const { context: phoneCtx, page: phone } = await contextFor(TECHNICIAN, lang, PHONE_390);
        await phone.goto('/tech');
        const job = phone.getByTestId('tech-job').and(phone.locator(`[data-number="${created}"]`));
        await job.waitFor();
        assert.equal(
          await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          true,
          'the job list fits a 390 px screen',
        );
        await screenshot(phone, 'service-tech-jobs', lang);
        await job.getByRole('button', { name: `${t('tech.open')} ${created}` }).click();
        for (const event of ['accept', 'depart', 'arrive'] as const) {
          await phone.getByRole('button', { name: t(`svc.event.${event}`) }).click();
          await phone.getByRole('button', { name: t(`svc.event.${event}`) }).waitFor({ state: 'detached' });
        }
        await phone
          .getByRole('textbox', { name: t('tech.notes'), exact: true })
          .fill('电机齿轮卡滞，清理并更换齿轮组，测试开关 20 次正常');
        await phone.getByTestId('visit-photo-input').setInputFiles({
          name: 'site.jpg',
          mimeType: 'image/jpeg',
          buffer: readFileSync(join(REPO_ROOT, 'apps/server/demo/photos/listing-at-s1.jpg')),
        });
        await phone.getByRole('img', { name: t('svc.order.photo', { n: 1 }) }).waitFor();
        await phone.getByTestId('visit-audio-input').setInputFiles({
          name: 'call.wav',
          mimeType: 'audio/wav',
          buffer: silentWav(),
        });
        await phone.locator('audio').first().waitFor({ state: 'attached' });
        await phone.getByRole('button', { name: t('tech.addPart') }).click();
        await phone.getByRole('textbox', { name: t('tech.partName'), exact: true }).fill('电机齿轮组');
        await phone.getByRole('spinbutton', { name: t('tech.partPrice'), exact: true }).fill('45');
        await phone.getByRole('spinbutton', { name: t('tech.labor'), exact: true }).fill('50');
        assert.equal(
          await phone.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          true,
          'the visit form fits a 390 px screen',
        );
        await screenshot(phone, 'service-tech-visit', lang);
        await phone.getByRole('button', { name: t('tech.checkout') }).click();
        await phone.getByText(t('tech.confirmHint')).waitFor();
        await screenshot(phone, 'service-tech-done', lang);
        await phoneCtx.close();

        // The customer, on their own phone and without an account: the status page by link, confirm and rate.
        const customerCtx = await newContext(env.browser, env.server.url, lang, PHONE_390);
        const mine = await customerCtx.newPage();
        await mine.goto(new URL(statusLink).pathname + new URL(statusLink).search);
        await mine.getByRole('heading', { name: t('cust.status.title') }).waitFor();
        await mine.getByText(created).waitFor();
        await mine.locator('label.c-star').nth(4).click();
        await mine.getByLabel(t('cust.status.comment')).fill('师傅准时，修得很好');
        await screenshot(mine, 'service-customer-status', lang);
        await mine.getByRole('button', { name: t('cust.status.confirm') }).click();
        await mine.getByText(t('cust.status.thanks')).first().waitFor();
        await customerCtx.close();

        // The dispatcher reads the order: closed, the dispatch explanation in the history, the visit, the reveal.
        await page.goto(`/service/orders/${order.id}`);
        await page.getByRole('heading', { name: new RegExp(created) }).waitFor();
        await page.getByText(t('svc.status.closed')).first().waitFor();
        // The history explains the dispatch: the candidate's rank and why.
        await page.getByTestId('history-entry').locator('.svc-explain').first().waitFor();
        await page.getByRole('img', { name: t('svc.order.photo', { n: 1 }) }).waitFor();
        assert.match(await page.getByTestId('contact-phone').innerText(), /\*{4}/);
        await page.getByRole('button', { name: t('svc.order.reveal') }).click();
        await page.getByText(t('svc.order.revealed')).waitFor();
        assert.equal((await page.getByTestId('contact-phone').innerText()).replace(/\D/g, '').slice(-11), phoneNumber);
        await screenshot(page, 'service-order', lang);
        const closed = await apiGet<OrderView>(page, `/repair-orders/${order.id}`);
        assert.equal(closed.status, 'closed');
        await desk.close();
      });
    }

    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[])
      it(`books a visit through the public form on a phone, picking the area among candidates, in ${lang}`, async () => {
        const t = textOf(lang);
        const context = await newContext(env.browser, env.server.url, lang, PHONE_390);
        const page = await context.newPage();
        await page.goto('/repair/book/antu-locks');
        await page.getByRole('heading', { name: t('cust.book.title') }).waitFor();
        await page.getByLabel(t('svc.intake.name')).fill('林晓雯');
        await page.getByLabel(t('svc.intake.phone')).fill(lang === 'zh' ? '13500006666' : '13500007777');
        await page.getByLabel(t('svc.intake.area')).fill('南山区');
        await page.getByLabel(t('svc.intake.address')).fill('蛇口街道望海路 1 号 2 栋 903');
        await page.getByLabel(t('svc.intake.fault')).selectOption('forgotten_password');
        await page.getByLabel(t('svc.intake.description')).fill('忘记管理员密码，无法添加指纹');
        await page.getByRole('radio', { name: t('svc.slot.afternoon') }).check();
        await page.getByRole('button', { name: t('cust.book.submit') }).click();
        // 南山区 is in 深圳 and in 鹤岗: the form asks which, never guesses.
        await page.getByRole('group', { name: t('svc.intake.ambiguous') }).waitFor();
        await page.getByRole('radio', { name: /深圳市南山区/ }).check();
        assert.equal(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          true,
          'the booking form fits a 390 px screen',
        );
        await screenshot(page, 'service-customer-book', lang);
        await page.getByRole('button', { name: t('cust.book.submit') }).click();
        await page.waitForURL('**/repair/status?token=*');
        await page.getByRole('heading', { name: t('cust.status.title') }).waitFor();
        await page.getByText(t('cust.status.step.reported')).waitFor();
        await page.getByRole('button', { name: t('cust.status.cancel') }).waitFor();
        await screenshot(page, 'service-customer-booked', lang);
        // Status e-mails: the address is answered masked, and can be stopped again.
        await page.getByLabel(lang === 'zh' ? '邮箱地址' : 'E-mail address').fill('lin.xiaowen@example.cn');
        await page.getByRole('button', { name: lang === 'zh' ? '开启邮件通知' : 'Send me updates' }).click();
        const on = page.getByTestId('email-updates-on');
        await on.waitFor();
        assert.match(await on.innerText(), /l\*+@example\.cn/);
        assert.doesNotMatch(await on.innerText(), /lin\.xiaowen/);
        await page.getByRole('button', { name: lang === 'zh' ? '停止邮件通知' : 'Stop the e-mails' }).click();
        await page.getByText(lang === 'zh' ? '已停止邮件通知' : 'E-mail updates stopped').waitFor();
        await context.close();
      });

    it('imports coverage from a pasted list of place names and shows what did not resolve', async () => {
      for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
        const t = textOf(lang);
        const { context, page } = await contextFor(ADMIN, lang);
        await page.goto('/network');
        await page.getByRole('tab', { name: t('net.coverage') }).click();
        // An outlet that covers none of these yet (济南), so every resolved line and the picked one are added.
        await page.getByRole('combobox', { name: t('net.import.outlet') }).click();
        await page.locator('.ant-select-item-option').filter({ hasText: '安途济南历下服务网点' }).click();
        const list = ['凉山甘洛县', '东莞市万江街道', '南山区', '火星市奥林匹斯山', '广西桂林市秀峰区'].join('\n');
        await page.getByLabel(t('net.import.text')).fill(list);
        await page.getByRole('button', { name: t('net.import.preview') }).click();
        const counts = page.getByTestId('import-counts');
        await counts.waitFor();
        await counts.getByText(t('net.import.resolved', { count: 3 })).waitFor();
        await counts.getByText(t('net.import.ambiguous', { count: 1 })).waitFor();
        await counts.getByText(t('net.import.unresolved', { count: 1 })).waitFor();
        await page.getByRole('combobox', { name: `${t('net.import.pick')} 南山区` }).click();
        await page.locator('.ant-select-item-option').filter({ hasText: '深圳市南山区' }).click();
        await screenshot(page, 'network-import', lang);
        if (lang === 'zh') {
          await page.getByRole('button', { name: t('net.import.apply', { count: 4 }) }).click();
          await page
            .getByText(t('net.import.applied', { count: 4 }))
            .first()
            .waitFor();
        }

        // The rest of the network: outlets (one edited), technicians, settings.
        await page.getByRole('tab', { name: t('net.outlets') }).click();
        const outlet = page.getByRole('row').filter({ hasText: '安途济南历下服务网点' });
        await outlet.waitFor();
        await screenshot(page, 'network-outlets', lang);
        await outlet.getByRole('button', { name: `${t('net.edit')} 安途济南历下服务网点` }).click();
        const phones = lang === 'zh' ? ['0531-86121234', '400-820-1688'] : ['0531-86121234'];
        await page.getByLabel(t('net.phones')).fill(phones.join(', '));
        await page.getByRole('button', { name: t('net.save') }).click();
        await outlet.getByText(phones.join('、'), { exact: true }).waitFor();
        await page.getByRole('tab', { name: t('net.technicians') }).click();
        await page.getByRole('row').filter({ hasText: '孙师傅' }).waitFor();
        await screenshot(page, 'network-technicians', lang);
        await page.getByRole('tab', { name: t('net.settings') }).click();
        const response = page.getByRole('spinbutton', { name: t('net.settings.response'), exact: true });
        await response.waitFor();
        assert.equal(await response.inputValue(), '30');
        await screenshot(page, 'network-settings', lang);
        await context.close();
      }
    });
  });
}
