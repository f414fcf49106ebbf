/**
 * Place-name text rules for the resolver: normalising what people type, and the short forms (stems) of official
 * names that people write instead: `凉山彝族自治州` → `凉山`, `广西壮族自治区` → `广西`, `甘洛县` → `甘洛`,
 * `毛阳镇` → `毛阳`, `顺河回族区` → `顺河`.
 */

/** China's 55 minority nationalities as they appear before 族 in the names of autonomous areas. */
const NATIONALITIES = [
  '蒙古',
  '回',
  '藏',
  '维吾尔',
  '苗',
  '彝',
  '壮',
  '布依',
  '朝鲜',
  '满',
  '侗',
  '瑶',
  '白',
  '土家',
  '哈尼',
  '哈萨克',
  '傣',
  '黎',
  '傈僳',
  '佤',
  '畲',
  '高山',
  '拉祜',
  '水',
  '东乡',
  '纳西',
  '景颇',
  '柯尔克孜',
  '土',
  '达斡尔',
  '仫佬',
  '羌',
  '布朗',
  '撒拉',
  '毛南',
  '仡佬',
  '锡伯',
  '阿昌',
  '普米',
  '塔吉克',
  '怒',
  '乌孜别克',
  '俄罗斯',
  '鄂温克',
  '德昂',
  '保安',
  '裕固',
  '京',
  '塔塔尔',
  '独龙',
  '鄂伦春',
  '赫哲',
  '门巴',
  '珞巴',
  '基诺',
  '各',
];
// Longest first so 蒙古族 is not read as 古族 after 蒙.
const NATIONALITY_LIST = [...NATIONALITIES].sort((a, b) => b.length - a.length).join('|');
const NATIONALITY = `(?:${NATIONALITY_LIST})族`;
/**
 * Before 自治区/州/县/旗 a nationality may come without 族 (新疆维吾尔自治区, 巴音郭楞蒙古自治州, 伊犁哈萨克自治州,
 * 察布查尔锡伯自治县): accepted there only, and only for names of two or more characters.
 */
const BARE_NATIONALITY = `(?:${NATIONALITIES.filter((n) => n.length >= 2)
  .sort((a, b) => b.length - a.length)
  .join('|')})`;

/**
 * Administrative suffixes, longest first. A stem is an official name without one of these (and without the
 * nationalities before 自治…/族乡), at least two characters long.
 */
const SUFFIXES = [
  '特别行政区',
  '街道办事处',
  '自治区',
  '自治州',
  '自治县',
  '自治旗',
  '民族乡',
  '民族镇',
  '办事处',
  '街道',
  '地区',
  '特区',
  '新区',
  '苏木',
  '省',
  '市',
  '州',
  '盟',
  '县',
  '区',
  '旗',
  '镇',
  '乡',
];
const NATIONALITY_AT_END = new RegExp(`${NATIONALITY}$`, 'u');
const ANY_NATIONALITY_AT_END = new RegExp(`(?:${NATIONALITY}|${BARE_NATIONALITY})$`, 'u');
const AUTONOMY_SUFFIXES = new Set(['自治区', '自治州', '自治县', '自治旗']);
const ETHNIC_SUFFIXES = new Set(['民族乡', '民族镇', '乡', '镇', '区', '县']);

/**
 * Suffixes a writer may put after a short name even when the official one differs (`海门市` for 海门区 after the
 * 2020 change, `凉山州` for 凉山彝族自治州, `万江街道办` for 万江街道), by level — a county is never written with
 * 镇, a township never with 县: accepted after a stem, at a cost unless the official name ends so, longest first.
 */
export const LOOSE_SUFFIXES: Readonly<Record<'province' | 'prefecture' | 'county' | 'township', readonly string[]>> = {
  province: ['自治区', '省', '市'],
  prefecture: ['自治州', '地区', '市', '州', '盟'],
  county: ['自治县', '自治旗', '新区', '县', '区', '市', '旗'],
  township: ['街道办事处', '街道办', '办事处', '街道', '街办', '地区', '苏木', '镇', '乡'],
};

/**
 * Words after a place name that add nothing (`坦洲镇（全镇）`, `番禺区全境`): the resolver accepts them as the whole
 * rest of the input after a division, never inside a name (万全区, 天全县 are names).
 */
export const TRAILING_FILLERS =
  /^(?:及周边|周边地区|周边|全境|全域|全市|全区|全县|全镇|全乡|全旗|辖区|境内|范围内|一带|市区|城区|县城)+$/u;

/**
 * What the resolver compares: NFKC (full-width letters and digits to half-width), without white space, punctuation
 * or symbols.
 * @example normalizePlaceName(' 广西 桂林市·秀峰区（全境） ') // '广西桂林市秀峰区全境'
 */
export function normalizePlaceName(input: string): string {
  return input.normalize('NFKC').replace(/[\s\p{P}\p{S}]+/gu, '');
}

/**
 * The short forms of an official name: without its administrative suffix and, for autonomous areas and ethnic
 * townships, also without the nationalities (the bare form first). Each at least two characters; [] when none.
 * @example stemsOf('新疆维吾尔自治区') // ['新疆', '新疆维吾尔']
 * @example stemsOf('甘洛县') // ['甘洛']
 * @example stemsOf('郏县') // []
 */
export function stemsOf(name: string): string[] {
  const suffix = SUFFIXES.find((s) => name.length - s.length >= 2 && name.endsWith(s));
  if (suffix === undefined) return [];
  const base = name.slice(0, -suffix.length);
  let bare = base;
  const nationality = AUTONOMY_SUFFIXES.has(suffix)
    ? ANY_NATIONALITY_AT_END
    : ETHNIC_SUFFIXES.has(suffix)
      ? NATIONALITY_AT_END
      : undefined;
  if (nationality) {
    for (let match = nationality.exec(bare); match; match = nationality.exec(bare)) {
      if (bare.length - match[0].length < 2) break;
      bare = bare.slice(0, -match[0].length);
    }
  }
  // A name that is a nationality alone (鄂温克族自治旗): also without 族 (鄂温克旗).
  if (bare.endsWith('族') && NATIONALITY_AT_END.exec(bare)?.[0] === bare && bare.length >= 3) {
    return [bare.slice(0, -1), bare];
  }
  return bare === base ? [base] : [bare, base];
}

/** Long forms of development-zone names and how people shorten them (成都高新技术产业开发区 → 成都高新区). */
const ZONE_ABBREVIATIONS: readonly (readonly [RegExp, string])[] = [
  [/(?:高新技术产业开发区|高新技术开发区|高技术产业开发区|新技术产业开发区|新技术开发区)$/u, '高新区'],
  [/(?:经济技术开发区|经济开发区)$/u, '经开区'],
];
/** Names of development zones, new areas and the like, which {@link zoneNamesOf} gives other names. */
export const ZONE = /开发区|园区|新区|管理区|示范区|试验区/u;

/**
 * Other names of a development zone, new area or management area (county or township level): without the names of
 * the places above it that it starts with (`河北唐山芦台经济开发区` → `芦台经济开发区`), and with the long forms
 * shortened (`高新区`, `经开区`). `prefixes` are those places' names and short forms. [] for other names.
 * @example zoneNamesOf('成都高新技术产业开发区', ['四川省', '四川', '成都市', '成都']) // ['成都高新区', '高新技术产业开发区', '高新区']
 */
export function zoneNamesOf(name: string, prefixes: readonly string[]): string[] {
  if (!ZONE.test(name)) return [];
  const bases = [name];
  const longestFirst = [...prefixes].sort((a, b) => b.length - a.length);
  for (let rest = name, found = true; found;) {
    found = false;
    for (const prefix of longestFirst) {
      if (rest.length - prefix.length >= 3 && rest.startsWith(prefix)) {
        rest = rest.slice(prefix.length);
        bases.push(rest);
        found = true;
        break;
      }
    }
  }
  const names = new Set<string>();
  for (const base of bases) {
    names.add(base);
    for (const [long, short] of ZONE_ABBREVIATIONS) if (long.test(base)) names.add(base.replace(long, short));
  }
  names.delete(name);
  return [...names].filter((n) => n.length >= 2);
}
