/**
 * Fraud-feed journey across two real installations: a second `proofdesk serve` (its own data directory and keys)
 * subscribes, in the console, to the demo instance's feed; the demo admin turns publishing on in the console and a
 * reviewer there rejects a claim as evidence forged; the second instance pulls and verifies the signed entry, and a
 * new claim there with the same photo shows the `reuse.seen_in_fraud_feed` finding. API calls
 * go through the signed-in pages' sessions (sign-ins are rate-limited per IP). Screens in zh and en.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { newContext, screenshot, signIn, type JourneyEnv } from '../support/browser.js';
import { REPO_ROOT, startDemoServer, type DemoServer } from '../support/demo-server.js';
import { api as call, fileAnalysedClaim, waitFor } from '../support/journey-api.js';

const ADMIN = 'admin@antu-demo.cn';
const PHOTO = readFileSync(join(REPO_ROOT, 'fixtures/camera/fujifilm-dx10.jpg'));
const AMOUNT_FEN = 89_900;

/** A claim by a new buyer with the photo, analysed (awaiting the merchant). */
async function fileClaim(page: Page, tag: string): Promise<string> {
  return fileAnalysedClaim(page, {
    tag: `feed-${tag}`,
    reason: '面板碎裂，申请仅退款',
    amountFen: AMOUNT_FEN,
    photo: PHOTO,
  });
}

export function trustFeedJourney(env: JourneyEnv): void {
  describe('trust feed journey', () => {
    let second: DemoServer | undefined;
    const contexts: BrowserContext[] = [];
    before(async () => {
      second = await startDemoServer();
    });
    after(async () => {
      for (const c of contexts) await c.close();
      await second?.stop();
    });

    it('a subscribed instance flags the same faked photo in a new claim', async () => {
      const { browser, server } = env;
      const other = second!;
      const open = async (url: string, lang: 'zh' | 'en'): Promise<Page> => {
        const context = await newContext(browser, url, lang);
        contexts.push(context);
        return context.newPage();
      };

      // 1. The demo instance's admin turns publishing on in the console and reads the address and key.
      const publisher = await open(server.url, 'zh');
      await signIn(publisher, ADMIN, server.passwords[ADMIN]!, 'zh');
      await publisher.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
      await publisher.getByRole('menuitem', { name: '欺诈信号源' }).click();
      await publisher.waitForURL('**/feeds');
      await publisher.getByRole('switch', { name: '发布确认的欺诈信号' }).click();
      const address = (await publisher.getByTestId('feed-address').textContent())!.trim();
      const publicKey = (await publisher.getByTestId('feed-public-key').textContent())!.trim();
      assert.match(address, /\/api\/v1\/feeds\/[A-Za-z0-9_-]{32}$/);

      // 2. A reviewer there rejects a claim with the photo as evidence forged.
      const claimA = await fileClaim(publisher, 'a');
      await call(publisher, 'POST', `/claims/${claimA}/response`, { statement: '商品出库完好', accept: false });
      await call(publisher, 'POST', `/claims/${claimA}/decision`, {
        outcome: 'rejected',
        reasonCode: 'evidence_forged',
      });
      await waitFor('the signed entry', async () => {
        const s = await call<{ head: { seq: number } }>(publisher, 'GET', '/feed-settings');
        return s.head.seq >= 1 ? s : undefined;
      });
      await publisher.reload();
      await publisher.getByTestId('feed-public-key').waitFor();
      await screenshot(publisher, 'trust-feed-publish', 'zh');

      // 3. The second instance's admin subscribes in the console, pinning the key; the pull verifies the entry.
      const subscriber = await open(other.url, 'zh');
      await signIn(subscriber, ADMIN, other.passwords[ADMIN]!, 'zh');
      await subscriber.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
      await subscriber.goto('/feeds');
      await subscriber.getByLabel('名称').fill('安途旗舰店（演示实例）');
      await subscriber.getByLabel('信号源地址', { exact: true }).fill(address);
      await subscriber.getByLabel('发布方公钥').fill(publicKey);
      await subscriber.getByRole('button', { name: '订阅', exact: true }).click();
      const row = subscriber.locator('tbody tr.ant-table-row').filter({ hasText: '安途旗舰店（演示实例）' });
      await waitFor('the verified pull', async () => {
        await subscriber.getByRole('button', { name: '刷新' }).click();
        return (await row.getByText('正常').count()) > 0 ? true : undefined;
      });
      assert.match((await row.textContent()) ?? '', /1 \/ 0/);
      await screenshot(subscriber, 'trust-feed-subscribed', 'zh');

      // 4. A new claim there with the same photo carries the feed finding.
      const claimB = await fileClaim(subscriber, 'b');
      for (const lang of ['zh', 'en'] as const) {
        const page = lang === 'zh' ? subscriber : await open(other.url, lang);
        if (lang === 'en') {
          await signIn(page, ADMIN, other.passwords[ADMIN]!, lang);
          await page.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
        }
        await page.goto(`/review/${claimB}`);
        const title = lang === 'zh' ? '照片出现在订阅的欺诈信号源中' : 'The photo appears in a subscribed fraud feed';
        const finding = page.getByLabel(title).first();
        await finding.waitFor();
        assert.match((await finding.textContent()) ?? '', /安途旗舰店（演示实例）/);
        await finding.scrollIntoViewIfNeeded();
        await screenshot(page, 'trust-feed-finding', lang);
        if (lang === 'en') {
          await page.goto('/feeds');
          await page.getByText('Verified', { exact: true }).first().waitFor();
          await screenshot(page, 'trust-feed-subscribed', 'en');
        }
      }
      const publisherEn = await open(server.url, 'en');
      await signIn(publisherEn, ADMIN, server.passwords[ADMIN]!, 'en');
      await publisherEn.waitForURL((url) => !url.pathname.endsWith('/sign-in'));
      await publisherEn.goto('/feeds');
      await publisherEn.getByTestId('feed-public-key').waitFor();
      await screenshot(publisherEn, 'trust-feed-publish', 'en');
    });
  });
}
