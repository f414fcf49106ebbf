import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import { feedKeyFingerprint, type Bilingual } from '@proofdesk/domain';
import yauzl from 'yauzl';
import { verifyPackageSignature } from './package-signing.js';
import {
  MANIFEST_PATH,
  SIGNATURE_PATH,
  SIGNING_KEY_PATH,
  SUMS_PATH,
  type PackageManifest,
  type PackageSigningKeyFile,
} from './package-zip.js';

/** Why a package does not verify. */
export type PackageProblem =
  | 'unreadable_zip'
  | 'no_manifest'
  | 'bad_manifest'
  | 'missing_file'
  | 'hash_mismatch'
  | 'size_mismatch'
  | 'unlisted_file'
  | 'sums_mismatch'
  | 'unsigned'
  | 'bad_signing_key'
  | 'bad_signature'
  | 'key_mismatch';

/** Who signed a package that verifies: the key it carries, and whether it matched the key the caller pinned. */
export interface PackageSignedBy {
  readonly fingerprint: string;
  readonly publicKey: string;
  readonly pinned: boolean;
}

/** The outcome of {@link verifyPackageZip}: ok with what was checked, or the first problem found. */
export type PackageVerification =
  | { readonly ok: true; readonly claimId: string; readonly files: number; readonly signedBy: PackageSignedBy }
  | { readonly ok: false; readonly problem: PackageProblem; readonly path: string; readonly text: Bilingual };

interface Actual {
  readonly bytes: number;
  readonly sha256: string;
  /** The bytes of the small files the checks read (manifest, sums, signature, key). */
  readonly raw?: Buffer;
}

/** A key the caller pinned: a public key (raw 32 bytes, base64 or base64url) or its fingerprint. */
export type PackageKeyPin = { readonly fingerprint: string };

/**
 * Reads `--key`: a fingerprint (32 hex digits, with or without the `:` every 4) or a raw Ed25519 public key in
 * base64 / base64url (its fingerprint is what is compared). @returns null when it is neither
 */
export function parseKeyPin(input: string): PackageKeyPin | null {
  const text = input.trim();
  const hex = text.replace(/:/g, '').toLowerCase();
  if (/^[0-9a-f]{32}$/.test(hex) && /^[0-9a-fA-F]{4}(:?[0-9a-fA-F]{4}){7}$/.test(text))
    return { fingerprint: hex.match(/.{4}/g)!.join(':') };
  if (!/^[A-Za-z0-9+/_-]{43}=?$/.test(text)) return null;
  const raw = Buffer.from(text.replace(/\+/g, '-').replace(/\//g, '_').replace(/=$/, ''), 'base64url');
  return raw.length === 32 ? { fingerprint: feedKeyFingerprint(raw.toString('base64url')) } : null;
}

/**
 * Re-verifies an evidence package ZIP: reads every entry (streamed, hashed), then checks that `manifest.json`
 * lists every other file with the size and SHA-256 it has, that no file is unlisted, that `SHA256SUMS` agrees
 * with the files (the manifest included), and that `manifest.sig` is the Ed25519 signature of the manifest's exact
 * bytes under the key in `signing-key.json` — and, when `pin` is given, that this key is the pinned one. An
 * unsigned package fails: anyone can rebuild consistent hashes, only the signature says who made it.
 * Names the first problem in both languages.
 */
export async function verifyPackageZip(zipPath: string, pin?: PackageKeyPin): Promise<PackageVerification> {
  let actual: Map<string, Actual>;
  try {
    actual = await readEntries(zipPath);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail('unreadable_zip', zipPath, `不是可读取的 ZIP 文件（${why}）`, `not a readable ZIP file (${why})`);
  }
  const manifestEntry = actual.get(MANIFEST_PATH);
  if (!manifestEntry?.raw) return fail('no_manifest', MANIFEST_PATH, '缺少 manifest.json', 'manifest.json is missing');
  let manifest: PackageManifest;
  try {
    const parsed = JSON.parse(manifestEntry.raw.toString('utf8')) as { files?: unknown };
    if (!Array.isArray(parsed.files)) throw new Error('files is not a list');
    manifest = parsed as PackageManifest;
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(
      'bad_manifest',
      MANIFEST_PATH,
      `manifest.json 无法解析（${why}）`,
      `manifest.json does not parse (${why})`,
    );
  }
  for (const file of manifest.files) {
    const found = actual.get(file.path);
    if (!found)
      return fail(
        'missing_file',
        file.path,
        `清单列出的文件不存在：${file.path}`,
        `listed file is missing: ${file.path}`,
      );
    if (found.sha256 !== file.sha256)
      return fail(
        'hash_mismatch',
        file.path,
        `SHA-256 不符：${file.path}（清单 ${file.sha256}，实际 ${found.sha256}）`,
        `SHA-256 mismatch: ${file.path} (manifest ${file.sha256}, actual ${found.sha256})`,
      );
    if (found.bytes !== file.bytes)
      return fail(
        'size_mismatch',
        file.path,
        `大小不符：${file.path}（清单 ${file.bytes} 字节，实际 ${found.bytes} 字节）`,
        `size mismatch: ${file.path} (manifest ${file.bytes} bytes, actual ${found.bytes})`,
      );
  }
  const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST_PATH, SIGNATURE_PATH, SUMS_PATH]);
  for (const path of actual.keys())
    if (!listed.has(path))
      return fail('unlisted_file', path, `清单未列出的文件：${path}`, `file not in the manifest: ${path}`);
  const sums = actual.get(SUMS_PATH)?.raw?.toString('utf8');
  if (sums === undefined) return fail('sums_mismatch', SUMS_PATH, '缺少 SHA256SUMS', 'SHA256SUMS is missing');
  const summed = new Set<string>();
  for (const line of sums.split('\n').filter((l) => l !== '')) {
    const match = /^([0-9a-f]{64}) [ *](.+)$/.exec(line);
    const path = match?.[2] ?? line;
    if (!match || actual.get(path)?.sha256 !== match[1])
      return fail(
        'sums_mismatch',
        path,
        `SHA256SUMS 与文件不符：${path}`,
        `SHA256SUMS does not match the file: ${path}`,
      );
    summed.add(path);
  }
  for (const path of actual.keys())
    if (path !== SUMS_PATH && !summed.has(path))
      return fail('sums_mismatch', path, `SHA256SUMS 未列出：${path}`, `not in SHA256SUMS: ${path}`);
  const signed = checkSignature(manifestEntry.raw, actual, pin);
  if (!signed.ok) return signed;
  return { ok: true, claimId: manifest.claimId, files: actual.size, signedBy: signed.signedBy };
}

function checkSignature(
  manifestBytes: Buffer,
  actual: ReadonlyMap<string, Actual>,
  pin: PackageKeyPin | undefined,
): { readonly ok: true; readonly signedBy: PackageSignedBy } | Extract<PackageVerification, { ok: false }> {
  const keyRaw = actual.get(SIGNING_KEY_PATH)?.raw;
  const signature = actual.get(SIGNATURE_PATH)?.raw?.toString('ascii');
  if (!keyRaw || signature === undefined)
    return fail(
      'unsigned',
      SIGNATURE_PATH,
      '证据包未签名（缺少 manifest.sig 或 signing-key.json），无法确认是谁制作的',
      'the package is not signed (manifest.sig or signing-key.json is missing): who made it cannot be checked',
    );
  let key: PackageSigningKeyFile;
  let fingerprint: string;
  try {
    key = JSON.parse(keyRaw.toString('utf8')) as PackageSigningKeyFile;
    if (key.algorithm !== 'Ed25519' || typeof key.publicKey !== 'string') throw new Error('not an Ed25519 key');
    const raw = Buffer.from(key.publicKey, 'base64url');
    if (raw.length !== 32 || raw.toString('base64url') !== key.publicKey) throw new Error('not a 32-byte key');
    fingerprint = feedKeyFingerprint(key.publicKey);
    if (key.fingerprint !== fingerprint) throw new Error(`its fingerprint is ${fingerprint}, not ${key.fingerprint}`);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail(
      'bad_signing_key',
      SIGNING_KEY_PATH,
      `signing-key.json 无效（${why}）`,
      `signing-key.json is not valid (${why})`,
    );
  }
  if (!verifyPackageSignature(manifestBytes, signature, key.publicKey))
    return fail(
      'bad_signature',
      SIGNATURE_PATH,
      `签名无效：manifest.json 不是公钥 ${fingerprint} 所签的内容（清单被改动或签名被替换）`,
      `bad signature: manifest.json is not what key ${fingerprint} signed (the manifest was changed or the signature replaced)`,
    );
  if (pin && pin.fingerprint !== fingerprint)
    return fail(
      'key_mismatch',
      SIGNING_KEY_PATH,
      `签名公钥不符：证据包由 ${fingerprint} 签名，而指定的是 ${pin.fingerprint}`,
      `signing key mismatch: the package is signed by ${fingerprint}, not the pinned ${pin.fingerprint}`,
    );
  return { ok: true, signedBy: { fingerprint, publicKey: key.publicKey, pinned: Boolean(pin) } };
}

function fail(
  problem: PackageProblem,
  path: string,
  zh: string,
  en: string,
): Extract<PackageVerification, { ok: false }> {
  return { ok: false, problem, path, text: { zh, en } };
}

/** Largest manifest, sums, signature or key file read into memory (a real manifest is a few kilobytes). */
export const MAX_KEPT_BYTES = 16 << 20;
const KEPT = new Set([MANIFEST_PATH, SUMS_PATH, SIGNATURE_PATH, SIGNING_KEY_PATH]);

/** Every entry's size and SHA-256 (and the bytes of the manifest, sums, signature and key), one at a time. */
async function readEntries(zipPath: string): Promise<Map<string, Actual>> {
  const zip = await yauzl.openPromise(zipPath, { lazyEntries: true, autoClose: false, validateEntrySizes: true });
  const out = new Map<string, Actual>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('error', reject);
      zip.on('end', resolve);
      zip.on('entry', (entry: yauzl.Entry) => {
        if (entry.fileName.endsWith('/')) return zip.readEntry();
        zip.openReadStream(entry, (error, stream) => {
          if (error) return reject(error);
          hashStream(stream, KEPT.has(entry.fileName)).then((actual) => {
            if (out.has(entry.fileName)) return reject(new Error(`duplicate entry ${entry.fileName}`));
            out.set(entry.fileName, actual);
            zip.readEntry();
          }, reject);
        });
      });
      zip.readEntry();
    });
  } finally {
    zip.close();
  }
  return out;
}

async function hashStream(stream: Readable, keep: boolean): Promise<Actual> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    if (keep) {
      // A hostile ZIP could inflate its manifest to gigabytes: the checks read these files whole, so cap them.
      if (bytes > MAX_KEPT_BYTES) throw new Error(`an entry the checks read is over ${MAX_KEPT_BYTES} bytes`);
      kept.push(chunk);
    }
  }
  return { bytes, sha256: hash.digest('hex'), ...(keep ? { raw: Buffer.concat(kept) } : {}) };
}
