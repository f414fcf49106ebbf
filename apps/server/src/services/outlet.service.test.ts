import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { DomainError } from '@proofdesk/domain';
import { TEST_DIALECTS } from '../testing/databases.js';
import { fixturePath } from '../testing/paths.js';
import { createNetworkHarness, type NetworkHarness } from './network-test-harness.js';

const code = (c: string) => (error: unknown) => error instanceof DomainError && error.code === c;

/** fixtures/areas: a real brand's list of service areas and the hand-checked code of each line. */
const SAMPLE_TEXT = readFileSync(fixturePath('areas', 'sample-service-areas.txt'), 'utf8');
const EXPECTED = new Map(
  readFileSync(fixturePath('areas', 'sample-service-areas.expected.tsv'), 'utf8')
    .split('\n')
    .filter((line) => line !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t') as [string, string, string])
    .map(([input, code]) => [input, code]),
);

/** Lines of ../shared/data/service-areas/sample-service-areas.txt (a real brand's list), and what they must become. */
const SAMPLE_LINES: readonly [string, string][] = [
  ['东莞市万江街道', '441900'],
  ['中山市坦洲镇', '442000'],
  ['临高县博厚镇', '469024'],
  ['丽江市华坪县', '530723'],
  ['乐山市峨边彝族自治县', '511132'],
  ['九江市修水县', '360424'],
  ['六安市裕安区', '341503'],
];

for (const dialect of TEST_DIALECTS) {
  describe(`outlets and coverage on ${dialect}`, () => {
    let h: NetworkHarness;
    before(async () => {
      h = await createNetworkHarness(dialect);
    });
    after(() => h.dispose());

    it('creates, lists, reads and edits outlets, audited, each write bumping the network version', async () => {
      assert.equal(await h.network.networkVersion('ws1'), 0);
      const outlet = await h.outlets.createOutlet(h.admin, {
        name: '甘洛县城网点',
        address: '甘洛县新市坝镇团结路 8 号',
        areaCode: '513435',
        phones: ['0834-7801234', '400-800-1234', '08347801234'],
        managerUserId: h.users.manager,
      });
      assert.deepEqual(outlet.phones, ['0834-7801234', '400-800-1234'], 'the same number twice is kept once');
      assert.equal(outlet.version, 1);
      assert.equal(await h.network.networkVersion('ws1'), 1);
      assert.deepEqual(await h.outlets.getOutlet(h.technician, outlet.id), outlet);
      await assert.rejects(h.outlets.getOutlet(h.outsider, outlet.id), code('not_found'));
      assert.equal((await h.outlets.listOutlets(h.outsider)).items.length, 0);

      const edited = await h.outlets.updateOutlet(h.admin, outlet.id, {
        address: '甘洛县新市坝镇团结路 10 号',
        managerUserId: null,
        expectedVersion: 1,
      });
      assert.equal(edited.version, 2);
      assert.equal(edited.managerUserId, null);
      const same = await h.outlets.updateOutlet(h.admin, outlet.id, { address: '甘洛县新市坝镇团结路 10 号' });
      assert.equal(same.version, 2, 'no change, no new version');
      await assert.rejects(
        h.outlets.updateOutlet(h.admin, outlet.id, { name: '甘洛县城网点二', expectedVersion: 1 }),
        code('conflict'),
      );
      await h.outlets.createOutlet(h.admin, { name: '西昌网点', address: '西昌市', areaCode: '513401' });
      assert.deepEqual(
        (await h.outlets.listOutlets(h.dispatcher, { areaPrefix: '513435' })).items.map((o) => o.name),
        ['甘洛县城网点'],
      );
      const page = await h.outlets.listOutlets(h.dispatcher, { limit: 1 });
      assert.equal(page.items.length, 1);
      assert.ok(page.nextCursor);
      const off = await h.outlets.deactivateOutlet(h.admin, outlet.id);
      assert.equal(off.active, false);
      assert.deepEqual(
        (await h.outlets.listOutlets(h.dispatcher, { active: true })).items.map((o) => o.name),
        ['西昌网点'],
      );
      assert.deepEqual(await h.auditActions(outlet.id), ['outlet.created', 'outlet.updated', 'outlet.deactivated']);
      assert.equal(await h.network.networkVersion('ws1'), 4);
      assert.equal(await h.network.networkVersion('ws2'), 0);
    });

    it('refuses bad input, wrong roles, names in use and another workspace’s manager', async () => {
      const input = { name: '网点甲', address: '某地', areaCode: '513435' };
      await assert.rejects(h.outlets.createOutlet(h.dispatcher, input), code('forbidden'));
      await assert.rejects(h.outlets.createOutlet(h.admin, { ...input, areaCode: '999999' }), code('invalid_input'));
      await assert.rejects(h.outlets.createOutlet(h.admin, { ...input, areaCode: '5134' }), code('invalid_input'));
      await assert.rejects(h.outlets.createOutlet(h.admin, { ...input, phones: ['abc'] }), code('invalid_input'));
      await assert.rejects(
        h.outlets.createOutlet(h.admin, { ...input, managerUserId: h.users.otherUser }),
        code('invalid_input'),
      );
      await h.outlets.createOutlet(h.admin, input);
      await assert.rejects(h.outlets.createOutlet(h.admin, input), code('conflict'));
      const other = await h.outlets.createOutlet(h.outsider, input);
      assert.equal(other.name, '网点甲', 'names are unique per workspace only');
      await assert.rejects(h.outlets.updateOutlet(h.admin, other.id, { address: 'x' }), code('not_found'));
    });

    it('replaces coverage as a whole, with the diff in the audit, and refuses unknown or contradictory codes', async () => {
      const outlet = await h.outlets.createOutlet(h.admin, { name: '凉山网点', address: '西昌', areaCode: '513401' });
      const first = await h.coverage.replaceCoverage(h.admin, outlet.id, [
        { code: '513400', mode: 'include' },
        { code: '513435', mode: 'exclude' },
        { code: '513435100', mode: 'include' },
        { code: '513400', mode: 'include' },
      ]);
      assert.equal(first.version, 2);
      assert.deepEqual(
        first.rules.map((r) => [r.code, r.mode, r.level]),
        [
          ['513400', 'include', 'prefecture'],
          ['513435', 'exclude', 'county'],
          ['513435100', 'include', 'township'],
        ],
      );
      assert.equal(first.rules[2]!.fullName, '四川省凉山彝族自治州甘洛县新市坝镇');
      const second = await h.coverage.replaceCoverage(h.admin, outlet.id, [{ code: '513400', mode: 'include' }], 2);
      assert.equal(second.rules.length, 1);
      const audit = await h.t.db.kysely
        .selectFrom('audit_events')
        .select('data_json')
        .where('subject_id', '=', outlet.id)
        .where('action', '=', 'outlet.coverage_replaced')
        .orderBy('seq', 'desc')
        .executeTakeFirstOrThrow();
      const diff = JSON.parse(audit.data_json) as { removed: { code: string }[]; added: unknown[] };
      assert.deepEqual(diff.removed.map((r) => r.code).sort(), ['513435', '513435100']);
      assert.deepEqual(diff.added, []);
      await assert.rejects(
        h.coverage.replaceCoverage(h.admin, outlet.id, [{ code: '513400', mode: 'include' }], 2),
        code('conflict'),
      );
      await assert.rejects(
        h.coverage.replaceCoverage(h.admin, outlet.id, [
          { code: '513435', mode: 'include' },
          { code: '513435', mode: 'exclude' },
        ]),
        code('invalid_input'),
      );
      await assert.rejects(
        h.coverage.replaceCoverage(h.admin, outlet.id, [{ code: '513499', mode: 'include' }]),
        code('invalid_input'),
      );
      await assert.rejects(h.coverage.replaceCoverage(h.dispatcher, outlet.id, []), code('forbidden'));
      await assert.rejects(h.coverage.getCoverage(h.outsider, outlet.id), code('not_found'));
      assert.equal((await h.coverage.getCoverage(h.technician, outlet.id)).rules.length, 1);
    });

    it('imports a pasted list: the preview stores nothing, applying stores the resolved names only, once', async () => {
      const outlet = await h.outlets.createOutlet(h.admin, { name: '华南网点', address: '东莞', areaCode: '441900' });
      const text = [
        '# 服务区域（复制自品牌方表格）',
        ...SAMPLE_LINES.map(([name]) => name),
        '',
        '  东莞市万江街道  ',
        '朝阳区',
        '火星市奥林匹斯山',
      ].join('\r\n');
      const before = await h.network.networkVersion('ws1');
      const preview = await h.coverage.importCoverage(h.dispatcher, outlet.id, { text, apply: false });
      assert.equal(preview.applied, false);
      assert.deepEqual(preview.counts, {
        lines: SAMPLE_LINES.length + 3,
        resolved: SAMPLE_LINES.length + 1,
        ambiguous: 1,
        unresolved: 1,
        duplicates: 1,
        alreadyPresent: 0,
        added: SAMPLE_LINES.length,
      });
      for (const [name, prefix] of SAMPLE_LINES) {
        const row = preview.rows.find((r) => r.input === name);
        assert.ok(row?.division?.code.startsWith(prefix), `${name} → ${row?.division?.code} (expected ${prefix}…)`);
      }
      const duplicate = preview.rows.find((r) => r.duplicateOfLine !== undefined);
      assert.deepEqual([duplicate?.line, duplicate?.duplicateOfLine], [SAMPLE_LINES.length + 3, 2]);
      const ambiguous = preview.rows.find((r) => r.status === 'ambiguous');
      assert.ok((ambiguous?.candidates?.length ?? 0) >= 2, 'ambiguous names answer their candidates');
      assert.ok(preview.rows.find((r) => r.status === 'unresolved')?.reason?.zh);
      assert.equal((await h.coverage.getCoverage(h.admin, outlet.id)).rules.length, 0);
      assert.equal(await h.network.networkVersion('ws1'), before, 'a preview changes nothing');

      await assert.rejects(
        h.coverage.importCoverage(h.dispatcher, outlet.id, { text, apply: true }),
        code('forbidden'),
      );
      const applied = await h.coverage.importCoverage(h.admin, outlet.id, { text, apply: true });
      assert.equal(applied.applied, true);
      assert.equal(applied.counts.added, SAMPLE_LINES.length);
      assert.equal(applied.coverage?.rules.length, SAMPLE_LINES.length);
      assert.ok(applied.coverage?.rules.every((r) => r.mode === 'include'));
      assert.equal(await h.network.networkVersion('ws1'), before + 1);
      const again = await h.coverage.importCoverage(h.admin, outlet.id, { text, apply: true, mode: 'exclude' });
      assert.equal(again.counts.added, 0);
      assert.equal(again.counts.alreadyPresent, SAMPLE_LINES.length);
      assert.ok(
        again.coverage?.rules.every((r) => r.mode === 'include'),
        'existing rules keep their mode',
      );
      assert.deepEqual((await h.auditActions(outlet.id)).slice(-2), [
        'outlet.coverage_imported',
        'outlet.coverage_imported',
      ]);
      await assert.rejects(
        h.coverage.importCoverage(h.admin, outlet.id, { text: 'x\n'.repeat(5_001), apply: false }),
        code('invalid_input'),
      );
      await assert.rejects(h.coverage.importCoverage(h.outsider, outlet.id, { text, apply: false }), code('not_found'));
    });

    it('imports the whole sample list in one go, every line to its hand-checked code', async () => {
      const outlet = await h.outlets.createOutlet(h.admin, { name: '全国网点', address: '北京', areaCode: '110000' });
      const report = await h.coverage.importCoverage(h.admin, outlet.id, { text: SAMPLE_TEXT, apply: true });
      const lines = SAMPLE_TEXT.split('\n').filter((l) => l.trim() !== '').length;
      assert.equal(report.counts.lines, lines);
      const wrong = report.rows
        .filter((r) => r.division?.code !== EXPECTED.get(r.input))
        .map((r) => `${r.input} → ${r.division?.code ?? r.status} (expected ${EXPECTED.get(r.input)})`);
      assert.deepEqual(wrong, []);
      const codes = new Set(report.rows.map((r) => r.division?.code));
      assert.equal(report.counts.added, codes.size);
      assert.equal(report.counts.duplicates, lines - codes.size);
      assert.equal(report.coverage?.rules.length, codes.size);
    });
  });
}
