/**
 * Check-a-photo journey: a reviewer drops a claim photo and the merchant's listing photo in, reads the same report
 * view as the claim page (the local-edit finding card, the edited regions over the photo), and exports it as HTML.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Lang } from '../../src/i18n/messages.js';
import { newContext, screenshot, signIn, textOf, type JourneyEnv } from '../support/browser.js';
import { REPO_ROOT } from '../support/demo-server.js';

const REVIEWER = 'reviewer@antu-demo.cn';
const PHOTO = 'evidence-forged-1-shattered_glass.jpg';
const REFERENCE = 'listing-at-s1.jpg';

export function checkJourney(env: JourneyEnv): void {
  describe('check-a-photo journey', () => {
    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
      it(`checks a photo against a reference photo without a claim and exports HTML in ${lang}`, async () => {
        const t = textOf(lang);
        const { browser, server } = env;
        const context = await newContext(browser, server.url, lang);
        const page = await context.newPage();
        await signIn(page, REVIEWER, server.passwords[REVIEWER]!, lang);
        await page.waitForURL('**/review');
        await page.getByRole('menuitem', { name: t('nav.check') }).click();
        await page.waitForURL('**/check');
        assert.equal(await page.getByRole('button', { name: t('check.export') }).isDisabled(), true);

        const photos = join(REPO_ROOT, 'apps/server/demo/photos');
        await page
          .getByRole('group', { name: t('check.photos') })
          .locator('input[type=file]')
          .setInputFiles({ name: PHOTO, mimeType: 'image/jpeg', buffer: readFileSync(join(photos, PHOTO)) });
        await page
          .getByRole('group', { name: t('check.refs') })
          .locator('input[type=file]')
          .setInputFiles({ name: REFERENCE, mimeType: 'image/jpeg', buffer: readFileSync(join(photos, REFERENCE)) });
        await page.getByText(PHOTO).first().waitFor();
        await screenshot(page, 'check-drop', lang);
        await page.getByRole('button', { name: t('check.run') }).click();

        // The same report view as the claim page: finding cards, the edited regions over the photo.
        const localEdit = page.getByRole('article').filter({ hasText: 'reference.local_edit' });
        await localEdit.waitFor({ timeout: 60_000 });
        assert.ok(
          (await page.getByRole('article').filter({ hasText: 'reference.derived_from_listing' }).count()) === 1,
          'the photo is found derived from the listing photo',
        );
        await page.getByRole('img', { name: new RegExp(t('evidence.viewer')) }).waitFor();
        assert.ok((await page.getByTestId('edited-region').count()) > 0, 'regions of the local edit are outlined');
        await screenshot(page, 'check-report', lang);

        // Export: the bilingual HTML report downloads.
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: t('check.export') }).click(),
        ]);
        assert.match(download.suggestedFilename(), /\.html$/);
        const path = await download.path();
        const html = readFileSync(path, 'utf8');
        assert.match(html, /^<!doctype html>/);
        assert.ok(html.includes(PHOTO), 'the report names the photo');
        await context.close();
      });
    }
  });
}
