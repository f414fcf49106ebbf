/**
 * SLA breach journey: an order assigned and not accepted breaches its 30-minute response SLA and escalates to the
 * dispatcher, then (the policy's delay later) to the outlet manager, shown on the dispatcher board as a red timer and
 * in the escalations panel, where the dispatcher acknowledges it. Time passes through the server's test clock
 * (`PROOFDESK_TEST_CLOCK=1`, see repair-test-clock.routes.ts): the SLA jobs run on the server's own queue, nothing is
 * faked in the page.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../src/i18n/messages.js';
import { newContext, screenshot, signIn, textOf, type JourneyEnv } from '../support/browser.js';
import { api, shanghaiDay, waitFor } from '../support/journey-api.js';

const DISPATCHER = 'dispatch@antu-demo.cn';

interface Timer {
  readonly kind: string;
  readonly dueAt: string | null;
  readonly state: string;
}
interface Escalation {
  readonly id: string;
  readonly orderId: string;
  readonly level: string;
  readonly ackedAt: string | null;
}

export function serviceSlaJourney(env: JourneyEnv): void {
  describe('SLA breach journey', () => {
    it('escalates an unaccepted order to the dispatcher, then the outlet manager, on the board', async () => {
      const { browser, server } = env;
      const zh = textOf('zh');
      const context = await newContext(browser, server.url, 'zh');
      const page = await context.newPage();
      await signIn(page, DISPATCHER, server.passwords[DISPATCHER]!, 'zh');
      await page.waitForURL('**/service/board');

      // An order taken in by phone and assigned by hand; nobody accepts it.
      const clock0 = await api<{ now: string }>(page, 'GET', '/test-clock');
      const today = shanghaiDay(clock0.now);
      const { order } = await api<{ order: { id: string; number: string } }>(page, 'POST', '/repair-orders', {
        channel: 'phone',
        customer: { name: '郑秀兰', phone: '13600001111', address: '北京路 238 号 4 楼' },
        areaText: '广州市越秀区',
        faultCategory: 'battery_drained',
        description: '换电池后仍无法开锁',
        preferredDate: today,
        preferredSlot: 'evening',
      });
      const techs = await api<{ items: { id: string; name: string }[] }>(page, 'GET', '/technicians?limit=200');
      const huang = techs.items.find((x) => x.name === '黄师傅');
      assert.ok(huang, 'the demo network has 黄师傅');
      const assigned = await api<{ slaTimers: Timer[] }>(page, 'POST', `/repair-orders/${order.id}/assign`, {
        technicianId: huang.id,
        date: today,
        slot: 'evening',
        reason: '客户指定黄师傅',
      });
      const response = assigned.slaTimers.find((x) => x.kind === 'response');
      assert.ok(response?.dueAt, 'the response timer runs from the assignment');

      // Past the response due time (on business time: it may be the next working morning).
      const behind = Math.ceil((Date.parse(response.dueAt) - Date.parse(clock0.now)) / 60_000) + 1;
      await api(page, 'POST', '/test-clock/advance', { minutes: behind });
      const escalationsOf = async () =>
        (await api<{ items: Escalation[] }>(page, 'GET', `/service/escalations?orderId=${order.id}`)).items;
      const ensureSession = async () => {
        // Sessions follow the server's clock: past their 12 hours (a weekend in between) sign in again.
        const me = (await (await page.request.get('/api/v1/auth/me')).json()) as { user?: unknown };
        if (!me.user) {
          await signIn(page, DISPATCHER, server.passwords[DISPATCHER]!, 'zh');
          await page.waitForURL('**/service/board');
        }
      };
      await ensureSession();
      await waitFor('the dispatcher escalation', async () =>
        (await escalationsOf()).some((e) => e.level === 'dispatcher') ? true : undefined,
      );

      await page.goto('/service/board');
      const chip = page.getByTestId('board-order').and(page.locator(`[data-number="${order.number}"]`));
      await chip.getByTestId('sla-timer').and(page.locator('[data-tone="red"]')).waitFor();
      const panel = page.getByTestId('escalation').filter({ hasText: order.number });
      await panel.filter({ hasText: zh('svc.level.dispatcher') }).waitFor();
      await screenshot(page, 'service-sla-breach', 'zh');

      // The policy's delay later the outlet manager hears of it too.
      await api(page, 'POST', '/test-clock/advance', { minutes: 61 });
      await waitFor('the outlet manager escalation', async () =>
        (await escalationsOf()).some((e) => e.level === 'outlet_manager') ? true : undefined,
      );
      await page.getByRole('button', { name: zh('svc.board.refresh') }).click();
      await panel.filter({ hasText: zh('svc.level.outlet_manager') }).waitFor();
      await screenshot(page, 'service-sla-escalated', 'zh');

      // The same board in English, in the same session.
      for (const lang of ['en'] as const satisfies readonly Lang[]) {
        const t = textOf(lang);
        const other = await newContext(browser, server.url, lang, undefined, await context.storageState());
        const english = await other.newPage();
        await english.goto('/service/board');
        await english
          .getByTestId('escalation')
          .filter({ hasText: order.number })
          .filter({ hasText: t('svc.level.outlet_manager') })
          .waitFor();
        await screenshot(english, 'service-sla-escalated', lang);
        await other.close();
      }

      // The dispatcher acknowledges the first escalation: it leaves the open list, the record stays.
      await panel
        .filter({ hasText: zh('svc.level.dispatcher') })
        .getByRole('button', { name: zh('svc.board.ack') })
        .click();
      await waitFor('the acknowledgement', async () =>
        (await escalationsOf()).some((e) => e.level === 'dispatcher' && e.ackedAt !== null) ? true : undefined,
      );
      await panel.filter({ hasText: zh('svc.level.dispatcher') }).waitFor({ state: 'detached' });
      await context.close();
    });
  });
}
