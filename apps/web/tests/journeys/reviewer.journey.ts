/**
 * Reviewer journey against the real server: the queue by risk and deadline with j/k/Enter, the claim page's
 * evidence (zoom, pan, edited regions, comparison slider), findings in the chosen language with what they do and do
 * not mean, timeline, provenance, the buyer's history, and a decision that leaves the queue and is audited.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../src/i18n/messages.js';
import { apiGet, newContext, screenshot, signIn, textOf, type JourneyEnv } from '../support/browser.js';

const REVIEWER = 'reviewer@antu-demo.cn';

export function reviewerJourney(env: JourneyEnv): void {
  describe('reviewer journey', () => {
    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
      it(`reviews the queue and a forged claim in ${lang}`, async () => {
        const t = textOf(lang);
        const { browser, server } = env;
        const context = await newContext(browser, server.url, lang);
        const page = await context.newPage();
        await page.goto('/sign-in');
        await page.getByRole('button', { name: t('auth.signIn'), exact: true }).waitFor();
        await screenshot(page, 'sign-in', lang);
        await signIn(page, REVIEWER, server.passwords[REVIEWER]!, lang);

        // The queue: decidable claims, riskiest first; j/k move the highlighted row, Enter opens it.
        await page.waitForURL('**/review');
        const queue = page.getByRole('table');
        const rows = queue.locator('tbody tr.ant-table-row');
        await rows.first().waitFor();
        assert.ok((await rows.count()) >= 2, 'the demo has an in-review and an appealed claim');
        await screenshot(page, 'review-queue', lang);
        await page.keyboard.press('j');
        assert.equal(await rows.nth(1).getAttribute('aria-selected'), 'true');
        await page.keyboard.press('k');
        assert.equal(await rows.nth(0).getAttribute('aria-selected'), 'true');
        await page.keyboard.press('j');
        await page.keyboard.press('Enter');
        await page.waitForURL(/\/review\/[\w-]+$/);
        await page.goBack();

        // The in-review claim whose photo was painted on the listing photo.
        await rows.filter({ hasText: '面板凹陷变形' }).click();
        await page.waitForURL(/\/review\/[\w-]+$/);
        const findings = page.getByRole('article');
        await findings.first().waitFor();
        assert.ok((await findings.count()) >= 2);
        await page.getByText(t('findings.doesNotMean')).first().waitFor();
        const titles = (await findings.evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? ''))).join(
          ' ',
        );
        assert.ok(
          lang === 'zh' ? /[\u4e00-\u9fff]/.test(titles) : /^[\x20-\x7e’–—…·×]+$/.test(titles),
          `finding titles in ${lang}: ${titles}`,
        );

        // Edited regions outlined over the photo; zoom and pan.
        const viewer = page.getByRole('img', { name: new RegExp(t('evidence.viewer')) });
        await viewer.waitFor();
        assert.ok((await page.getByTestId('edited-region').count()) > 0, 'regions of the local edit are outlined');
        const zoomBefore = Number(await viewer.getAttribute('data-zoom'));
        await page.getByRole('button', { name: t('evidence.zoomIn') }).click();
        await page.getByRole('button', { name: t('evidence.zoomIn') }).click();
        const zoomAfter = Number(await viewer.getAttribute('data-zoom'));
        assert.ok(zoomAfter > zoomBefore, `zoomed in: ${zoomBefore}% → ${zoomAfter}%`);
        const box = (await viewer.boundingBox())!;
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.mouse.down();
        await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 4 });
        await page.mouse.up();
        await screenshot(page, 'review-claim-zoomed', lang);
        await page.getByRole('button', { name: t('evidence.zoomReset') }).click();
        await screenshot(page, 'review-claim', lang);
        await page.getByRole('switch', { name: t('evidence.overlay') }).click();
        assert.equal(await page.getByTestId('edited-region').count(), 0, 'the overlay toggles off');
        await page.getByRole('switch', { name: t('evidence.overlay') }).click();

        // Side-by-side comparison with the matched listing photo.
        await page.getByRole('switch', { name: t('evidence.compare') }).click();
        const slider = page.getByRole('slider', { name: t('evidence.compareSlider') });
        await slider.focus();
        for (let i = 0; i < 15; i++) await page.keyboard.press('ArrowRight');
        assert.equal(await slider.getAttribute('aria-valuenow'), '65');
        await page.getByRole('img', { name: t('evidence.compareRef') }).waitFor();
        await screenshot(page, 'review-compare', lang);

        // Timeline, provenance, the buyer's history.
        for (const key of ['timeline.ordered', 'timeline.shipped', 'timeline.delivered', 'timeline.filed'] as const)
          await page.getByText(t(key), { exact: true }).first().waitFor();
        await page.getByText(t('provenance.c2pa')).waitFor();
        await page.getByText(t('history.title')).waitFor();

        if (lang === 'en') {
          // Decide: reject as forged, with a note. It leaves the queue and the audit log records it.
          const claimId = page.url().split('/').pop()!;
          await page.getByRole('radio', { name: t('decision.rejected') }).check({ force: true });
          await page.getByRole('combobox', { name: t('decision.reasonCode') }).click();
          await page
            .locator('.ant-select-item-option')
            .filter({ hasText: t('decision.reason.evidence_forged') })
            .click();
          await page.getByLabel(t('decision.note')).fill('Painted crack on our listing photo; see the comparison.');
          await page.getByRole('button', { name: t('decision.submit') }).click();
          await page.getByText(t('decision.done')).waitFor();
          await screenshot(page, 'review-decided', lang);
          const claim = await apiGet<{ status: string; decision: { reasonCode: string } }>(page, `/claims/${claimId}`);
          assert.equal(claim.status, 'rejected');
          assert.equal(claim.decision.reasonCode, 'evidence_forged');
          const audit = await apiGet<{ items: { action: string; subjectId: string; data: { to?: string } }[] }>(
            page,
            '/audit/events?limit=200',
          );
          assert.ok(
            audit.items.some(
              (e) => e.subjectId === claimId && e.action === 'claim.status_changed' && e.data.to === 'rejected',
            ),
            'the decision is in the audit log',
          );
          await page.getByRole('link', { name: t('common.back') }).click();
          await rows.first().waitFor();
          assert.equal(await rows.filter({ hasText: '面板凹陷变形' }).count(), 0, 'the decided claim left the queue');
        }
        await context.close();
      });
    }
  });
}
