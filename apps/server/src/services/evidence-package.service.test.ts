import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { randomBytes } from 'node:crypto';
import { DomainError, type Actor } from '@proofdesk/domain';
import sharp from 'sharp';
import yazl from 'yazl';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import { loadFeedPrivateKey } from '../adapters/crypto/ed25519.feed-keys.js';
import { createTestApp, type TestApp } from '../http/test-app.js';
import { TEST_DIALECTS } from '../testing/databases.js';
import { REPO_ROOT } from '../testing/paths.js';
import type { EvidencePackage } from './evidence-package.service.js';
import { seedForgedClaim, type SeededClaim } from './evidence-package/package-fixture.js';
import { verifyPackageZip } from './evidence-package/package-verify.js';

const isDomain = (code: string) => (e: unknown) => e instanceof DomainError && e.code === code;

async function bytesOf(pkg: EvidencePackage): Promise<Buffer> {
  if (Buffer.isBuffer(pkg.body)) return pkg.body;
  const chunks: Buffer[] = [];
  for await (const chunk of pkg.body as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

const pdfText = (file: string) => execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
const pdfPages = (file: string) =>
  Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);

/** Every entry of a ZIP (unpacked with the system's unzip), re-zipped with `change` applied to one entry. */
function rezip(dir: string, source: string, target: string, change: (path: string, bytes: Buffer) => Buffer) {
  const out = join(dir, 'unpacked');
  execFileSync('unzip', ['-q', '-o', source, '-d', out]);
  const names = execFileSync('unzip', ['-Z1', source], { encoding: 'utf8' }).split('\n').filter(Boolean);
  const zip = new yazl.ZipFile();
  for (const name of names) zip.addBuffer(change(name, readFileSync(join(out, name))), name);
  zip.end();
  return new Promise<void>((resolve, reject) => {
    const chunks: Buffer[] = [];
    zip.outputStream.on('data', (c: Buffer) => chunks.push(c));
    zip.outputStream.on('end', () => {
      writeFileSync(target, Buffer.concat(chunks));
      resolve();
    });
    zip.outputStream.on('error', reject);
  });
}

/** A 63-megapixel photo, made once for both dialects. */
let huge: Promise<Buffer> | undefined;

for (const dialect of TEST_DIALECTS) {
  describe(`evidence packages on ${dialect}`, () => {
    let h: TestApp;
    let seeded: SeededClaim;
    let dir: string;

    before(async () => {
      h = await createTestApp(dialect);
      h.clock.set(Date.parse('2026-11-20T02:00:00.000Z'));
      dir = mkdtempSync(join(tmpdir(), 'proofdesk-package-'));
      seeded = await seedForgedClaim(h.services, h.actors, () => h.runJobs());
    });
    after(async () => {
      await h.dispose();
      if (!process.env['KEEP_PACKAGE_OUTPUT']) rmSync(dir, { recursive: true, force: true });
      else process.stdout.write(`# package output kept in ${dir}\n`);
    });

    it('renders the zh PDF: opens, Chinese as text in the embedded Noto font, every section, hashes, audited', async () => {
      const started = Date.now();
      const pkg = await h.services.evidencePackages.export(h.actors.reviewer, seeded.claimId, 'pdf', 'zh');
      const bytes = await bytesOf(pkg);
      const file = join(dir, 'zh.pdf');
      writeFileSync(file, bytes);
      assert.equal(pkg.contentType, 'application/pdf');
      assert.equal(pkg.filename, `evidence-package-${seeded.claimId}-zh.pdf`);
      assert.equal(bytes.subarray(0, 5).toString(), '%PDF-');
      const pages = pdfPages(file);
      assert.ok(pages >= 6, `${pages} pages`);
      const text = pdfText(file);
      for (const expected of [
        '售后证据包',
        '一、案件摘要',
        '二、订单与物流',
        '三、证据照片与检查发现',
        '四、商家陈述与反证',
        '五、买家历史与法律参考',
        '六、审计记录与链校验',
        '七、检查发现的含义',
        seeded.reason,
        'DY7712034598812',
        'evidence_forged',
        '审计链校验通过',
        // The reviewer reads credit: the score, and the legal flag with its rule's source.
        '信用分',
        '治安管理处罚法',
        `第${pages}/${pages}页`,
      ])
        assert.ok(text.replace(/[ \t]+/g, '').includes(expected.replace(/ /g, '')), `PDF text lacks ${expected}`);
      const evidence = await h.services.evidence.listEvidence(h.actors.reviewer, seeded.claimId);
      for (const e of evidence) assert.ok(text.replace(/\s+/g, '').includes(e.sha256), `no SHA-256 of ${e.filename}`);
      const stain = evidence.find((e) => e.submittedBy === 'buyer')!;
      assert.ok(stain.report?.findings.some((f) => f.code === 'reference.derived_from_listing'));
      assert.ok(text.includes(stain.report!.findings[0]!.title.zh), 'finding title missing');
      const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
      assert.match(fonts, /NotoSansSC-Regular\s+CID TrueType\s+Identity-H\s+yes\s+yes/);
      assert.match(fonts, /NotoSansSC-Bold/);
      // Rendered as a reader sees it: some page shows the edited region outlined in the package's red (#f53f3f).
      execFileSync('pdftoppm', ['-r', '60', '-png', file, join(dir, 'page')]);
      const redPixels = await Promise.all(
        Array.from({ length: pages }, async (_, i) => {
          const png = join(dir, `page-${i + 1}.png`);
          const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
          let red = 0;
          for (let p = 0; p < info.width * info.height * 3; p += 3)
            if (data[p]! > 200 && data[p + 1]! < 110 && data[p + 2]! < 110) red += 1;
          return red;
        }),
      );
      assert.ok(Math.max(...redPixels) > 100, `red outline pixels per page: ${redPixels.join(', ')}`);
      const images = execFileSync('pdfimages', ['-list', file], { encoding: 'utf8' }).split('\n').length - 3;
      assert.ok(images >= 4, `${images} images`);
      const audit = await h.t.db.kysely
        .selectFrom('audit_events')
        .select(['action', 'actor', 'data_json'])
        .where('subject_id', '=', seeded.claimId)
        .where('action', '=', 'claim.package_exported')
        .execute();
      // The first export made the workspace's signing key; its fingerprint is on the cover and in the audit row.
      const key = await h.services.evidencePackages.signingKey(h.actors.agent);
      assert.equal(pkg.signingKeyFingerprint, key.fingerprint);
      assert.deepEqual(
        audit.map((a) => [a.actor, JSON.parse(a.data_json) as unknown]),
        [
          [
            `user:${(h.actors.reviewer as { userId: string }).userId}`,
            { format: 'pdf', lang: 'zh', signingKeyFingerprint: key.fingerprint, keyCreated: true },
          ],
        ],
      );
      assert.ok(text.replace(/\s+/g, '').includes(`签名公钥指纹${key.fingerprint}`), 'no fingerprint on the cover');
      // The package's audit trail includes its own export, and the chain still verifies.
      assert.ok(text.replace(/\s+/g, '').includes('claim.package_exported'));
      process.stdout.write(`# zh PDF: ${pages} pages, ${bytes.length} bytes, ${Date.now() - started} ms\n`);
    });

    it('renders the English PDF on request', async () => {
      const pkg = await h.services.evidencePackages.export(h.actors.agent, seeded.claimId, 'pdf', 'en');
      const file = join(dir, 'en.pdf');
      writeFileSync(file, await bytesOf(pkg));
      const text = pdfText(file);
      for (const expected of [
        'After-sales evidence package',
        '1. Case summary',
        '6. Audit trail',
        'Audit chain verified',
        'Signing key fingerprint',
        pkg.signingKeyFingerprint,
      ])
        assert.ok(text.includes(expected), `PDF text lacks ${expected}`);
      assert.ok(!text.includes('一、案件摘要'));
      // An agent does not read credit: the buyer's section lists the claims instead.
      assert.ok(!text.includes('Credit score'));
      assert.ok(text.includes("The buyer's claims with this merchant"));
    });

    it('writes a ZIP whose SHA256SUMS and manifest verify, and a changed file fails verification by name', async () => {
      const pkg = await h.services.evidencePackages.export(h.actors.admin, seeded.claimId, 'zip', 'zh');
      assert.ok(!Buffer.isBuffer(pkg.body), 'the ZIP streams');
      const file = join(dir, 'package.zip');
      writeFileSync(file, await bytesOf(pkg));
      const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
      for (const expected of ['report.json', 'audit.json', 'manifest.json', 'SHA256SUMS', 'README.txt'])
        assert.ok(names.includes(expected), `no ${expected} in ${names.join(', ')}`);
      assert.equal(names.filter((n) => n.startsWith('evidence/')).length, 1);
      assert.equal(names.filter((n) => n.startsWith('counter-evidence/')).length, 1);
      assert.equal(names.filter((n) => n.startsWith('references/listing-')).length, 1);
      const out = join(dir, 'ok');
      execFileSync('unzip', ['-q', '-o', file, '-d', out]);
      const check = execFileSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: out, encoding: 'utf8' });
      assert.equal(check.trim().split('\n').length, names.length - 1);
      assert.ok(
        check
          .trim()
          .split('\n')
          .every((line) => line.endsWith(': OK')),
        check,
      );
      const evidence = await h.services.evidence.listEvidence(h.actors.reviewer, seeded.claimId);
      const original = names.find((n) => n.startsWith('evidence/'))!;
      const buyerPhoto = evidence.find((e) => e.submittedBy === 'buyer')!;
      assert.deepEqual(
        readFileSync(join(out, original)),
        Buffer.from(
          await h.services.evidence
            .getEvidenceBlob(h.actors.reviewer, seeded.claimId, buyerPhoto.id)
            .then((b) => b.bytes),
        ),
      );
      const manifest = JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8')) as {
        claimId: string;
        auditChain: { ok: boolean; headSeq: number };
        files: { path: string; sha256: string }[];
      };
      assert.equal(manifest.claimId, seeded.claimId);
      assert.equal(manifest.auditChain.ok, true);
      assert.equal(manifest.files.find((f) => f.path === original)?.sha256, buyerPhoto.sha256);
      const audit = JSON.parse(readFileSync(join(out, 'audit.json'), 'utf8')) as { events: { action: string }[] };
      assert.ok(audit.events.some((e) => e.action === 'claim.decided' || e.action === 'claim.status_changed'));
      const key = await h.services.evidencePackages.signingKey(h.actors.admin);
      assert.deepEqual(await verifyPackageZip(file, { fingerprint: key.fingerprint }), {
        ok: true,
        claimId: seeded.claimId,
        files: names.length,
        signedBy: { fingerprint: key.fingerprint, publicKey: key.publicKey, pinned: true },
      });
      // The signature checks without Proofdesk, with OpenSSL and the PEM the package carries (as README.txt says).
      const keyFile = JSON.parse(readFileSync(join(out, 'signing-key.json'), 'utf8')) as { publicKeyPem: string };
      assert.equal(keyFile.publicKeyPem, key.publicKeyPem);
      writeFileSync(join(out, 'key.pem'), keyFile.publicKeyPem);
      writeFileSync(join(out, 'sig.bin'), Buffer.from(readFileSync(join(out, 'manifest.sig'), 'ascii'), 'base64'));
      const openssl = (manifest: string) =>
        execFileSync(
          'openssl',
          ['pkeyutl', '-verify', '-pubin', '-inkey', 'key.pem', '-rawin', '-in', manifest, '-sigfile', 'sig.bin'],
          { cwd: out, encoding: 'utf8' },
        );
      assert.match(openssl('manifest.json'), /Signature Verified Successfully/);
      writeFileSync(
        join(out, 'edited.json'),
        readFileSync(join(out, 'manifest.json'), 'utf8').replace('"ok": true', '"ok": false'),
      );
      assert.throws(
        () => openssl('edited.json'),
        (e: { stdout?: string }) => /Signature Verification Failure/.test(String(e.stdout)),
      );
      assert.ok(readFileSync(join(out, 'README.txt'), 'utf8').includes(key.fingerprint));

      const tampered = join(dir, 'tampered.zip');
      await rezip(dir, file, tampered, (path, bytes) => {
        if (path !== original) return bytes;
        const copy = Buffer.from(bytes);
        copy.writeUInt8(copy.readUInt8(copy.length - 100) ^ 0xff, copy.length - 100);
        return copy;
      });
      const verdict = await verifyPackageZip(tampered);
      assert.equal(verdict.ok, false);
      assert.ok(
        !verdict.ok && verdict.problem === 'hash_mismatch' && verdict.path === original,
        JSON.stringify(verdict),
      );
      assert.equal((await verifyPackageZip(join(dir, 'nope.zip'))).ok, false);
    });

    it('still packages a claim with no evidence, an unreadable photo and a huge photo', async () => {
      huge ??= sharp({ create: { width: 9000, height: 7000, channels: 3, background: '#8a9bb0' } })
        .jpeg({ quality: 70 })
        .toBuffer();
      const truncated = readFileSync(join(REPO_ROOT, 'apps/server/demo/photos/evidence-forged-4-stain.jpg')).subarray(
        0,
        3000,
      );
      const order = await h.services.orders.createOrder(h.actors.agent, {
        platform: 'jd',
        platformOrderId: 'JD-EMPTY-1',
        amountFen: 5_000,
        buyer: { accountId: 'jd_someone', contact: { name: '李四' } },
      });
      const empty = await h.services.claims.createClaim(h.actors.agent, {
        orderId: order.id,
        type: 'repair',
        reason: '门锁无法开启',
        amountFen: 5_000,
      });
      const file = join(dir, 'empty.pdf');
      writeFileSync(
        file,
        await bytesOf(await h.services.evidencePackages.export(h.actors.agent, empty.id, 'pdf', 'zh')),
      );
      assert.ok(pdfText(file).includes('买家未提交证据照片'));

      const odd = await h.services.claims.createClaim(h.actors.agent, {
        orderId: order.id,
        type: 'refund_only',
        reason: '照片打不开',
        amountFen: 5_000,
      });
      const buyer: Actor = { kind: 'buyer', claimId: odd.id, workspaceId: h.workspaceId };
      for (const [name, bytes] of [
        ['truncated.jpg', truncated],
        ['huge.jpg', await huge],
      ] as const)
        await h.services.evidence.addEvidence(
          buyer,
          odd.id,
          { filename: name, source: [bytes], maxBytes: 50 << 20 },
          'buyer',
        );
      // Not analysed: the package must not wait for (or need) the analysis of a 63-megapixel photo.
      const started = Date.now();
      const zipFile = join(dir, 'odd.zip');
      writeFileSync(
        zipFile,
        await bytesOf(await h.services.evidencePackages.export(h.actors.agent, odd.id, 'zip', 'en')),
      );
      assert.ok(Date.now() - started < 15_000);
      assert.equal((await verifyPackageZip(zipFile)).ok, true);
      const pdf = join(dir, 'odd.pdf');
      writeFileSync(pdf, await bytesOf(await h.services.evidencePackages.export(h.actors.agent, odd.id, 'pdf', 'en')));
      const text = pdfText(pdf);
      assert.ok(text.includes('truncated.jpg') && text.includes('huge.jpg'));
      assert.ok(text.includes('not analysed yet'), 'pending photos say so');
      const images = () =>
        execFileSync('pdfimages', ['-list', pdf], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
      assert.equal(images().length, 2, 'the huge photo and what decodes of the truncated one have thumbnails');

      // A blob lost from the store: the package still comes, says so, and its manifest names the missing original.
      const lost = (await h.services.evidence.listEvidence(h.actors.agent, odd.id)).find(
        (e) => e.filename === 'huge.jpg',
      )!;
      rmSync(join(h.blobRoot, lost.sha256.slice(0, 2), lost.sha256.slice(2, 4), lost.sha256));
      writeFileSync(pdf, await bytesOf(await h.services.evidencePackages.export(h.actors.agent, odd.id, 'pdf', 'en')));
      assert.ok(pdfText(pdf).includes('No thumbnail'));
      assert.equal(images().length, 1);
      writeFileSync(
        zipFile,
        await bytesOf(await h.services.evidencePackages.export(h.actors.agent, odd.id, 'zip', 'en')),
      );
      assert.equal((await verifyPackageZip(zipFile)).ok, true);
      const manifest = JSON.parse(execFileSync('unzip', ['-p', zipFile, 'manifest.json'], { encoding: 'utf8' })) as {
        missing: { id: string }[];
      };
      assert.deepEqual(
        manifest.missing.map((m) => m.id),
        [lost.id],
      );
    });

    it('signs with one key per workspace: stable across exports, sealed at rest, another workspace has its own', async () => {
      const first = await h.services.evidencePackages.export(h.actors.agent, seeded.claimId, 'pdf', 'en');
      const second = await h.services.evidencePackages.export(h.actors.reviewer, seeded.claimId, 'zip', 'zh');
      await bytesOf(second);
      const key = await h.services.evidencePackages.signingKey(h.actors.reviewer);
      assert.equal(first.signingKeyFingerprint, key.fingerprint);
      assert.equal(second.signingKeyFingerprint, key.fingerprint);
      assert.equal((await h.services.evidencePackages.signingKey(h.actors.agent)).createdAt, key.createdAt);
      const rows = await h.t.db.kysely.selectFrom('package_signing_keys').selectAll().execute();
      const own = rows.filter((r) => r.workspace_id === h.workspaceId);
      assert.equal(own.length, 1);
      // Sealed: the stored text holds no PKCS#8 Ed25519 key in any encoding (every such key starts with the same
      // 16-byte header), does not load as a key, and does not open with another contact key.
      const stored = own[0]!.private_key_ciphertext;
      const header = Buffer.from('302e020100300506032b657004220420', 'hex');
      for (const text of [
        stored,
        Buffer.from(stored, 'base64').toString('latin1'),
        Buffer.from(stored, 'base64url').toString('latin1'),
      ])
        for (const form of [header.toString('base64').slice(0, 20), header.toString('hex'), header.toString('latin1')])
          assert.ok(!text.includes(form), 'private key stored in the clear');
      assert.throws(() => loadFeedPrivateKey(stored));
      const stranger = new AesGcmContactCipher({
        currentKeyId: own[0]!.private_key_id,
        keys: { [own[0]!.private_key_id]: randomBytes(32) },
      });
      assert.throws(() => stranger.open(own[0]!.private_key_id, stored));
      assert.equal(own[0]!.fingerprint, key.fingerprint);

      // Another workspace: its own key, made on its first use, never this one.
      const other = await h.services.evidencePackages.signingKey(h.actors.outsider);
      assert.notEqual(other.fingerprint, key.fingerprint);
      assert.notEqual(other.publicKey, key.publicKey);
      const made = await h.t.db.kysely
        .selectFrom('audit_events')
        .select(['workspace_id', 'data_json'])
        .where('action', '=', 'workspace.package_key_created')
        .execute();
      assert.deepEqual(
        made.map((m) => JSON.parse(m.data_json) as unknown),
        [{ fingerprint: other.fingerprint }],
        'only the key made by a look-up (not by an export) has its own row',
      );
      const buyer: Actor = { kind: 'buyer', claimId: seeded.claimId, workspaceId: h.workspaceId };
      await assert.rejects(h.services.evidencePackages.signingKey(buyer), isDomain('forbidden'));
      await assert.rejects(h.services.evidencePackages.signingKey(h.actors.technician), isDomain('forbidden'));
    });

    it("refuses the buyer, answers not_found for another workspace's claim, and checks format and language", async () => {
      const buyer: Actor = { kind: 'buyer', claimId: seeded.claimId, workspaceId: h.workspaceId };
      await assert.rejects(h.services.evidencePackages.export(buyer, seeded.claimId, 'pdf'), isDomain('forbidden'));
      const otherBuyer: Actor = { kind: 'buyer', claimId: 'someone-else', workspaceId: h.workspaceId };
      await assert.rejects(
        h.services.evidencePackages.export(otherBuyer, seeded.claimId, 'pdf'),
        isDomain('not_found'),
      );
      await assert.rejects(
        h.services.evidencePackages.export(h.actors.outsider, seeded.claimId, 'zip'),
        isDomain('not_found'),
      );
      await assert.rejects(
        h.services.evidencePackages.export(h.actors.technician, seeded.claimId, 'pdf'),
        isDomain('forbidden'),
      );
      await assert.rejects(
        h.services.evidencePackages.export(h.actors.agent, seeded.claimId, 'docx' as 'pdf'),
        isDomain('invalid_input'),
      );
      await assert.rejects(
        h.services.evidencePackages.export(h.actors.agent, seeded.claimId, 'pdf', 'fr' as 'zh'),
        isDomain('invalid_input'),
      );
      const exports = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('workspace_id')
        .where('action', '=', 'claim.package_exported')
        .where('workspace_id', '!=', h.workspaceId)
        .execute();
      assert.equal(exports.length, 0, 'a refused export leaves no audit row anywhere');
    });
  });
}
