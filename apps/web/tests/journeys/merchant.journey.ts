/**
 * Merchant agent journey: the claims inbox (risk badges, response-window countdowns, search and filters), a claim
 * answered with a counter-evidence photo and a statement before the window closes, and a wrong file refused clearly.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Lang } from '../../src/i18n/messages.js';
import { newContext, PHONE, screenshot, signIn, textOf, type JourneyEnv } from '../support/browser.js';
import { REPO_ROOT } from '../support/demo-server.js';

const AGENT = 'agent@antu-demo.cn';
const CLAIM_REASON = '锁体侧面有明显裂纹';

export function merchantJourney(env: JourneyEnv): void {
  describe('merchant agent journey', () => {
    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
      it(`works the claims inbox and answers a claim in ${lang}`, async () => {
        const t = textOf(lang);
        const { browser, server } = env;
        const context = await newContext(browser, server.url, lang);
        const page = await context.newPage();
        await signIn(page, AGENT, server.passwords[AGENT]!, lang);
        await page.waitForURL('**/claims');
        const rows = page.getByRole('table').locator('tbody tr.ant-table-row');
        await rows.first().waitFor();
        assert.ok((await rows.count()) >= 10, 'every demo claim is listed');
        // Claims waiting on the merchant come first, with the time left in the response window and a risk badge.
        await rows
          .first()
          .getByText(lang === 'zh' ? /剩 \d+ 天/ : /\d+ d \d+ h left/)
          .waitFor();
        await rows
          .first()
          .getByText(new RegExp(`^(${t('risk.high')}|${t('risk.medium')}|${t('risk.low')})`))
          .waitFor();
        await screenshot(page, 'merchant-inbox', lang);

        // Search and filters are answered by the server.
        const search = page.getByRole('searchbox', { name: t('inbox.search') });
        await search.fill('裂纹');
        await search.press('Enter');
        await page.waitForURL(/q=/);
        await rows.filter({ hasText: CLAIM_REASON }).waitFor();
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 1);
        await search.fill('');
        await search.press('Enter');
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length > 1);
        const all = await rows.count();
        await page.getByRole('switch').first().click();
        await page.waitForURL(/flagged=true/);
        await page.waitForFunction((n) => document.querySelectorAll('tbody tr.ant-table-row').length < n, all);
        for (const text of await rows.allInnerTexts()) assert.ok(!text.includes(t('risk.low')), 'held claims only');
        await page.getByRole('combobox', { name: t('inbox.filter.status') }).click();
        await page
          .locator('.ant-select-item-option')
          .filter({ hasText: t('status.appealed') })
          .click();
        await page.waitForURL(/status=appealed/);
        await page.waitForFunction(() => document.querySelectorAll('tbody tr.ant-table-row').length === 1);

        // The claim page: a wrong file is refused with a clear message.
        await page.goto('/claims');
        await rows.filter({ hasText: CLAIM_REASON }).click();
        await page.waitForURL(/\/claims\/[\w-]+$/);
        const upload = page.getByLabel(t('respond.upload'));
        await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a photo') });
        await page
          .getByRole('alert')
          .filter({ hasText: t('upload.wrongFormat') })
          .waitFor();
        await screenshot(page, 'merchant-claim', lang);

        if (lang === 'en') {
          // Counter-evidence: the packing photo, analysed like any evidence, then the statement.
          const thumbs = page.getByRole('group', { name: t('evidence.title') }).getByRole('button');
          const before = await thumbs.count();
          await upload.setInputFiles({
            name: 'packing-before-dispatch.jpg',
            mimeType: 'image/jpeg',
            buffer: readFileSync(join(REPO_ROOT, 'apps/server/demo/photos/packing-at-s1.jpg')),
          });
          await page.getByText(t('respond.uploaded', { name: 'packing-before-dispatch.jpg' })).waitFor();
          await page.waitForFunction((n) => document.querySelectorAll('.pd-thumb').length === n + 1, before);
          // Analysis returns the claim to the merchant; then the statement goes to review.
          await page.getByText(t('status.awaiting_merchant')).first().waitFor({ timeout: 60_000 });
          await page
            .getByLabel(t('respond.statement'))
            .fill('Photographed intact and sealed before dispatch; see the packing photo.');
          const contest = page.getByRole('button', { name: t('respond.contest') });
          await contest.click(); // waits until it is enabled (the claim is back with the merchant)
          await page.getByText(t('respond.done')).waitFor();
          await page.getByText(t('status.in_review')).first().waitFor();
          await page.getByText(t('respond.closed')).waitFor();
          await screenshot(page, 'merchant-responded', lang);
        }

        // Products with their listing photos, orders with their packing photos.
        await page.getByRole('menuitem', { name: t('nav.catalogue') }).click();
        await page.waitForURL('**/catalogue');
        const products = page.getByRole('table', { name: t('catalogue.products') });
        await products.locator('tbody tr.ant-table-row').first().waitFor();
        await page
          .getByRole('table', { name: t('catalogue.orders') })
          .locator('tbody tr.ant-table-row')
          .first()
          .waitFor();
        if (lang === 'en') {
          await page.getByLabel(t('catalogue.sku')).fill('AT-X9');
          await page.getByLabel(t('catalogue.name')).fill('安途 X9 掌静脉智能锁');
          await page.getByRole('button', { name: t('catalogue.addProduct') }).click();
          const row = products.locator('tbody tr.ant-table-row').filter({ hasText: 'AT-X9' });
          await row.getByText(t('catalogue.noPhotos')).waitFor();
          await page
            .getByLabel(t('catalogue.addPhotoFor', { name: '安途 X9 掌静脉智能锁' }))
            .first()
            .setInputFiles({
              name: 'x9-listing.jpg',
              mimeType: 'image/jpeg',
              buffer: readFileSync(join(REPO_ROOT, 'apps/server/demo/photos/listing-at-k1.jpg')),
            });
          await row.getByRole('img', { name: 'x9-listing.jpg' }).waitFor();
        }
        await page.waitForFunction(() =>
          [...document.querySelectorAll('img.ant-image-img')].every((img) => (img as HTMLImageElement).complete),
        );
        await screenshot(page, 'merchant-catalogue', lang);
        const session = await context.storageState();
        await context.close();

        // The inbox on a phone, in the same session (sign-ins are rate-limited per IP).
        const phone = await newContext(browser, server.url, lang, PHONE, session);
        const small = await phone.newPage();
        await small.goto('/claims');
        await small.getByText(CLAIM_REASON).waitFor(); // a card list, not a table, on a phone
        assert.equal(await small.getByRole('table').count(), 0);
        assert.equal(
          await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          true,
          'nothing overflows a 375 px screen',
        );
        await screenshot(small, 'merchant-inbox-375', lang);
        await small.getByText(CLAIM_REASON).click();
        await small.getByRole('article').first().waitFor();
        assert.equal(
          await small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          true,
          'the claim page fits a 375 px screen',
        );
        await screenshot(small, 'merchant-claim-375', lang);
        await phone.close();
      });
    }
  });
}
