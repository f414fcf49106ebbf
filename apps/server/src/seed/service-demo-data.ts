/**
 * The demo brand's service network, as data: 安途智能锁's regional outlets, whose coverage is the sample list of
 * service areas (../shared/data/service-areas/sample-service-areas.txt, the way a brand writes them) split by
 * province, technicians with skills, and today's repair orders in several states.
 */
import type { FaultCategory, Slot } from '@proofdesk/domain';

export const DEMO_PRODUCT_LINES = ['智能门锁', '智能猫眼'] as const;

export interface DemoOutlet {
  readonly key: string;
  readonly name: string;
  readonly address: string;
  readonly areaCode: string;
  readonly phones: readonly string[];
  /** Two-digit province codes whose sample areas this outlet covers. */
  readonly provinces: readonly string[];
}

export const DEMO_OUTLETS: readonly DemoOutlet[] = [
  {
    key: 'gz',
    name: '安途广州番禺服务网点',
    address: '广东省广州市番禺区市桥街道繁华路 18 号',
    areaCode: '440113',
    phones: ['020-84881234', '400-820-1688'],
    provinces: ['44', '45'],
  },
  {
    key: 'cd',
    name: '安途成都金牛服务网点',
    address: '四川省成都市金牛区一环路北三段 66 号',
    areaCode: '510106',
    phones: ['028-87651234'],
    provinces: ['50', '51', '52', '53', '54'],
  },
  {
    key: 'hk',
    name: '安途海口龙华服务网点',
    address: '海南省海口市龙华区滨海大道 105 号',
    areaCode: '460106',
    phones: ['0898-66781234'],
    provinces: ['46'],
  },
  {
    key: 'hz',
    name: '安途杭州余杭服务网点',
    address: '浙江省杭州市余杭区文一西路 998 号',
    areaCode: '330110',
    phones: ['0571-88761234'],
    provinces: ['31', '32', '33', '34', '35', '36'],
  },
  {
    key: 'wh',
    name: '安途武汉汉阳服务网点',
    address: '湖北省武汉市汉阳区龙阳大道 88 号',
    areaCode: '420105',
    phones: ['027-84561234'],
    provinces: ['41', '42', '43'],
  },
  {
    key: 'xa',
    name: '安途西安雁塔服务网点',
    address: '陕西省西安市雁塔区科技路 10 号',
    areaCode: '610113',
    phones: ['029-88321234'],
    provinces: ['14', '15', '61', '62', '63', '64', '65'],
  },
  {
    key: 'jn',
    name: '安途济南历下服务网点',
    address: '山东省济南市历下区经十路 12 号',
    areaCode: '370102',
    phones: ['0531-86121234'],
    provinces: ['11', '12', '13', '21', '22', '23', '37'],
  },
];

/** Service areas as a brand lists them (the sample list), one a line; the seed imports them outlet by outlet. */
export const DEMO_SERVICE_AREAS = `三沙市南沙区
三门峡市陕州区
东莞市万江街道
东营市垦利区
中山市坦洲镇
中山市西区街道
临夏临夏市
临汾市侯马市
临汾市浮山县
临高县博厚镇
临高县新盈镇
丹东市凤城市
丽水市缙云县
丽江市华坪县
乐山市峨边彝族自治县
九江市修水县
九江市湖口县
信阳市潢川县
儋州市中和镇
六安市裕安区
兰州市永登县
内蒙古乌海市海勃湾区
内蒙古巴彦淖尔市杭锦后旗
内蒙古赤峰市克什克腾旗
内蒙古阿拉善盟阿拉善左旗
凉山甘洛县
十堰市竹溪县
南充市蓬安县
南平市浦城县
南通市海门区
南阳市南召县
台州市椒江区
吉林市桦甸市
吉林市永吉县
咸阳市武功县
咸阳市永寿县
咸阳市渭城区
商洛市柞水县
四平市梨树县
大同市新荣区
大理巍山彝族回族自治县
天津市东丽区
天津市津南区
太原市杏花岭区
宁夏固原市隆德县
安康市宁陕县
安康市紫阳县
安阳市殷都区
定安县龙湖镇
宜昌市宜都市
宜昌市猇亭区
宝鸡市凤翔区
宝鸡市太白县
宝鸡市扶风县
宿州市泗县
宿迁市宿城区
屯昌县西昌镇
常德市武陵区
平顶山市卫东区
平顶山市郏县
广州市番禺区
广州市越秀区
广西南宁市西乡塘区
广西南宁市隆安县
广西崇左市江州区
广西桂林市秀峰区
广西桂林市雁山区
广西梧州市藤县
开封市顺河回族区
德宏傣族景颇族自治州瑞丽市
德州市平原县
德州市齐河县
德阳市绵竹市
成都市金牛区
文昌市重兴镇
昭通市巧家县
昭通市昭阳区
晋中市寿阳县
朝阳市双塔区
杭州市余杭区
杭州市建德市
株洲市荷塘区
楚雄大姚县
榆林市定边县
武威市民勤县
武汉市汉阳区
河源市和平县
泉州市南安市
泉州市惠安县
泉州市泉港区
泰州市高港区
洛阳市偃师区
济南市钢城区
海南贵南县
淄博市沂源县
淮北市相山区
淮安市金湖县
深圳市南山区
温州市瑞安市
温州市鹿城区
渭南市白水县
湘潭市韶山市
滁州市天长市
滁州市琅琊区
澄迈县加乐镇
烟台市莱州市
焦作市武陟县
甘南玛曲县
甘南迭部县
白山市抚松县
福州市平潭县
绥化市青冈县
肇庆市德庆县
荆门市东宝区
蚌埠市龙子湖区
衡阳市衡南县
衢州市开化县
襄阳市老河口市
赣州市寻乌县
遂宁市大英县
遵义市正安县
酒泉市金塔县
重庆市城口县
重庆市巴南区
重庆市涪陵区
铜陵市枞阳县
长治市长子县
阳泉市平定县
阳泉市盂县
阿坝藏族羌族自治州黑水县
随州市随县
青岛市即墨区
驻马店市驿城区
鸡西市密山市
鹤壁市淇县
鹤岗市兴山区
黄南泽库县
黄石市黄石港区
龙岩市漳平市`;

export interface DemoTechnician {
  readonly key: string;
  readonly name: string;
  readonly phone: string;
  readonly outlet: DemoOutlet['key'];
  readonly productLines: readonly (typeof DEMO_PRODUCT_LINES)[number][];
  /** Omitted: every fault category. */
  readonly faults?: readonly FaultCategory[];
  readonly rating: number;
  /** The demo technician user (tech@antu-demo.cn) works as this technician. */
  readonly user?: 'technician';
  /** Off today (the dispatch candidates leave them out, saying why). */
  readonly offToday?: boolean;
}

export const DEMO_TECHNICIANS: readonly DemoTechnician[] = [
  {
    key: 'sun',
    name: '孙师傅',
    phone: '13926001001',
    outlet: 'gz',
    productLines: ['智能门锁', '智能猫眼'],
    rating: 4.8,
    user: 'technician',
  },
  { key: 'huang', name: '黄师傅', phone: '13926001002', outlet: 'gz', productLines: ['智能门锁'], rating: 4.6 },
  {
    key: 'lin',
    name: '林师傅',
    phone: '13926001003',
    outlet: 'gz',
    productLines: ['智能门锁'],
    faults: ['battery_drained', 'forgotten_password', 'other'],
    rating: 4.2,
    offToday: true,
  },
  {
    key: 'luo',
    name: '罗师傅',
    phone: '13880002001',
    outlet: 'cd',
    productLines: ['智能门锁', '智能猫眼'],
    rating: 4.9,
  },
  { key: 'he', name: '何师傅', phone: '13880002002', outlet: 'cd', productLines: ['智能门锁'], rating: 4.4 },
  { key: 'fu', name: '符师傅', phone: '13907003001', outlet: 'hk', productLines: ['智能门锁'], rating: 4.7 },
  {
    key: 'qian',
    name: '钱师傅',
    phone: '13957004001',
    outlet: 'hz',
    productLines: ['智能门锁', '智能猫眼'],
    rating: 4.5,
  },
  { key: 'zhou', name: '周师傅', phone: '13907105001', outlet: 'wh', productLines: ['智能门锁'], rating: 4.3 },
  { key: 'ma', name: '马师傅', phone: '13909206001', outlet: 'xa', productLines: ['智能门锁'], rating: 4.6 },
  {
    key: 'gao',
    name: '高师傅',
    phone: '13905317001',
    outlet: 'jn',
    productLines: ['智能门锁', '智能猫眼'],
    rating: 4.5,
  },
];

/** Where a demo order gets to after intake. */
export type DemoOrderPlan =
  | 'reported'
  | 'assigned'
  | 'accepted'
  | 'on_the_way'
  | 'on_site'
  | 'completed'
  | 'closed'
  | 'needs_parts'
  | 'cancelled';

export interface DemoOrder {
  readonly customer: { readonly name: string; readonly phone: string; readonly address: string };
  /** Typed as a customer says it; the intake resolves it. */
  readonly areaText: string;
  readonly productLine: (typeof DEMO_PRODUCT_LINES)[number];
  readonly serial?: string;
  readonly fault: FaultCategory;
  readonly description: string;
  readonly slot: Slot;
  readonly channel: 'phone' | 'web';
  readonly technician?: DemoTechnician['key'];
  readonly plan: DemoOrderPlan;
}

/** Today's orders (booked for the seed's day in Asia/Shanghai). */
export const DEMO_ORDERS: readonly DemoOrder[] = [
  {
    customer: { name: '陈晓东', phone: '13711112222', address: '万江街道金鳌大道 28 号 3 栋 1201' },
    areaText: '东莞市万江街道',
    productLine: '智能门锁',
    serial: 'AT-S1-2405-00871',
    fault: 'fingerprint_not_recognised',
    description: '指纹识别经常失败，要按好几次才开',
    slot: 'afternoon',
    channel: 'phone',
    plan: 'reported',
  },
  {
    customer: { name: '梁美玲', phone: '13622223333', address: '坦洲镇界狮南路 66 号锦绣花园 5 座 702' },
    areaText: '中山市坦洲镇',
    productLine: '智能门锁',
    serial: 'AT-F2-2311-00342',
    fault: 'motor_jammed',
    description: '开门时电机一直响，锁舌收不回去',
    slot: 'afternoon',
    channel: 'phone',
    technician: 'sun',
    plan: 'assigned',
  },
  {
    customer: { name: '何志强', phone: '13533334444', address: '市桥街道环城中路 120 号 2 单元 301' },
    areaText: '广州市番禺区',
    productLine: '智能门锁',
    fault: 'battery_drained',
    description: '低电量报警后换了电池还是打不开',
    slot: 'morning',
    channel: 'web',
    technician: 'sun',
    plan: 'on_the_way',
  },
  {
    customer: { name: '吴静怡', phone: '13844445555', address: '粤海街道科苑南路 2666 号 B 座 1508' },
    areaText: '深圳市南山区',
    productLine: '智能门锁',
    serial: 'AT-S1-2402-00155',
    fault: 'door_wont_lock',
    description: '关门后自动上锁失效',
    slot: 'morning',
    channel: 'phone',
    technician: 'huang',
    plan: 'completed',
  },
  {
    customer: { name: '沙马拉且', phone: '18280556666', address: '新市坝镇团结街 12 号' },
    areaText: '凉山甘洛县',
    productLine: '智能门锁',
    fault: 'forgotten_password',
    description: '管理员密码忘了，需要重置',
    slot: 'morning',
    channel: 'phone',
    technician: 'luo',
    plan: 'closed',
  },
  {
    customer: { name: '杨丽华', phone: '15987667777', address: '南诏镇拱辰路 8 号' },
    areaText: '大理巍山彝族回族自治县',
    productLine: '智能门锁',
    fault: 'motor_jammed',
    description: '电机损坏，需要更换锁体',
    slot: 'afternoon',
    channel: 'phone',
    technician: 'he',
    plan: 'needs_parts',
  },
  {
    customer: { name: '王海生', phone: '13976778888', address: '博厚镇博厚墟 3 号' },
    areaText: '临高县博厚镇',
    productLine: '智能门锁',
    fault: 'other',
    description: '门锁面板松动，有异响',
    slot: 'evening',
    channel: 'web',
    plan: 'reported',
  },
  {
    customer: { name: '朱建平', phone: '13857889999', address: '余杭街道禹航路 500 号 9 幢' },
    areaText: '杭州市余杭区',
    productLine: '智能猫眼',
    fault: 'other',
    description: '猫眼屏幕不亮',
    slot: 'evening',
    channel: 'phone',
    technician: 'qian',
    plan: 'cancelled',
  },
  {
    customer: { name: '刘桂英', phone: '13907120000', address: '龙阳街道汉阳大道 140 号 6 栋' },
    areaText: '武汉市汉阳区',
    productLine: '智能门锁',
    fault: 'fingerprint_not_recognised',
    description: '家里老人指纹录不进去',
    slot: 'morning',
    channel: 'phone',
    technician: 'zhou',
    plan: 'accepted',
  },
];

/** The order whose response SLA breached: assigned on the previous working afternoon, never accepted. */
export const DEMO_BREACH = {
  customer: { name: '郑秀兰', phone: '13600001111', address: '北京街道北京路 238 号 4 楼' },
  areaText: '广州市越秀区',
  productLine: '智能门锁',
  fault: 'battery_drained',
  description: '换了新电池还是没反应，家里老人进不了门',
  slot: 'morning',
  technician: 'huang',
} as const satisfies Omit<DemoOrder, 'plan' | 'channel'> & { readonly technician: DemoTechnician['key'] };

/** Serials the brand registered at sale, so intake reads the warranty (months ago = the purchase, from today). */
export const DEMO_SERIALS: readonly {
  readonly serial: string;
  readonly productLine: (typeof DEMO_PRODUCT_LINES)[number];
  readonly model: string;
  readonly monthsAgo: number;
  readonly warrantyMonths: number;
}[] = [
  { serial: 'AT-S1-2405-00871', productLine: '智能门锁', model: 'AT-S1', monthsAgo: 8, warrantyMonths: 24 },
  { serial: 'AT-F2-2311-00342', productLine: '智能门锁', model: 'AT-F2', monthsAgo: 30, warrantyMonths: 24 },
  { serial: 'AT-S1-2402-00155', productLine: '智能门锁', model: 'AT-S1', monthsAgo: 14, warrantyMonths: 24 },
];
