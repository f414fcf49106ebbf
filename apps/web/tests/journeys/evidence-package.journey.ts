/**
 * Evidence package journey against the real server: a reviewer opens the demo's forged claim (the stained lock, a
 * listing photo with a painted stain, rejected as evidence forged), downloads the package ZIP from the claim page in
 * the browser, and the test re-checks it as a platform or the police would: `sha256sum -c SHA256SUMS` over the
 * unpacked files, the PDF inside starting with %PDF and opening with pdfinfo, and `proofdesk package verify --key`
 * pinned to the signing-key fingerprint the card shows (the one staff hand a recipient out of band).
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { apiGet, newContext, screenshot, signIn, type JourneyEnv } from '../support/browser.js';
import { REPO_ROOT } from '../support/demo-server.js';

const REVIEWER = 'reviewer@antu-demo.cn';
/** The demo's stained-lock claim (demo-data.ts): rejected as `evidence_forged`. */
const FORGED_ORDER = 'DY7712034598812';

export function evidencePackageJourney(env: JourneyEnv): void {
  describe('evidence package journey', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proofdesk-package-journey-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    it('downloads the forged claim’s ZIP from the claim page and its hashes verify', async () => {
      const { browser, server } = env;
      const context = await newContext(browser, server.url, 'zh');
      try {
        const page = await context.newPage();
        await signIn(page, REVIEWER, server.passwords[REVIEWER]!, 'zh');
        await page.waitForURL('**/review');
        const found = await apiGet<{ items: { id: string; status: string }[] }>(page, `/claims?q=${FORGED_ORDER}`);
        const claim = found.items[0];
        assert.ok(claim, 'the demo forged claim exists');
        await page.goto(`/review/${claim.id}`);
        const card = page.getByTestId('evidence-package');
        await card.waitFor();
        await card.scrollIntoViewIfNeeded();
        const fingerprint = card.getByTestId('package-signing-fingerprint');
        await fingerprint.waitFor();
        const shown = (await fingerprint.innerText()).trim();
        assert.match(shown, /^[0-9a-f]{4}(:[0-9a-f]{4}){7}$/);
        await screenshot(page, 'evidence-package', 'zh');

        const [download] = await Promise.all([
          page.waitForEvent('download'),
          card.getByRole('link', { name: /ZIP（含原图）/ }).click(),
        ]);
        assert.equal(download.suggestedFilename(), `evidence-package-${claim.id}-zh.zip`);
        const zip = join(dir, download.suggestedFilename());
        await download.saveAs(zip);

        const out = join(dir, 'unpacked');
        execFileSync('unzip', ['-q', zip, '-d', out]);
        const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
        const lines = check.trim().split('\n');
        assert.ok(lines.length >= 7 && lines.every((l) => l.endsWith(': OK')), check);
        assert.ok(
          lines.some((l) => l.startsWith('evidence/')),
          'the buyer’s original is in the package',
        );
        assert.ok(
          lines.some((l) => l.startsWith('references/listing-')),
          'so is the matched listing photo',
        );

        const pdfName = readdirSync(out).find((f) => f.endsWith('.pdf'))!;
        const pdf = readFileSync(join(out, pdfName));
        assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
        const info = execFileSync('pdfinfo', [join(out, pdfName)], { encoding: 'utf8' });
        assert.ok(Number(/Pages:\s+(\d+)/.exec(info)?.[1]) >= 5, info);
        assert.ok(
          execFileSync('pdftotext', [join(out, pdfName), '-'], { encoding: 'utf8' }).includes('外壳有大片污渍'),
        );

        const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
          claimId: string;
          auditChain: { ok: boolean };
        };
        assert.deepEqual([manifest.claimId, manifest.auditChain.ok], [claim.id, true]);
        // The signature, pinned to the fingerprint the card showed: what a recipient runs.
        const verified = execFileSync(
          process.execPath,
          [join(REPO_ROOT, 'apps/server/bin/proofdesk.js'), 'package', 'verify', zip, '--key', shown],
          { encoding: 'utf8' },
        );
        assert.match(verified, new RegExp(`^ok ${claim.id} \\d+ files, signed by key ${shown} \\(pinned\\)`));
      } finally {
        await context.close();
      }
    });
  });
}
