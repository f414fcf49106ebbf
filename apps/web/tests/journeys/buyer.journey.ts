/**
 * Buyer journey on a phone-sized screen, without an account: the signed link shows the claim and its progress,
 * photos go up with a progress bar and capture guidance, and wrong formats, oversized files and expired or broken
 * links each get a clear message.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Lang } from '../../src/i18n/messages.js';
import { newContext, PHONE, screenshot, textOf, type JourneyEnv } from '../support/browser.js';
import { apiSession, expiredBuyerToken, REPO_ROOT } from '../support/demo-server.js';

const CLAIM_REASON = '人脸识别无法录入';

interface ClaimRow {
  readonly id: string;
  readonly reason: string;
}

export function buyerJourney(env: JourneyEnv): void {
  describe('buyer journey (375 px, no account)', () => {
    let token = '';
    let claim: ClaimRow | undefined;
    let workspaceId = '';
    let agent: Awaited<ReturnType<typeof apiSession>> | undefined;

    it('gets a signed link from the merchant', async () => {
      agent = await apiSession(env.server, 'agent@antu-demo.cn');
      const claims = await agent.call<{ items: ClaimRow[] }>('GET', `/claims?limit=200`);
      claim = claims.items.find((c) => c.reason.includes(CLAIM_REASON));
      assert.ok(claim);
      ({ token } = await agent.call<{ token: string }>('POST', `/claims/${claim.id}/buyer-link`, {
        expiresInHours: 24,
      }));
      ({ id: workspaceId } = await agent.call<{ id: string }>('GET', '/workspace'));
    });

    for (const lang of ['zh', 'en'] as const satisfies readonly Lang[]) {
      it(`follows the claim and adds photos in ${lang}`, async () => {
        const t = textOf(lang);
        const context = await newContext(env.browser, env.server.url, lang, PHONE);
        const page = await context.newPage();
        await page.goto(`/buyer?token=${encodeURIComponent(token)}`);
        await page.getByRole('heading', { name: t('buyer.title') }).waitFor();
        await page.getByText(CLAIM_REASON).waitFor();
        await page.getByText(t('buyer.guide2')).waitFor();
        assert.equal(
          await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth),
          true,
          'nothing overflows a 375 px screen',
        );
        await screenshot(page, 'buyer-claim', lang);
        const photos = page.getByRole('region', { name: t('buyer.photos') }).getByRole('listitem');
        const before = await photos.count();
        const chooser = page.getByLabel(t('buyer.choose'));

        // Wrong format and oversized files are refused before sending, in words.
        await chooser.setInputFiles({
          name: 'receipt.pdf',
          mimeType: 'application/pdf',
          buffer: Buffer.from('%PDF-1.4'),
        });
        await page
          .getByRole('alert')
          .filter({ hasText: t('upload.wrongFormat') })
          .waitFor();
        const huge = join(mkdtempSync(join(tmpdir(), 'proofdesk-buyer-')), 'huge.jpg');
        writeFileSync(huge, Buffer.alloc(26 * 1024 * 1024, 0xff));
        await chooser.setInputFiles(huge);
        await page
          .getByRole('alert')
          .filter({ hasText: t('upload.tooLarge', { mb: 25 }) })
          .waitFor();
        // A file that claims to be a JPEG but is not: the server sniffs it and refuses it (415).
        await chooser.setInputFiles({
          name: 'fake.jpg',
          mimeType: 'image/jpeg',
          buffer: Buffer.from('hello, this is not a photo'),
        });
        await page
          .getByRole('alert')
          .filter({ hasText: t('upload.wrongFormat') })
          .waitFor();
        await screenshot(page, 'buyer-error', lang);

        // A real photo, on a slow uplink so the progress bar shows.
        const cdp = await context.newCDPSession(page);
        await cdp.send('Network.enable');
        await cdp.send('Network.emulateNetworkConditions', {
          offline: false,
          latency: 40,
          downloadThroughput: -1,
          uploadThroughput: 256 * 1024,
        });
        const name = `damage-${lang}.jpg`;
        await chooser.setInputFiles({
          name,
          mimeType: 'image/jpeg',
          buffer: readFileSync(join(REPO_ROOT, 'apps/server/demo/photos/evidence-camera-3.jpg')),
        });
        await page.getByRole('progressbar').first().waitFor();
        await page.getByText(t('buyer.uploaded', { name })).waitFor({ timeout: 30_000 });
        await photos.filter({ hasText: name }).waitFor();
        assert.equal(await photos.count(), before + 1);
        await screenshot(page, 'buyer-uploaded', lang);
        await context.close();
      });
    }

    it('appeals a rejected claim once, in English', async () => {
      const t = textOf('en');
      assert.ok(agent, 'signed in by the first step');
      const claims = await agent.call<{ items: (ClaimRow & { status: string })[] }>('GET', `/claims?limit=200`);
      const rejected = claims.items.find((c) => c.reason.includes('外壳有大片污渍'));
      assert.equal(rejected?.status, 'rejected');
      const link = await agent.call<{ token: string }>('POST', `/claims/${rejected.id}/buyer-link`, {});
      const context = await newContext(env.browser, env.server.url, 'en', PHONE);
      const page = await context.newPage();
      await page.goto(`/buyer?token=${encodeURIComponent(link.token)}`);
      await page.getByText(t('status.rejected')).first().waitFor();
      await page
        .getByLabel(t('buyer.appealReason'))
        .fill('The stain is real; I have more photos from the day it arrived.');
      await screenshot(page, 'buyer-appeal', 'en');
      await page.getByRole('button', { name: t('buyer.appealSubmit') }).click();
      await page
        .getByRole('status')
        .filter({ hasText: t('buyer.appealed') })
        .waitFor();
      await page.getByText(t('status.appealed')).first().waitFor();
      assert.equal(await page.getByRole('button', { name: t('buyer.appealSubmit') }).count(), 0, 'one appeal only');
      await context.close();
    });

    it('explains expired and broken links', async () => {
      for (const lang of ['zh', 'en'] as const) {
        const t = textOf(lang);
        const context = await newContext(env.browser, env.server.url, lang, PHONE);
        const page = await context.newPage();
        await page.goto(`/buyer?token=${encodeURIComponent(expiredBuyerToken(env.server, claim!.id, workspaceId))}`);
        await page
          .getByRole('alert')
          .filter({ hasText: t('buyer.expired') })
          .waitFor();
        await screenshot(page, 'buyer-expired', lang);
        await page.goto(`/buyer?token=${encodeURIComponent(token.slice(0, -4) + 'AAAA')}`);
        await page
          .getByRole('alert')
          .filter({ hasText: t('buyer.invalid') })
          .waitFor();
        await page.goto('/buyer');
        await page
          .getByRole('alert')
          .filter({ hasText: t('buyer.missingToken') })
          .waitFor();
        await context.close();
      }
    });
  });
}
