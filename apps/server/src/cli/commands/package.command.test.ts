/**
 * `proofdesk package verify` end to end: the built CLI in a child process, on a package ZIP written by the real
 * writer, on copies with one file altered, one added and one removed, on a file that is not a ZIP, and on bad usage.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import yazl from 'yazl';
import { verifyPackageZip } from '../../services/evidence-package/package-verify.js';
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
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'proofdesk-package-cli-'));
    good = join(dir, 'good.zip');
    writeFileSync(good, await collect(writePackageZip(ENTRIES, HEAD, new Date(HEAD.generatedAt))));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('says ok for an untouched package', async () => {
    const result = await runCli(['package', 'verify', good]);
    assert.equal(result.status, 0, result.stderr);
    assert.match(result.stdout, /^ok c1 5 files/);
    const json = await runCli(['package', 'verify', good, '--json']);
    assert.deepEqual(JSON.parse(json.stdout), { ok: true, claimId: 'c1', files: 5 });
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
  });
});
