/**
 * Trust journey against the real server: a reviewer opens a claim in review, sees the buyer's credit beside it (a new
 * buyer: the base score), rejects the claim as evidence forged, and the panel shows the lower score with the
 * confirmed-fraud factor and the administrative-range flag; after an admin sets a lower criminal threshold, the
 * thresholds page lists the buyer as possibly reaching “relatively large”, with the rule texts and sources. The admin
 * opts in to sharing buyer signals on the settings tab (saved and audited).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import type { Lang } from '../../src/i18n/messages.js';
import { newContext, screenshot, signIn, textOf, type JourneyEnv } from '../support/browser.js';
import { REPO_ROOT } from '../support/demo-server.js';
import { api as call, fileAnalysedClaim } from '../support/journey-api.js';

const ADMIN = 'admin@antu-demo.cn';
const REVIEWER = 'reviewer@antu-demo.cn';
const AMOUNT_FEN = 120_000; // ¥1,200: under the default ¥3,000, over the ¥1,000 the journey sets
const PHOTO = readFileSync(join(REPO_ROOT, 'fixtures/camera/canon-powershot-sd300.jpg'));
const DEFAULT_THRESHOLDS = {
  administrativeMinFen: 1,
  criminalMinFen: 300_000,
  largeMinFen: 3_000_000,
  hugeMinFen: 50_000_000,
};

/** A claim by a buyer new to the shop, with one photo, contested by the merchant: in review. */
async function claimInReview(admin: Page, tag: string): Promise<string> {
  const id = await fileAnalysedClaim(admin, {
    tag: `trust-${tag}`,
    reason: '门锁面板有裂纹，申请仅退款',
    amountFen: AMOUNT_FEN,
    photo: PHOTO,
  });
  await call(admin, 'POST', `/claims/${id}/response`, {
    statement: '出库前已拍摄打包照片，面板完好。',
    accept: false,
  });
  return id;
}

export function trustCreditJourney(env: JourneyEnv): void {
  describe('trust credit journey', () => {
    let adminContext: BrowserContext | undefined;
    let admin: Page | undefined;
    after(async () => {
      if (admin) await call(admin, 'PUT', '/trust/settings', { thresholds: DEFAULT_THRESHOLDS });
      await adminContext?.close();
    });

    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
      it(`a fraud decision lowers the buyer's credit and crosses a threshold in ${lang}`, async () => {
        const t = textOf(lang);
        const pick = (text: { zh: string; en: string }) => text[lang];
        const { browser, server } = env;
        if (!admin) {
          adminContext = await newContext(browser, server.url, lang);
          admin = await adminContext.newPage();
          await signIn(admin, ADMIN, server.passwords[ADMIN]!, lang);
          await admin.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
        }
        await call(admin, 'PUT', '/trust/settings', { thresholds: DEFAULT_THRESHOLDS });
        const claimId = await claimInReview(admin, lang);

        const context = await newContext(browser, server.url, lang);
        const page = await context.newPage();
        await signIn(page, REVIEWER, server.passwords[REVIEWER]!, lang);
        await page.waitForURL('**/review');
        await page.goto(`/review/${claimId}`);
        const panel = page.getByTestId('credit-panel');
        await panel.waitFor();
        const score = panel.getByLabel(pick({ zh: '信用分', en: 'Credit score' }));
        assert.equal(await score.textContent(), '70', 'a buyer new to the shop has the base score');
        await panel
          .getByText(pick({ zh: '起始分（无任何记录的买家）', en: 'Starting score (a buyer with no history)' }))
          .waitFor();

        // Reject as evidence forged through the decision form.
        await page.getByRole('radio', { name: t('decision.rejected') }).check({ force: true });
        await page.getByRole('combobox', { name: t('decision.reasonCode') }).click();
        await page
          .locator('.ant-select-item-option')
          .filter({ hasText: t('decision.reason.evidence_forged') })
          .click();
        await page.getByRole('button', { name: t('decision.submit') }).click();
        await page.getByText(t('decision.done')).waitFor();

        // The panel follows: −35 for the confirmed fraud, −3 for its one photo, and the administrative-range flag.
        await panel
          .getByText(
            pick({ zh: '笔申请经审核确认证据造假被驳回', en: 'rejected as confirmed fraud (faked evidence)' }),
            { exact: false },
          )
          .waitFor();
        assert.equal(await score.textContent(), String(70 - 35 - 3));
        await panel.getByText(pick({ zh: '高风险', en: 'High risk' }), { exact: true }).waitFor();
        await panel.getByText(pick({ zh: '治安管理处罚范围', en: 'Administrative range' }), { exact: true }).waitFor();
        await panel.scrollIntoViewIfNeeded();
        await screenshot(page, 'trust-credit-panel', lang);

        // An admin sets the criminal threshold to ¥1,000: the buyer's ¥1,200 now reaches it.
        await call(admin, 'PUT', '/trust/settings', { thresholds: { ...DEFAULT_THRESHOLDS, criminalMinFen: 100_000 } });
        await page.getByRole('menuitem', { name: pick({ zh: '买家信用', en: 'Buyer credit' }) }).click();
        await page.waitForURL('**/trust');
        await page.getByRole('combobox', { name: pick({ zh: '门槛', en: 'Threshold' }) }).click();
        await page
          .locator('.ant-select-item-option')
          .filter({ hasText: pick({ zh: '可能达“数额较大”', en: 'May reach “relatively large”' }) })
          .click();
        const row = page.locator('tbody tr.ant-table-row').filter({ hasText: '¥1,200.00' });
        await row.first().waitFor();
        await row
          .first()
          .getByText(pick({ zh: '可能达“数额较大”', en: 'May reach “relatively large”' }))
          .waitFor();
        await row.first().getByRole('button').first().click(); // expand: the buyer's full credit
        const expanded = page.locator('.ant-table-expanded-row').first();
        await expanded
          .getByText(pick({ zh: '请咨询律师', en: 'Consult counsel' }), { exact: false })
          .first()
          .waitFor();
        await expanded
          .getByText(pick({ zh: '《中华人民共和国刑法》第二百六十六条', en: 'Criminal Law of the PRC, art. 266' }))
          .first()
          .waitFor();
        await screenshot(page, 'trust-flagged', lang);
        await page.getByRole('tab', { name: pick({ zh: '共享与门槛设置', en: 'Sharing and thresholds' }) }).click();
        await page
          .getByText(pick({ zh: '只有管理员可以修改这些设置', en: 'Only admins can change these settings' }))
          .waitFor();
        await screenshot(page, 'trust-settings', lang);
        await context.close();

        if (lang === 'zh') {
          // The admin (whose console is in zh) opts in to sharing on the same tab; the change is saved and audited.
          await admin.goto('/trust');
          await admin.getByRole('tab', { name: '共享与门槛设置' }).click();
          await admin.getByRole('switch', { name: '与本系统内其他店铺共享买家信号' }).click();
          await admin.getByRole('button', { name: '保存' }).click();
          await admin.getByText('已保存').waitFor();
          const saved = await call<{ shareSignals: boolean; thresholds: { criminalMinFen: number } }>(
            admin,
            'GET',
            '/trust/settings',
          );
          assert.equal(saved.shareSignals, true);
          assert.equal(saved.thresholds.criminalMinFen, 100_000, 'the form kept the thresholds it showed');
          const audit = await call<{ items: { action: string }[] }>(admin, 'GET', '/audit/events?limit=50');
          assert.ok(audit.items.some((e) => e.action === 'trust.sharing_opted_in'));
          await call(admin, 'PUT', '/trust/settings', { shareSignals: false });
        }
      });
    }
  });
}
