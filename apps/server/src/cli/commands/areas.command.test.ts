/**
 * `proofdesk areas resolve` end to end (the built CLI in a child process), and the resolver's accuracy on the real
 * list of service areas in fixtures/areas (a copy of ../shared/data/service-areas/sample-service-areas.txt) against
 * the hand-checked answers beside it.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { resolveArea } from '@proofdesk/domain';
import { runCli } from '../../testing/cli-process.js';
import { fixturePath } from '../../testing/paths.js';
import { AREAS_USAGE } from './areas.command.js';

const SAMPLE = readFileSync(fixturePath('areas', 'sample-service-areas.txt'), 'utf8');
/** <input>\t<code>\t<full name> per line, `#` comments. */
const EXPECTED = readFileSync(fixturePath('areas', 'sample-service-areas.expected.tsv'), 'utf8')
  .split('\n')
  .filter((line) => line !== '' && !line.startsWith('#'))
  .map((line) => line.split('\t') as [string, string, string]);

describe('the sample list of service areas', () => {
  it('has one hand-checked answer per input line, in order', () => {
    const inputs = SAMPLE.split('\n').filter((line) => line !== '');
    assert.equal(EXPECTED.length, inputs.length);
    assert.deepEqual(
      EXPECTED.map(([input]) => input),
      inputs,
    );
    for (const [input, code, fullName] of EXPECTED) {
      assert.match(code, /^\d{6}(\d{3})?$/, input);
      assert.ok(fullName.length > 0, input);
    }
  });

  it('resolves at least 99 % of it to the expected code and full name', (t) => {
    const wrong: string[] = [];
    for (const [input, code, fullName] of EXPECTED) {
      const result = resolveArea(input);
      const got = result.status === 'resolved' ? `${result.division.code} ${result.division.fullName}` : result.status;
      if (got !== `${code} ${fullName}`) wrong.push(`${input}: expected ${code} ${fullName}, got ${got}`);
    }
    const correct = EXPECTED.length - wrong.length;
    const percent = (100 * correct) / EXPECTED.length;
    t.diagnostic(`sample-service-areas: ${correct}/${EXPECTED.length} correct (${percent.toFixed(1)} %)`);
    for (const line of wrong) t.diagnostic(line);
    assert.ok(percent >= 99, wrong.join('\n'));
  });
});

describe('proofdesk areas resolve (built CLI)', () => {
  it('prints <input>\\t<code>\\t<full name> for every stdin line of the sample, in order, as expected', async () => {
    const { status, stdout, stderr } = await runCli(['areas', 'resolve', '--lang', 'en'], SAMPLE);
    assert.equal(status, 0, stderr);
    const lines = stdout.split('\n');
    assert.equal(lines.pop(), '', 'ends with a newline');
    assert.deepEqual(
      lines,
      EXPECTED.map((row) => row.join('\t')),
    );
    assert.equal(stderr, `proofdesk areas: 139 names, 139 resolved, 0 ambiguous, 0 unresolved\n`);
  });

  it('leaves code and name empty for ambiguous and unknown names, one output line per input line', async () => {
    const input = '凉山甘洛县\r\n朝阳区\n\n不存在的地方\n  中山市 坦洲镇（全镇）';
    const { status, stdout, stderr } = await runCli(['areas', 'resolve'], input);
    assert.equal(status, 0, stderr);
    assert.equal(
      stdout,
      [
        '凉山甘洛县\t513435\t四川省凉山彝族自治州甘洛县',
        '朝阳区\t\t',
        '\t\t',
        '不存在的地方\t\t',
        '  中山市 坦洲镇（全镇）\t442000107\t广东省中山市坦洲镇',
        '',
      ].join('\n'),
    );
    assert.match(stderr, /共 5 个名称，解析 2，有歧义 1，未能解析 2/);
  });

  it('--candidates names the candidates, the reason, or the alias table in a fourth column', async () => {
    const { status, stdout } = await runCli(
      ['areas', 'resolve', '--candidates', '--lang', 'en', '朝阳区', '北京市双塔区', '三沙市南沙区', '临高县博厚镇'],
      undefined,
    );
    assert.equal(status, 0);
    assert.deepEqual(stdout.split('\n'), [
      '朝阳区\t\t\t110105 北京市朝阳区 | 220104 吉林省长春市朝阳区',
      '北京市双塔区\t\t\t"双塔区" (辽宁省朝阳市双塔区) is not in 北京市',
      '三沙市南沙区\t460322\t海南省三沙市南沙群岛\talias',
      '临高县博厚镇\t469024103\t海南省临高县博厚镇\t',
      '',
    ]);
  });

  it('--json prints one object per line', async () => {
    const { status, stdout } = await runCli(['areas', 'resolve', '--json'], '五指山市毛阳\n鼓楼区\nfoo\n');
    assert.equal(status, 0);
    const [resolved, ambiguous, unresolved] = stdout
      .trimEnd()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    assert.deepEqual(resolved, {
      input: '五指山市毛阳',
      status: 'resolved',
      code: '469001102',
      fullName: '海南省五指山市毛阳镇',
      level: 'township',
    });
    assert.equal(ambiguous?.status, 'ambiguous');
    assert.deepEqual(
      (ambiguous?.candidates as { code: string }[]).map((c) => c.code),
      ['320106', '320302', '350102', '410204'],
    );
    assert.deepEqual(unresolved, {
      input: 'foo',
      status: 'unresolved',
      reason: { zh: '没有名为“foo”的区划', en: 'no division is named "foo"' },
    });
  });

  for (const [name, args] of [
    ['no subcommand', ['areas']],
    ['an unknown subcommand', ['areas', 'lookup']],
    ['an unknown option', ['areas', 'resolve', '--bogus']],
    ['--candidates with --json', ['areas', 'resolve', '--candidates', '--json']],
    ['a bad --lang', ['areas', 'resolve', '--lang', 'fr']],
  ] as const) {
    it(`exits 2 with the usage for ${name}`, async () => {
      const { status, stdout, stderr } = await runCli(args, '');
      assert.equal(status, 2);
      assert.equal(stdout, '');
      assert.ok(stderr.includes(AREAS_USAGE.split('\n')[0]!), stderr);
    });
  }
});
