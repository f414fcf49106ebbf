/**
 * The table of China's divisions (NBS 2023: provinces, prefectures, counties, townships), parsed on first use from
 * the generated {@link DIVISIONS_DATA} module (scripts/extract-divisions.mjs; format in docs/areas.md). Pure: the
 * data is a string constant, so the domain never touches the file system.
 */
import { DIVISIONS_DATA } from './divisions.data.js';

/** Level of a division. Townships are 乡、镇、街道 and their equals (苏木, 农场, 开发区…, NBS's township level). */
export type DivisionLevel = 'province' | 'prefecture' | 'county' | 'township';

/** One division. Codes are strings: GB/T 2260 six digits (`PP0000`, `PPCC00`, `PPCCDD`), NBS nine for townships. */
export interface Division {
  readonly code: string;
  /** Official name as NBS lists it, e.g. `甘洛县`. */
  readonly name: string;
  readonly level: DivisionLevel;
  /** The parent's code; absent for provinces. Counties directly under a province (省直辖, 重庆's 县) have the province. */
  readonly parent?: string;
  /** The names from the province down, e.g. `四川省凉山彝族自治州甘洛县`, `北京市朝阳区`, `海南省五指山市毛阳镇`. */
  readonly fullName: string;
}

/** The parsed table: every division by code, children by parent code, in code order. */
export interface DivisionTable {
  readonly byCode: ReadonlyMap<string, Division>;
  readonly children: ReadonlyMap<string, readonly Division[]>;
  readonly all: readonly Division[];
}

const LEVEL_BY_DIGITS: Record<number, DivisionLevel> = {
  2: 'province',
  4: 'prefecture',
  6: 'county',
  3: 'township',
  9: 'township',
};

let table: DivisionTable | undefined;

/** Parses {@link DIVISIONS_DATA} once; later calls return the same table. */
export function divisionTable(): DivisionTable {
  table ??= parseDivisions(DIVISIONS_DATA);
  return table;
}

/**
 * Parses the compact line format: `<digits><name>` per line, sorted by code; 2 digits a province, 4 a prefecture, 6 a
 * county, 3 a township under the last 6- or 4-digit line, 9 a township with its whole code.
 * @throws {Error} on a malformed line or a parent that is not listed before its child
 */
export function parseDivisions(data: string): DivisionTable {
  const byCode = new Map<string, Division>();
  const children = new Map<string, Division[]>();
  const all: Division[] = [];
  let base = '';
  for (const line of data.split('\n')) {
    if (line === '') continue;
    let digits = 0;
    while (digits < line.length && line.charCodeAt(digits) >= 48 && line.charCodeAt(digits) <= 57) digits++;
    const level = LEVEL_BY_DIGITS[digits];
    const name = line.slice(digits);
    if (!level || name === '') throw new Error(`malformed division line: ${JSON.stringify(line)}`);
    const head = line.slice(0, digits);
    let code: string;
    if (digits === 3) {
      if (base === '') throw new Error(`township before any county: ${JSON.stringify(line)}`);
      code = base + head;
    } else {
      code = head.padEnd(6, '0');
      if (digits === 4 || digits === 6) base = code;
    }
    const parentCode = level === 'province' ? undefined : digits === 3 ? base : nearestListedAncestor(code, byCode);
    if (level !== 'province' && parentCode === undefined) throw new Error(`no parent for ${code} ${name}`);
    const parent = parentCode === undefined ? undefined : byCode.get(parentCode);
    const division: Division = {
      code,
      name,
      level,
      ...(parentCode === undefined ? {} : { parent: parentCode }),
      fullName: parent ? parent.fullName + name : name,
    };
    byCode.set(code, division);
    all.push(division);
    if (parentCode !== undefined) {
      const siblings = children.get(parentCode);
      if (siblings) siblings.push(division);
      else children.set(parentCode, [division]);
    }
  }
  return { byCode, children, all };
}

/** The codes above `code` from its digits alone, nearest first: county, prefecture, province. */
function digitAncestors(code: string): string[] {
  const codes: string[] = [];
  if (code.length === 9) codes.push(code.slice(0, 6));
  const six = code.slice(0, 6);
  const prefecture = `${six.slice(0, 4)}00`;
  const province = `${six.slice(0, 2)}0000`;
  if (prefecture !== six) codes.push(prefecture);
  if (province !== prefecture) codes.push(province);
  return codes.filter((candidate) => candidate !== code);
}

function nearestListedAncestor(code: string, byCode: ReadonlyMap<string, Division>): string | undefined {
  return digitAncestors(code).find((candidate) => byCode.has(candidate));
}

/**
 * The division with this code, or undefined when the table has none (placeholders such as `110100` 市辖区 or
 * `469000` 省直辖县级行政区划 are not divisions here: their counties hang under the province).
 * @example getDivision('513435') // { code: '513435', name: '甘洛县', level: 'county', parent: '513400', fullName: '四川省凉山彝族自治州甘洛县' }
 */
export function getDivision(code: string): Division | undefined {
  return divisionTable().byCode.get(code);
}

/**
 * The codes above `code`, nearest first, excluding itself: derived from the digits (county `PPCCDD`, prefecture
 * `PPCC00`, province `PP0000`), keeping those that are divisions in the table (so `469001` 五指山市 → `['460000']`,
 * `441900003` → `['441900', '440000']`). Works for a well-formed code that is not in the table too. Malformed → [].
 * @example divisionAncestors('513435100') // ['513435', '513400', '510000']
 */
export function divisionAncestors(code: string): string[] {
  if (!/^\d{6}(\d{3})?$/.test(code)) return [];
  const { byCode } = divisionTable();
  return digitAncestors(code).filter((candidate) => byCode.has(candidate));
}

/** The divisions directly under `code`, in code order ([] for a township or an unknown code). */
export function divisionChildren(code: string): Division[] {
  return [...(divisionTable().children.get(code) ?? [])];
}

/** How many leading digits of a code name the division at each level (the rest are zeros or below it). */
const SIGNIFICANT_DIGITS: Record<DivisionLevel, number> = { province: 2, prefecture: 4, county: 6, township: 9 };

/**
 * Whether `descendant` lies under `ancestor` in the table (strictly: a division is not its own descendant). Codes are
 * hierarchical, so this is a comparison of the ancestor's significant digits (`46` for 海南省 holds 469001).
 */
export function isDescendant(descendant: Division, ancestor: Division): boolean {
  if (descendant === ancestor) return false;
  const digits = SIGNIFICANT_DIGITS[ancestor.level];
  if (SIGNIFICANT_DIGITS[descendant.level] <= digits) return false;
  const a = ancestor.code;
  const d = descendant.code;
  for (let i = 0; i < digits; i++) if (a.charCodeAt(i) !== d.charCodeAt(i)) return false;
  return true;
}
