/**
 * Official-channel verification journey: the brand's admin registers its national hotline on the console's registry
 * page; a customer on a 390×844 phone pastes a scam page's "24-hour national repair hotline" into the public check
 * page and is told it is not official, with the real hotline and the outlet covering their district shown; the
 * technician opens their work order, whose QR encodes the check page's link with their code, and the customer who
 * opens that link sees a verified technician. The console's summary then lists the impersonating number.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { BrowserContext } from 'playwright-core';
import QRCode from 'qrcode';
import type { Lang } from '../../src/i18n/messages.js';
import { VERIFY_TEXT } from '../../src/verify/verify-text.js';
import { apiGet, newContext, screenshot, signIn, type JourneyEnv } from '../support/browser.js';

const ADMIN = 'admin@antu-demo.cn';
const TECHNICIAN = 'tech@antu-demo.cn';
const SLUG = 'antu-locks';
const PHONE_390 = { width: 390, height: 844 } as const;
/** What scam pages print: the brand's name, "24 hours", "national", and a 400 number that is not the brand's. */
const SCAM_LINE = '安途智能锁24小时全国统一维修热线：400-888-6699';

type Session = Awaited<ReturnType<BrowserContext['storageState']>>;

const REGISTERED: Readonly<Record<Lang, { value: string; display: string; label: string }>> = {
  zh: { value: '+86 400 186 5909', display: '400-186-5909', label: '全国服务热线' },
  en: { value: '800 820 5909', display: '800-820-5909', label: 'Free service line' },
};

export function careVerifyJourney(env: JourneyEnv): void {
  describe('official-channel verification journey', () => {
    const sessions: Partial<Record<string, Session>> = {};
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
      const say = (key: keyof typeof VERIFY_TEXT) => VERIFY_TEXT[key][lang];

      it(`answers a fake hotline "not official" with the real ones, and verifies a technician by QR, in ${lang}`, async () => {
        const hotline = REGISTERED[lang];

        // The admin registers the hotline on the console's registry page.
        const { context: desk, page } = await contextFor(ADMIN, lang);
        await page.goto('/care/official');
        await page.getByTestId('official-page').waitFor();
        await page
          .getByRole('textbox', { name: lang === 'zh' ? '号码或网址' : 'Number or website' })
          .fill(hotline.value);
        await page.getByPlaceholder('全国服务热线').fill(hotline.label);
        await page.getByRole('button', { name: lang === 'zh' ? '登记渠道' : 'Register' }).click();
        await page.getByRole('cell', { name: hotline.display, exact: true }).waitFor();
        const listed = await apiGet<{ items: { display: string }[]; verifyPath: string }>(page, '/official-channels');
        assert.ok(listed.items.some((c) => c.display === hotline.display));
        assert.equal(listed.verifyPath, `/verify/${SLUG}`);
        await screenshot(page, 'care-official-registry', lang);

        // A customer on a phone pastes the scam page's line and their district.
        const customer = await newContext(env.browser, env.server.url, lang, PHONE_390);
        const check = await customer.newPage();
        await check.goto(`/verify/${SLUG}`);
        await check.getByRole('heading', { level: 1 }).filter({ hasText: '安途智能锁官方旗舰店' }).waitFor();
        await check.getByLabel(say('inputLabel')).fill(SCAM_LINE);
        await check.getByLabel(say('areaLabel')).fill('成都金牛');
        await check.getByRole('button', { name: say('submit'), exact: true }).click();
        const verdict = check.getByTestId('verdict');
        await verdict.waitFor();
        assert.equal(await verdict.getAttribute('data-verdict'), 'not_official');
        assert.ok((await verdict.textContent())?.includes(say('notOfficial')));
        assert.ok((await verdict.textContent())?.includes('400-888-6699'), 'the number read out of the pasted line');
        const channels = check.getByTestId('channels');
        const shown = (await channels.textContent()) ?? '';
        assert.ok(shown.includes('四川省成都市金牛区'), shown);
        assert.ok(shown.includes(REGISTERED.zh.display), `the real national hotline: ${shown}`);
        assert.ok(shown.includes('400-188-6688'), 'and the one the demo brand registered');
        assert.ok(shown.includes('antu-lock.com.cn'), 'with its website');
        assert.ok(shown.includes('安途成都金牛服务网点'), 'the outlet covering the district');
        assert.ok(shown.includes('028-8765 1234'), 'with its phone');
        const tel = await channels.locator(`a[href="tel:${REGISTERED.zh.display.replace(/\D/g, '')}"]`).count();
        assert.equal(tel, 1, 'the real hotline is one tap away');
        const width = await check.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(width <= PHONE_390.width, `no sideways scrolling at 390 px (${width})`);
        await screenshot(check, 'care-verify-fake-hotline', lang);

        // A district that names several places is asked about, not guessed.
        await check.getByLabel(say('areaLabel')).fill('朝阳区');
        await check.getByRole('button', { name: say('submit'), exact: true }).click();
        const pickArea = check.getByTestId('area-pick');
        await pickArea.getByRole('button', { name: '北京市朝阳区' }).click();
        await check.getByTestId('channels').getByText('北京市朝阳区').first().waitFor();
        assert.equal(await check.getByLabel(say('areaLabel')).inputValue(), '北京市朝阳区');

        // The real hotline in another notation is official.
        await check.getByLabel(say('inputLabel')).fill(REGISTERED.zh.display.replace(/-/g, ' '));
        await check.getByRole('button', { name: say('submit'), exact: true }).click();
        await check.locator('[data-testid="verdict"][data-verdict="official"]').waitFor();

        // The technician's work order carries the QR with their code.
        const { context: tech, page: phone } = await contextFor(TECHNICIAN, lang, PHONE_390);
        const mine = await apiGet<{ items: { id: string; status: string }[] }>(phone, '/repair-orders?limit=200');
        const job = mine.items.find((o) => ['accepted', 'on_the_way', 'on_site', 'assigned'].includes(o.status));
        assert.ok(job, `the demo technician has an open job: ${mine.items.map((o) => o.status).join(',')}`);
        await phone.goto(`/tech/${job.id}`);
        const qr = phone.getByTestId('technician-qr');
        await qr.getByTestId('technician-code').waitFor();
        const code = ((await qr.getByTestId('technician-code').textContent()) ?? '').trim();
        assert.match(code, /^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
        const image = qr.getByRole('img', {
          name: lang === 'zh' ? '师傅核验二维码' : 'Technician verification QR code',
        });
        const url = await image.getAttribute('data-url');
        assert.ok(url);
        assert.equal(url, `${env.server.url}/verify/${SLUG}?t=${code.replace(/-/g, '')}`);
        // The drawn QR is exactly the one for that link (same encoder, same options): compare the modules' paths.
        const expected = await QRCode.toString(url, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' });
        const paths = (svg: string) => [...svg.matchAll(/ d="([^"]+)"/g)].map((m) => m[1]);
        const drawn = paths(await image.innerHTML());
        assert.equal(drawn.length, 2, 'a background and the modules');
        assert.deepEqual(drawn, paths(expected));
        await screenshot(phone, 'care-verify-technician-qr', lang);

        // The customer scans it: the page opens on the link and checks at once.
        const scanned = await customer.newPage();
        await scanned.goto(url);
        const verified = scanned.locator('[data-testid="verdict"][data-verdict="official"]');
        await verified.waitFor();
        const text = (await verified.textContent()) ?? '';
        assert.ok(text.includes('孙**'), `the technician, masked: ${text}`);
        assert.ok(text.includes(say('official')));
        await screenshot(scanned, 'care-verify-technician-verified', lang);

        // The console's summary lists the impersonating number.
        const summary = await apiGet<{ notOfficialNumbers: { number: string; count: number }[] }>(
          page,
          '/official-channels/queries/summary?days=1',
        );
        assert.ok(summary.notOfficialNumbers.some((n) => n.number === '4008886699'));
        await page.reload();
        await page.getByTestId('official-summary').getByText('4008886699').waitFor();

        await Promise.all([desk.close(), customer.close(), tech.close()]);
      });
    }
  });
}
