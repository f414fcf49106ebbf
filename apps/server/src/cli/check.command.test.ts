import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CheckOutput } from '@proofdesk/forensics';
import { REPO_ROOT, fixturePath } from '../testing/paths.js';

const BIN = join(REPO_ROOT, 'apps', 'server', 'bin', 'proofdesk.js');
const CAMERA = fixturePath('camera', 'nikon-z5-offset-time.jpg');
const FIREFLY = fixturePath('c2pa', 'adobe-firefly-1.jpg');

function run(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    encoding: 'utf8',
    env: { PATH: process.env.PATH ?? '', LANG: 'C.UTF-8', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

function json(args: string[], env: Record<string, string> = {}): CheckOutput {
  const result = run([...args, '--json'], env);
  assert.equal(result.status, 0, result.stderr);
  return JSON.parse(result.stdout) as CheckOutput;
}

describe('proofdesk check', () => {
  it('prints one JSON document in the DESIGN.md contract', () => {
    const { reports } = json(['check', CAMERA, FIREFLY]);
    assert.equal(reports.length, 2);
    for (const r of reports) {
      assert.match(r.sha256, /^[0-9a-f]{64}$/);
      assert.ok(r.width > 0 && r.height > 0);
      assert.equal(r.format, 'jpeg');
      assert.ok(['clean', 'suspicious', 'forged', 'error'].includes(r.verdict));
      assert.ok(r.score >= 0 && r.score <= 1);
      for (const f of r.findings) {
        assert.match(f.code, /^[a-z0-9_]+(\.[a-z0-9_]+)+$/);
        assert.ok(['info', 'warn', 'high'].includes(f.severity));
        assert.ok(f.title.zh && f.title.en && f.detail.zh && f.detail.en);
      }
    }
    assert.equal(reports[0]!.verdict, 'clean');
    assert.equal(reports[1]!.verdict, 'forged');
    assert.ok(reports[1]!.findings.some((f) => f.code === 'provenance.c2pa.ai_generated'));
  });

  it('compares the capture time with --delivered-at', () => {
    // The photo was taken 2022-11-06 16:57:09 +08:00.
    const late = json(['check', CAMERA, '--delivered-at', '2022-11-08T10:00:00+08:00']).reports[0]!;
    const finding = late.findings.find((f) => f.code === 'metadata.captured_before_delivery');
    assert.ok(finding, JSON.stringify(late.findings));
    assert.equal(late.verdict, 'suspicious');
    const early = json(['check', CAMERA, '--delivered-at', '2022-11-05T10:00:00+08:00']).reports[0]!;
    assert.equal(early.verdict, 'clean');
  });

  it('turns a missing, unsupported or oversized file into an error report, exit 0', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proofdesk-cli-'));
    const zip = join(dir, 'photo.jpg');
    writeFileSync(zip, Buffer.from('504b0304140000000800', 'hex'));
    const { reports } = json(['check', join(dir, 'missing.jpg'), zip, CAMERA], { PROOFDESK_MAX_BYTES: '20000' });
    assert.deepEqual(
      reports.map((r) => [r.verdict, r.findings[0]?.code]),
      [
        ['error', 'input.unreadable'],
        ['error', 'input.unsupported_format'],
        ['error', 'input.too_large'],
      ],
    );
    assert.match(reports[2]!.sha256, /^[0-9a-f]{64}$/, 'an oversized file is still identified by its hash');
  });

  it('speaks the locale: zh-CN by default, English for an English locale, --lang wins', () => {
    assert.match(run(['check', CAMERA]).stdout, /结论: 未见异常/);
    assert.match(run(['check', CAMERA], { LANG: 'en_US.UTF-8' }).stdout, /Verdict: Clean/);
    assert.match(run(['check', CAMERA, '--lang', 'en'], { LANG: 'zh_CN.UTF-8' }).stdout, /Verdict: Clean/);
  });

  it('writes a self-contained HTML report with thumbnails and every finding, escaping file names', () => {
    const dir = mkdtempSync(join(tmpdir(), 'proofdesk-html-'));
    const odd = join(dir, '<b onmouseover=x>photo.jpg');
    copyFileSync(FIREFLY, odd);
    const out = join(dir, 'report.html');
    const result = run(['check', CAMERA, odd, '--html', out]);
    assert.equal(result.status, 0, result.stderr);
    const html = readFileSync(out, 'utf8');
    assert.equal((html.match(/<img src="data:image\/jpeg;base64,/g) ?? []).length, 2);
    assert.match(html, /provenance\.c2pa\.ai_generated/);
    assert.match(html, /内容凭证声明为 AI 生成/);
    assert.match(html, /Content Credentials declare AI generation/);
    assert.ok(!html.includes('<b onmouseover'), 'file names are escaped');
    assert.ok(html.includes('&lt;b onmouseover=x&gt;photo.jpg'));
    assert.doesNotMatch(html, /(src|href)="(https?:)?\/\//, 'no external resources');
  });

  it('exits 2 with usage for bad command lines and bad configuration', () => {
    for (const args of [
      ['check'],
      ['check', CAMERA, '--lang', 'fr'],
      ['check', CAMERA, '--delivered-at', '2022-11-08 10:00'],
      ['check', CAMERA, '--bogus'],
      ['frobnicate'],
    ]) {
      const result = run(args);
      assert.equal(result.status, 2, `${args.join(' ')}: ${result.stderr}`);
      assert.match(result.stderr, /proofdesk: /);
    }
    const bad = run(['check', CAMERA], { PROOFDESK_MAX_BYTES: 'lots', PROOFDESK_MAX_PIXELS: '-1' });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /PROOFDESK_MAX_BYTES/);
    assert.match(bad.stderr, /PROOFDESK_MAX_PIXELS/);
  });
});
