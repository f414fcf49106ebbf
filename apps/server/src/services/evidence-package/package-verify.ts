import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Bilingual } from '@proofdesk/domain';
import yauzl from 'yauzl';
import { MANIFEST_PATH, SUMS_PATH, type PackageManifest } from './package-zip.js';

/** Why a package does not verify. */
export type PackageProblem =
  | 'unreadable_zip'
  | 'no_manifest'
  | 'bad_manifest'
  | 'missing_file'
  | 'hash_mismatch'
  | 'size_mismatch'
  | 'unlisted_file'
  | 'sums_mismatch';

/** The outcome of {@link verifyPackageZip}: ok with what was checked, or the first problem found. */
export type PackageVerification =
  | { readonly ok: true; readonly claimId: string; readonly files: number }
  | { readonly ok: false; readonly problem: PackageProblem; readonly path: string; readonly text: Bilingual };

interface Actual {
  readonly bytes: number;
  readonly sha256: string;
  readonly text?: string;
}

/**
 * Re-verifies an evidence package ZIP: reads every entry (streamed, hashed), then checks that `manifest.json`
 * lists every other file with the size and SHA-256 it has, that no file is unlisted, and that `SHA256SUMS` agrees
 * with the files (the manifest included). Names the first problem in both languages.
 */
export async function verifyPackageZip(zipPath: string): Promise<PackageVerification> {
  let actual: Map<string, Actual>;
  try {
    actual = await readEntries(zipPath);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    return fail('unreadable_zip', zipPath, `不是可读取的 ZIP 文件（${why}）`, `not a readable ZIP file (${why})`);
  }
  const manifestEntry = actual.get(MANIFEST_PATH);
  if (!manifestEntry?.text) return fail('no_manifest', MANIFEST_PATH, '缺少 manifest.json', 'manifest.json is missing');
  let manifest: PackageManifest;
  try {
    const parsed = JSON.parse(manifestEntry.text) as { files?: unknown };
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
  const listed = new Set([...manifest.files.map((f) => f.path), MANIFEST_PATH, SUMS_PATH]);
  for (const path of actual.keys())
    if (!listed.has(path))
      return fail('unlisted_file', path, `清单未列出的文件：${path}`, `file not in the manifest: ${path}`);
  const sums = actual.get(SUMS_PATH)?.text;
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
  return { ok: true, claimId: manifest.claimId, files: actual.size };
}

function fail(problem: PackageProblem, path: string, zh: string, en: string): PackageVerification {
  return { ok: false, problem, path, text: { zh, en } };
}

/** Every entry's size and SHA-256 (and the text of the manifest and sums), read one at a time. */
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
          hashStream(stream, entry.fileName === MANIFEST_PATH || entry.fileName === SUMS_PATH).then((actual) => {
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

async function hashStream(stream: Readable, keepText: boolean): Promise<Actual> {
  const hash = createHash('sha256');
  const kept: Buffer[] = [];
  let bytes = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.byteLength;
    if (keepText) kept.push(chunk);
  }
  return { bytes, sha256: hash.digest('hex'), ...(keepText ? { text: Buffer.concat(kept).toString('utf8') } : {}) };
}
