/**
 * The place-name resolver: free-form names as brands and customers write them (`凉山甘洛县`, `五指山市毛阳`,
 * `广西桂林市秀峰区`) to one division, or to candidates when the name fits several, never a silent guess.
 *
 * The input is normalised ({@link normalizePlaceName}) and read left to right as a chain of names, each a division
 * lying under the one before (a later name may skip levels). A name is a division's official name, its short form
 * (suffix and nationalities dropped: 凉山, 甘洛, 毛阳; optionally followed by any administrative suffix: 凉山州,
 * 海门市 for 海门区) or an entry of {@link AREA_ALIASES}. Every reading of the whole input is scored (official name or
 * alias 0, short form 1, a different suffix after it +1, a township's short form with nothing before it +2, a
 * township after a division other than its own county +1, so `广州市白云` is 白云区 rather than a 白云 township); the
 * lowest-scored readings win. When they end at different divisions, one enclosing the others wins (`长沙` → 长沙市,
 * not 长沙县 inside it); otherwise the answer is `ambiguous` with every candidate.
 */
import { AREA_ALIASES } from './aliases.js';
import { divisionTable, isDescendant, type Division } from './divisions.js';
import { LOOSE_SUFFIXES, TRAILING_FILLERS, ZONE, normalizePlaceName, stemsOf, zoneNamesOf } from './names.js';

/** The resolver's answer for one input. */
export type AreaResolution =
  | { status: 'resolved'; input: string; division: Division; via?: 'alias' }
  | { status: 'ambiguous'; input: string; candidates: Division[] }
  | { status: 'unresolved'; input: string; reason: { zh: string; en: string } };

interface IndexEntry {
  readonly division: Division;
  readonly cost: number;
  /** A short form or alias: may be followed by a suffix other than the official one. */
  readonly short: boolean;
  readonly alias?: { readonly after?: ReadonlySet<string> };
}

interface NameIndex {
  readonly byName: ReadonlyMap<string, readonly IndexEntry[]>;
  /** The longest name starting with each character: how far to look from a position. */
  readonly longestFrom: ReadonlyMap<string, number>;
}

/**
 * The longest input read (after normalising): the longest full official name has 37 characters; a place name with
 * a few fillers fits, a pasted address or a hostile line does not (and cannot make reading slow).
 */
export const MAX_NAME_CHARS = 80;

const COST_SHORT = 1;
const COST_LOOSE_SUFFIX = 1;
const COST_TOWNSHIP_ALONE = 2;
const COST_TOWNSHIP_SKIPPING = 1;
/** Words after the place that add nothing (全境, 市区): they cost, so a real name (阳泉市城区) reads first. */
const COST_FILLER = 1;

let index: NameIndex | undefined;

/** Names that normalising would not change (most official names: Chinese characters only). */
const PLAIN_NAME = /^[\u4e00-\u9fff]+$/u;

/** Builds (once) the map from every official name, short form and alias to the divisions it may mean. */
function nameIndex(): NameIndex {
  if (index) return index;
  const { all, byCode } = divisionTable();
  const byName = new Map<string, IndexEntry[]>();
  const add = (name: string, entry: IndexEntry) => {
    const list = byName.get(name);
    if (list) list.push(entry);
    else byName.set(name, [entry]);
  };
  for (const division of all) {
    const official = PLAIN_NAME.test(division.name) ? division.name : normalizePlaceName(division.name);
    add(official, { division, cost: 0, short: false });
    // NBS numbers development zones and the like 71–79 among counties (130372 北戴河新区): their short forms yield to
    // a district's of the same name (北戴河 is 北戴河区).
    const zone = division.level === 'county' && division.code[4] === '7';
    for (const stem of stemsOf(official)) add(stem, { division, cost: COST_SHORT + (zone ? 1 : 0), short: true });
    if ((division.level === 'county' || division.level === 'township') && ZONE.test(official)) {
      const above: string[] = [];
      for (let code = division.parent; code !== undefined; code = byCode.get(code)?.parent) {
        const name = byCode.get(code)!.name;
        above.push(name, ...stemsOf(name));
      }
      for (const zone of zoneNamesOf(official, above)) add(zone, { division, cost: COST_SHORT, short: false });
    }
  }
  for (const alias of AREA_ALIASES) {
    const division = byCode.get(alias.code);
    if (!division) throw new Error(`area alias ${alias.name}: no division ${alias.code}`);
    const name = normalizePlaceName(alias.name);
    const derived = byName.get(name)?.find((entry) => entry.division === division && !entry.alias);
    // An alias the suffix rules derive too only states a preference (凉山 → the prefecture): not reported as `via`.
    const context = derived && !alias.after ? {} : { alias: alias.after ? { after: new Set(alias.after) } : {} };
    add(name, { division, cost: 0, short: true, ...context });
    // An old name's short form too (上海闸北 for 闸北区), as for official names.
    for (const stem of stemsOf(name)) {
      if (stem !== normalizePlaceName(division.name) && !stemsOf(division.name).includes(stem)) {
        add(stem, { division, cost: COST_SHORT, short: true, ...context });
      }
    }
  }
  const longestFrom = new Map<string, number>();
  for (const name of byName.keys()) {
    const first = name[0]!;
    if ((longestFrom.get(first) ?? 0) < name.length) longestFrom.set(first, name.length);
  }
  index = { byName, longestFrom };
  return index;
}

interface Reading {
  readonly division: Division;
  readonly cost: number;
  readonly viaAlias: boolean;
}

/** Where reading got furthest without finishing, for the reason of an unresolved answer. */
interface Dead {
  at: number;
  after?: Division;
  /** A name found there that lies outside `after`. */
  outside?: { name: string; division: Division };
}

/**
 * Resolves one free-form place name.
 * @example resolveArea('凉山甘洛县') // { status: 'resolved', division: { code: '513435', fullName: '四川省凉山彝族自治州甘洛县', … } }
 * @example resolveArea('朝阳区').status // 'ambiguous' (北京市朝阳区, 吉林省长春市朝阳区)
 */
export function resolveArea(input: string): AreaResolution {
  const text = normalizePlaceName(input);
  if (text === '') return { status: 'unresolved', input, reason: { zh: '输入为空', en: 'the input is empty' } };
  if (text.length > MAX_NAME_CHARS) {
    return {
      status: 'unresolved',
      input,
      reason: {
        zh: `名称过长（${text.length} 个字符，最多 ${MAX_NAME_CHARS} 个）`,
        en: `the name is too long (${text.length} characters, at most ${MAX_NAME_CHARS})`,
      },
    };
  }
  let outcome = readPlaceName(text);
  if (outcome.readings.length === 0 && BRACKETED.test(input)) {
    // A note in brackets (`南山区（含前海）`) is not a place; official names with brackets were read above.
    const bare = normalizePlaceName(input.normalize('NFKC').replace(BRACKETED_GLOBAL, ''));
    const retry = bare === '' ? undefined : readPlaceName(bare);
    if (retry && retry.readings.length > 0) outcome = retry;
  }
  const { readings, best, dead } = outcome;
  const winners = new Map<string, Reading>();
  for (const reading of readings) {
    if (reading.cost !== best) continue;
    const known = winners.get(reading.division.code);
    if (!known || (known.viaAlias && !reading.viaAlias)) winners.set(reading.division.code, reading);
  }
  if (winners.size === 0) return { status: 'unresolved', input, reason: deadReason(text, dead) };
  const found = [...winners.values()];
  const outermost = found.filter((r) => !found.some((other) => isDescendant(r.division, other.division)));
  if (outermost.length === 1) {
    const [{ division, viaAlias }] = outermost as [Reading];
    return { status: 'resolved', input, division, ...(viaAlias ? { via: 'alias' as const } : {}) };
  }
  const candidates = outermost.map((r) => r.division).sort((a, b) => (a.code < b.code ? -1 : 1));
  return { status: 'ambiguous', input, candidates };
}

const BRACKETED = /[(（[［【][^()（）[\]［］【】]*[)）\]］】]/u;
const BRACKETED_GLOBAL = new RegExp(BRACKETED.source, 'gu');

/**
 * Words of NBS-style lists that stand for no place of their own (北京市市辖区朝阳区, 重庆市县城口县): skipped right after
 * a province-level division. `县` only after 重庆市, the one province whose placeholder it is.
 */
const PLACEHOLDERS: readonly (readonly [word: string, onlyAfter?: string])[] = [
  ['自治区直辖县级行政区划'],
  ['省直辖县级行政区划'],
  ['市辖区'],
  ['县', '500000'],
];

/** Every complete reading of `text` within the cheapest cost found, and where reading got furthest otherwise. */
function readPlaceName(text: string): { readings: Reading[]; best: number; dead: Dead } {
  const { byName, longestFrom } = nameIndex();
  const fillerFrom = fillerPositions(text);
  const readings: Reading[] = [];
  let best = Infinity;
  const dead: Dead = { at: -1 };

  const read = (at: number, after: Division | undefined, cost: number, viaAlias: boolean): void => {
    if (cost > best) return;
    if (at === text.length) {
      if (!after) return;
      best = cost;
      readings.push({ division: after, cost, viaAlias });
      return;
    }
    if (after && fillerFrom[at] && cost + COST_FILLER <= best) {
      // The rest may be a filler (全境) or a name (城区): both readings are kept, the name costs less.
      best = cost + COST_FILLER;
      readings.push({ division: after, cost: best, viaAlias });
    }
    if (at > dead.at) {
      dead.at = at;
      dead.after = after;
      dead.outside = undefined;
    }
    if (after?.level === 'province') {
      for (const [word, onlyAfter] of PLACEHOLDERS) {
        if ((onlyAfter === undefined || onlyAfter === after.code) && text.startsWith(word, at)) {
          read(at + word.length, after, cost, viaAlias);
        }
      }
    }
    const longest = Math.min(longestFrom.get(text[at]!) ?? 0, text.length - at);
    for (let length = longest; length >= 2; length--) {
      const name = text.slice(at, at + length);
      const entries = byName.get(name);
      if (!entries) continue;
      for (const entry of entries) {
        const { division } = entry;
        const next = at + length;
        const alias = viaAlias || entry.alias !== undefined;
        if (division === after) {
          // A province or prefecture named twice in full, as cascading pickers write it (北京市北京市朝阳区).
          if (!entry.short && (division.level === 'province' || division.level === 'prefecture')) {
            read(next, after, cost, alias);
          }
          continue;
        }
        if (entry.alias?.after) {
          if (!after || !entry.alias.after.has(after.code)) continue;
        } else if (after && !isDescendant(division, after)) {
          if (at === dead.at && !dead.outside) dead.outside = { name, division };
          continue;
        }
        let step = entry.cost;
        if (division.level === 'township') {
          if (!after && entry.short) step += COST_TOWNSHIP_ALONE;
          else if (after && after.code !== division.parent) step += COST_TOWNSHIP_SKIPPING;
        }
        read(next, division, cost + step, alias);
        if (entry.short) {
          for (const suffix of LOOSE_SUFFIXES[division.level]) {
            if (!text.startsWith(suffix, next)) continue;
            // The last part of the official suffix costs nothing (陵水县 for 陵水黎族自治县, 凉山州); another one does.
            const extra = division.name.endsWith(suffix) ? 0 : COST_LOOSE_SUFFIX;
            read(next + suffix.length, division, cost + step + extra, alias);
          }
        }
      }
    }
  };
  read(0, undefined, 0, false);
  return { readings, best, dead };
}

/** For each position, whether the rest of `text` from there is only {@link TRAILING_FILLERS}. */
function fillerPositions(text: string): boolean[] {
  const from: boolean[] = [];
  if (!/[全周辖境范带区城]/u.test(text)) return from;
  for (let at = 1; at < text.length; at++) from[at] = TRAILING_FILLERS.test(text.slice(at));
  return from;
}

function deadReason(text: string, dead: Dead): { zh: string; en: string } {
  const rest = text.slice(Math.max(dead.at, 0));
  if (dead.outside && dead.after) {
    const { name, division } = dead.outside;
    return {
      zh: `“${name}”（${division.fullName}）不在${dead.after.fullName}内`,
      en: `"${name}" (${division.fullName}) is not in ${dead.after.fullName}`,
    };
  }
  if (dead.after) {
    return {
      zh: `${dead.after.fullName}内没有名为“${rest}”的区划`,
      en: `no division named "${rest}" in ${dead.after.fullName}`,
    };
  }
  if (/^(?:中国)?(?:香港|澳门|台湾)/u.test(text)) {
    return {
      zh: '香港、澳门、台湾不在国家统计局的区划表中',
      en: 'Hong Kong, Macao and Taiwan are not in the NBS division table',
    };
  }
  return { zh: `没有名为“${rest}”的区划`, en: `no division is named "${rest}"` };
}
