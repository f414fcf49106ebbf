/**
 * Admin journey: members and roles, API keys (shown once, revoked), the claim policy, and the audit log with its
 * hash-chain verification.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Lang } from '../../src/i18n/messages.js';
import { apiGet, newContext, screenshot, signIn, textOf, type JourneyEnv } from '../support/browser.js';

const ADMIN = 'admin@antu-demo.cn';

export function adminJourney(env: JourneyEnv): void {
  describe('admin journey', () => {
    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
      it(`manages members, keys, policy and reads the audit log in ${lang}`, async () => {
        const t = textOf(lang);
        const { browser, server } = env;
        const context = await newContext(browser, server.url, lang);
        const page = await context.newPage();
        await signIn(page, ADMIN, server.passwords[ADMIN]!, lang);
        await page.waitForURL('**/claims');
        await page.getByRole('menuitem', { name: t('nav.admin') }).click();
        await page.waitForURL('**/admin');

        // Members and their roles.
        const table = page.getByRole('table');
        await table.getByText('reviewer@antu-demo.cn').waitFor();
        assert.ok((await table.locator('tbody tr.ant-table-row').count()) >= 5);
        if (lang === 'en') {
          await page.getByLabel(t('users.name')).fill('Wang Reviewer');
          await page.getByLabel(t('users.email')).fill('wang@antu-demo.cn');
          await page.getByLabel(t('users.password')).fill('a-long-enough-password');
          await page.getByLabel(t('users.roles'), { exact: true }).click();
          await page
            .locator('.ant-select-item-option')
            .filter({ hasText: t('role.reviewer') })
            .click();
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: t('users.create') }).click();
          await table.getByText('wang@antu-demo.cn').waitFor();
        }
        await screenshot(page, 'admin-users', lang);

        // API keys: the key is shown once, then revoked.
        await page.getByRole('tab', { name: t('admin.tab.keys') }).click();
        if (lang === 'en') {
          await page
            .getByRole('tabpanel', { name: t('admin.tab.keys') })
            .getByRole('table')
            .waitFor();
          await page.getByLabel(t('keys.name')).fill('Douyin integration');
          await page.getByLabel(t('users.roles'), { exact: true }).click();
          await page
            .locator('.ant-select-item-option')
            .filter({ hasText: t('role.agent') })
            .click();
          await page.keyboard.press('Escape');
          await page.getByRole('button', { name: t('keys.add') }).click();
          await page
            .getByText(t('keys.shownOnce'))
            .waitFor()
            .catch(async (e: unknown) => {
              await screenshot(page, 'FAILED-admin-keys', lang);
              throw e;
            });
          assert.match(await page.locator('.ant-alert .pd-mono').innerText(), /^pdk_/);
          await screenshot(page, 'admin-keys', lang);
          await page.getByRole('button', { name: t('keys.revoke') }).click();
          await page.locator('.ant-popconfirm').getByRole('button', { name: 'OK' }).click();
          await page.getByRole('table').getByText(t('keys.revoked')).waitFor();
        }

        // The claim policy.
        await page.getByRole('tab', { name: t('admin.tab.policy') }).click();
        const hours = page.getByLabel(t('policy.responseHours'));
        await hours.waitFor();
        if (lang === 'en') {
          await hours.fill('36');
          await page.getByRole('button', { name: t('policy.save') }).click();
          await page.getByText(t('admin.saved')).first().waitFor();
          const policy = await apiGet<{ merchantResponseHours: number }>(page, '/workspace/policy');
          assert.equal(policy.merchantResponseHours, 36);
        }
        await screenshot(page, 'admin-policy', lang);

        // The audit log verifies its hash chain.
        await page.getByRole('tab', { name: t('admin.tab.audit') }).click();
        await page
          .getByRole('status')
          .filter({ hasText: /✓|verified|通过/ })
          .first()
          .waitFor();
        await page.getByRole('table').getByText('auth.signed_in').first().waitFor(); // our own sign-in, the newest event
        await screenshot(page, 'admin-audit', lang);
        await context.close();
      });
    }
  });
}
