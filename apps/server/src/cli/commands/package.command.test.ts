/**
 * `proofdesk package verify` end to end: the built CLI in a child process, on a package ZIP written (and signed) by
 * the real writer, on copies with one file altered, one added and one removed, a manifest edited with its sums
 * recomputed, a package re-signed by someone else's key, an unsigned one, pinned keys, a file that is not a ZIP, and
 * on bad usage.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { feedKeyFingerprint } from '@proofdesk/domain';
import yazl from 'yazl';
import { generateFeedKeyPair } from '../../adapters/crypto/ed25519.feed-keys.js';
import { packageSigner, type PackageSigner } from '../../services/evidence-package/package-signing.js';
import { parseKeyPin, verifyPackageZip } from '../../services/evidence-package/package-verify.js';
import { writePackageZip, type PackageEntry } from '../../services/evidence-package/package-zip.js';
import { runCli } from '../../testing/cli-process.js';

const text = (s: string) => () => Promise.resolve(Buffer.from(s));
const ENTRIES: PackageEntry[] = [
  { path: 'evidence-package-c1-zh.pdf', role: 'pdf', compress: false, bytes: text('%PDF-1.3 not really\n') },
  { path: 'evidence/01-abcd-照片 1.jpg', role: 'evidence', compress: false, bytes: text('jpeg bytes') },
  { path: 'report.json', role: 'report', compress: true, bytes: text('{"reports":[]}\n') },
];
const HEAD = {
  format: 'proofdesk-evidence-package/1',
  claimId: 'c1',
  workspaceId: 'ws1',
  generatedAt: '2026-11-20T02:00:00.000Z',
  lang: 'zh',
  auditChain: { ok: true, checked: 3, headSeq: 3, headHash: 'a'.repeat(64) },
  missing: [],
} as const;

function newSigner(): PackageSigner {
  const keys = generateFeedKeyPair();
  const row = {
    public_key: keys.publicKey,
    fingerprint: feedKeyFingerprint(keys.publicKey),
    created_at: HEAD.generatedAt,
  };
  return packageSigner(row, keys.privateKeyPkcs8);
}

const sha = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** SHA256SUMS as an attacker recomputes it over the entries (the sums file itself excluded). */
function resum(entries: Map<string, Buffer>): Map<string, Buffer> {
  const lines = [...entries].filter(([name]) => name !== 'SHA256SUMS').map(([name, b]) => `${sha(b)}  ${name}\n`);
  return new Map(entries).set('SHA256SUMS', Buffer.from(lines.join('')));
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

/** The ZIP's entries, as a map of name → bytes (read with the system's unzip, not with the code under test). */
function entriesOf(file: string): Map<string, Buffer> {
  const names = execFileSync('unzip', ['-Z1', file], { encoding: 'utf8' }).split('\n').filter(Boolean);
  return new Map(names.map((name) => [name, execFileSync('unzip', ['-p', file, name.replace(/[[\]*?]/g, '\\$&')])]));
}

async function rezip(entries: Map<string, Buffer>, file: string): Promise<void> {
  const zip = new yazl.ZipFile();
  for (const [name, bytes] of entries) zip.addBuffer(bytes, name);
  zip.end();
  writeFileSync(file, await collect(zip.outputStream));
}

describe('proofdesk package verify', () => {
  let dir: string;
  let good: string;
  const signer = newSigner();
  const fingerprint = signer.key.fingerprint;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proofdesk-package-cli-'));
    good = join(dir, 'good.zip');
    writeFileSync(good, await collect(writePackageZip(ENTRIES, HEAD, new Date(HEAD.generatedAt), signer)));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('says ok for an untouched package, naming the key that signed it (not pinned)', async () => {
    const result = await runCli(['package', 'verify', good]);
    assert.equal(result.status, 0, result.stderr);
    assert.equal(
      result.stdout,
      `ok c1 7 files, signed by key ${fingerprint} (not pinned) / 校验通过，共 7 个文件，签名公钥 ${fingerprint}（未指定公钥）\n`,
    );
    const json = await runCli(['package', 'verify', good, '--json', '--key', fingerprint.replace(/:/g, '')]);
    assert.deepEqual(JSON.parse(json.stdout), {
      ok: true,
      claimId: 'c1',
      files: 7,
      signedBy: { fingerprint, publicKey: signer.key.publicKey, pinned: true },
    });
    // The raw key pins as well as its fingerprint, in base64url or standard base64.
    const standard = Buffer.from(signer.key.publicKey, 'base64url').toString('base64');
    for (const key of [signer.key.publicKey, standard, fingerprint.toUpperCase()]) {
      const verdict = await verifyPackageZip(good, parseKeyPin(key)!);
      assert.ok(verdict.ok && verdict.signedBy.pinned, `${key}: ${JSON.stringify(verdict)}`);
    }
  });

  it('fails a manifest edited with SHA256SUMS recomputed, a wrong pinned key, and an unsigned package', async () => {
    const entries = entriesOf(good);
    // The attacker swaps a photo, fixes its line in the manifest, and recomputes SHA256SUMS: every hash agrees.
    const photo = Buffer.from('other jpeg');
    const manifest = entries
      .get('manifest.json')!
      .toString('utf8')
      .replace(sha(Buffer.from('jpeg bytes')), sha(photo))
      .replace('"bytes": 10', `"bytes": ${photo.length}`);
    assert.notEqual(manifest, entries.get('manifest.json')!.toString('utf8'));
    const forged = resum(
      new Map(entries).set('evidence/01-abcd-照片 1.jpg', photo).set('manifest.json', Buffer.from(manifest)),
    );
    await rezip(forged, join(dir, 'forged.zip'));
    execFileSync('unzip', ['-q', '-o', join(dir, 'forged.zip'), '-d', join(dir, 'forged')]);
    // sha256sum alone cannot tell: that is what the signature is for.
    assert.doesNotThrow(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: join(dir, 'forged') }));
    const result = await runCli(['package', 'verify', join(dir, 'forged.zip')]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /签名无效：manifest\.json 不是公钥 .+ 所签的内容.* \/ bad signature: manifest\.json is not/,
    );

    // A wrong pinned key: exit 1, both languages.
    const other = newSigner().key.fingerprint;
    const pinned = await runCli(['package', 'verify', good, '--key', other]);
    assert.equal(pinned.status, 1);
    assert.equal(
      pinned.stderr,
      `proofdesk package verify: ${good}: 签名公钥不符：证据包由 ${fingerprint} 签名，而指定的是 ${other} / ` +
        `signing key mismatch: the package is signed by ${fingerprint}, not the pinned ${other}\n`,
    );

    // Re-signed by the attacker's own key: consistent, so it verifies — under another fingerprint, which pinning
    // the merchant's key refuses.
    const thief = newSigner();
    const keyFile = JSON.parse(entries.get('signing-key.json')!.toString('utf8')) as Record<string, string>;
    const thiefKey = Buffer.from(
      `${JSON.stringify({ ...keyFile, publicKey: thief.key.publicKey, publicKeyPem: thief.key.publicKeyPem, fingerprint: thief.key.fingerprint }, null, 2)}\n`,
    );
    const resignedManifest = Buffer.from(
      manifest
        .replace(sha(entries.get('signing-key.json')!), sha(thiefKey))
        .replace(/("path": "signing-key.json",\s*"role": "signing_key",\s*"bytes": )\d+/, `$1${thiefKey.length}`),
    );
    const resigned = resum(
      new Map(forged)
        .set('signing-key.json', thiefKey)
        .set('manifest.json', resignedManifest)
        .set('manifest.sig', Buffer.from(`${thief.sign(resignedManifest)}\n`)),
    );
    await rezip(resigned, join(dir, 'resigned.zip'));
    const unpinned = await verifyPackageZip(join(dir, 'resigned.zip'));
    assert.ok(unpinned.ok && unpinned.signedBy.fingerprint === thief.key.fingerprint, JSON.stringify(unpinned));
    const refused = await verifyPackageZip(join(dir, 'resigned.zip'), { fingerprint });
    assert.ok(!refused.ok && refused.problem === 'key_mismatch', JSON.stringify(refused));

    // Re-signed, with signing-key.json claiming the merchant's fingerprint for the thief's key: caught by recomputing.
    const claimed = Buffer.from(thiefKey.toString('utf8').replace(thief.key.fingerprint, fingerprint));
    const claimedManifest = Buffer.from(resignedManifest.toString('utf8').replace(sha(thiefKey), sha(claimed)));
    const disguised = resum(
      new Map(resigned)
        .set('signing-key.json', claimed)
        .set('manifest.json', claimedManifest)
        .set('manifest.sig', Buffer.from(`${thief.sign(claimedManifest)}\n`)),
    );
    await rezip(disguised, join(dir, 'disguised.zip'));
    const caught = await verifyPackageZip(join(dir, 'disguised.zip'), { fingerprint });
    assert.ok(!caught.ok && caught.problem === 'bad_signing_key', JSON.stringify(caught));

    // A key file whose fingerprint lies about its key.
    const lying = resum(
      new Map(entries).set(
        'signing-key.json',
        Buffer.from(entries.get('signing-key.json')!.toString('utf8').replace(fingerprint, other)),
      ),
    );
    await rezip(lying, join(dir, 'lying.zip'));
    const lie = await verifyPackageZip(join(dir, 'lying.zip'));
    // The key file is listed in the (signed) manifest: changing it breaks its hash first.
    assert.ok(!lie.ok && lie.problem === 'hash_mismatch' && lie.path === 'signing-key.json', JSON.stringify(lie));

    // Unsigned: the signature dropped (sums recomputed) fails; it cannot be downgraded to integrity only.
    const unsigned = new Map(entries);
    unsigned.delete('manifest.sig');
    await rezip(resum(unsigned), join(dir, 'unsigned.zip'));
    const bare = await verifyPackageZip(join(dir, 'unsigned.zip'));
    assert.ok(!bare.ok && bare.problem === 'unsigned', JSON.stringify(bare));

    // A manifest inflating past the cap is refused without being held whole (a 17 MiB run of spaces, deflated).
    await rezip(new Map(entries).set('manifest.json', Buffer.alloc(17 << 20, 0x20)), join(dir, 'bomb.zip'));
    const bomb = await verifyPackageZip(join(dir, 'bomb.zip'));
    assert.ok(!bomb.ok && bomb.problem === 'unreadable_zip' && /over 16777216 bytes/.test(bomb.text.en));
  });

  it('exits 1 naming the first mismatch in Chinese and English', async () => {
    const entries = entriesOf(good);
    const altered = new Map(entries).set('evidence/01-abcd-照片 1.jpg', Buffer.from('jpeg bytez'));
    await rezip(altered, join(dir, 'altered.zip'));
    const result = await runCli(['package', 'verify', join(dir, 'altered.zip')]);
    assert.equal(result.status, 1);
    assert.match(
      result.stderr,
      /SHA-256 不符：evidence\/01-abcd-照片 1\.jpg.* \/ SHA-256 mismatch: evidence\/01-abcd-照片 1\.jpg/,
    );

    await rezip(new Map(entries).set('extra.txt', Buffer.from('x')), join(dir, 'added.zip'));
    // The other problems in process (each CLI start costs seconds on a loaded machine).
    const added = await verifyPackageZip(join(dir, 'added.zip'));
    assert.ok(!added.ok && added.problem === 'unlisted_file' && added.path === 'extra.txt');

    const removed = new Map(entries);
    removed.delete('report.json');
    await rezip(removed, join(dir, 'removed.zip'));
    const gone = await verifyPackageZip(join(dir, 'removed.zip'));
    assert.ok(!gone.ok && gone.problem === 'missing_file' && gone.text.zh === '清单列出的文件不存在：report.json');

    const sums = new Map(entries).set('SHA256SUMS', Buffer.from(`${'0'.repeat(64)}  report.json\n`));
    await rezip(sums, join(dir, 'sums.zip'));
    const badSums = await verifyPackageZip(join(dir, 'sums.zip'));
    assert.ok(!badSums.ok && badSums.problem === 'sums_mismatch', JSON.stringify(badSums));

    writeFileSync(join(dir, 'not.zip'), 'not a zip');
    const notZip = await verifyPackageZip(join(dir, 'not.zip'));
    assert.ok(!notZip.ok && notZip.problem === 'unreadable_zip');
  });

  it('exits 2 for usage errors', async () => {
    const result = await runCli(['package', 'check', good]);
    assert.equal(result.status, 2);
    assert.match(result.stderr, /package needs the subcommand "verify"/);
    const badKey = await runCli(['package', 'verify', good, '--key', 'not-a-key']);
    assert.equal(badKey.status, 2);
    assert.match(badKey.stderr, /--key needs a raw Ed25519 public key/);
  });
});
