/**
 * Names the NBS table does not hold, or holds under another name or parent, and short names whose everyday meaning
 * the table alone cannot tell. Hand-kept: how to add one is in docs/areas.md. Every entry is checked by
 * `aliases.test.ts` (the code exists; the alias is needed or documents a short form the issue names).
 */
export interface AreaAlias {
  /** What people write (normalised as the resolver does: no spaces or punctuation). */
  readonly name: string;
  /** The division it means: a code in the table. */
  readonly code: string;
  /**
   * The alias only counts right after one of these divisions (an old parent, or the place whose part it names):
   * `南沙区` means 南沙群岛 only after 三沙市 or 海南省; elsewhere it is Guangzhou's district.
   */
  readonly after?: readonly string[];
  /** Why: what changed and when, or which reading it picks. */
  readonly note: string;
}

export const AREA_ALIASES: readonly AreaAlias[] = [
  // 三沙市 (2012) set up 西沙区 and 南沙区 in 2020; NBS 2023 still lists the island groups as its county-level units.
  { name: '南沙区', code: '460322', after: ['460300', '460000'], note: '三沙市南沙区 (2020) = NBS 南沙群岛' },
  { name: '西沙区', code: '460321', after: ['460300', '460000'], note: '三沙市西沙区 (2020) = NBS 西沙群岛' },

  // Short forms the issue names; the suffix rules derive them too, listed so the table says what they mean.
  { name: '内蒙古', code: '150000', note: '内蒙古自治区' },
  { name: '内蒙', code: '150000', note: '内蒙古自治区, colloquial' },
  { name: '广西', code: '450000', note: '广西壮族自治区' },
  { name: '新疆', code: '650000', note: '新疆维吾尔自治区' },
  { name: '宁夏', code: '640000', note: '宁夏回族自治区' },
  { name: '西藏', code: '540000', note: '西藏自治区' },
  { name: '凉山', code: '513400', note: '凉山彝族自治州' },
  { name: '延边', code: '222400', note: '延边朝鲜族自治州' },
  // 林区 is no suffix the rules drop (万柏林区 is 万柏林, not 万柏): its one 林区 gets its short name here.
  { name: '神农架', code: '429021', note: '神农架林区' },
  // A prefecture's short name that is also the short name of its own seat: the prefecture (the seat is written in
  // full, 恩施市, 大理市). The resolver would pick the enclosing one anyway; the entries say so explicitly.
  { name: '恩施', code: '422800', note: '恩施土家族苗族自治州, not 恩施市' },
  { name: '大理', code: '532900', note: '大理白族自治州, not 大理市' },
  { name: '楚雄', code: '532300', note: '楚雄彝族自治州, not 楚雄市' },
  { name: '临夏', code: '622900', note: '临夏回族自治州, not 临夏市 or 临夏县' },

  // Short names shared with districts in other provinces: the province or prefecture people mean by them. A district
  // elsewhere is written in full (天津市河北区, 大连市中山区, 辽源市西安区) or after its city.
  { name: '河北', code: '130000', note: '河北省, not 天津市河北区' },
  { name: '河南', code: '410000', note: '河南省, not 河南蒙古族自治县' },
  { name: '海南', code: '460000', note: '海南省, not 海南藏族自治州 or 乌海市海南区' },
  { name: '西安', code: '610100', note: '西安市, not 辽源市 / 牡丹江市 西安区' },
  { name: '中山', code: '442000', note: '中山市, not 大连市中山区' },
  { name: '大同', code: '140200', note: '大同市, not 大庆市大同区' },

  // Everyday names of development zones the suffix rules cannot derive.
  { name: '园区', code: '320576', after: ['320500'], note: '苏州园区 = 苏州工业园区' },

  // Renamed or merged after people learnt the old name (brands' lists keep old names for years).
  { name: '襄樊', code: '420600', note: '襄樊市 renamed 襄阳市 in 2010' },
  { name: '思茅', code: '530800', note: '思茅市 renamed 普洱市 in 2007' },
  { name: '莱芜市', code: '370116', note: '莱芜市 merged into 济南市 in 2019: its 莱城区 is now 莱芜区' },
  { name: '莱城区', code: '370116', note: '莱芜市莱城区 became 济南市莱芜区 in 2019' },
  { name: '钢城区', code: '370117', after: ['370116'], note: '莱芜市钢城区 became 济南市钢城区 in 2019' },
  { name: '陕县', code: '411203', note: '三门峡市陕县 became 陕州区 in 2015' },
  { name: '枞阳县', code: '340722', after: ['340800'], note: '枞阳县 moved from 安庆市 to 铜陵市 in 2015' },
  { name: '郫县', code: '510117', note: '成都市郫县 became 郫都区 in 2016' },
  { name: '户县', code: '610118', note: '西安市户县 became 鄠邑区 in 2016' },
  { name: '闸北区', code: '310106', after: ['310000'], note: '上海市闸北区 merged into 静安区 in 2015' },
  { name: '卢湾区', code: '310101', after: ['310000'], note: '上海市卢湾区 merged into 黄浦区 in 2011' },
  { name: '南汇区', code: '310115', after: ['310000'], note: '上海市南汇区 merged into 浦东新区 in 2009' },
  { name: '崇文区', code: '110101', after: ['110000'], note: '北京市崇文区 merged into 东城区 in 2010' },
  { name: '宣武区', code: '110102', after: ['110000'], note: '北京市宣武区 merged into 西城区 in 2010' },
  { name: '塘沽区', code: '120116', after: ['120000'], note: '天津市塘沽区 merged into 滨海新区 in 2009' },
  { name: '汉沽区', code: '120116', after: ['120000'], note: '天津市汉沽区 merged into 滨海新区 in 2009' },
  { name: '大港区', code: '120116', after: ['120000'], note: '天津市大港区 merged into 滨海新区 in 2009' },
  { name: '萝岗区', code: '440112', after: ['440100'], note: '广州市萝岗区 merged into 黄埔区 in 2014' },
  { name: '万盛区', code: '500110', after: ['500000'], note: '重庆市万盛区 merged into 綦江区 in 2011' },
  { name: '双桥区', code: '500111', after: ['500000'], note: '重庆市双桥区 merged into 大足区 in 2011' },
  { name: '下关区', code: '320106', after: ['320100'], note: '南京市下关区 merged into 鼓楼区 in 2013' },
  { name: '白下区', code: '320104', after: ['320100'], note: '南京市白下区 merged into 秦淮区 in 2013' },
  { name: '平江区', code: '320508', after: ['320500'], note: '苏州市平江区 merged into 姑苏区 in 2012' },
  { name: '沧浪区', code: '320508', after: ['320500'], note: '苏州市沧浪区 merged into 姑苏区 in 2012' },
  { name: '金阊区', code: '320508', after: ['320500'], note: '苏州市金阊区 merged into 姑苏区 in 2012' },
  { name: '江东区', code: '330212', after: ['330200'], note: '宁波市江东区 merged into 鄞州区 in 2016' },
  { name: '下城区', code: '330105', after: ['330100'], note: '杭州市下城区 merged into 拱墅区 in 2021' },
];
