/**
 * The demo workspace, as data: a smart-lock brand's shop (zh-CN) with three products, twelve orders on four
 * platforms and twelve claims — genuine ones, listing photos with painted damage, an AIGC-labelled picture, a
 * screenshot, a C2PA-signed AI image and a photo reused across claims — and what people did with them afterwards.
 * Photos are in `apps/server/demo/photos/` (see its manifest.json).
 */
import type { ClaimType, Role } from '@proofdesk/domain';

export const DEMO_WORKSPACE = { slug: 'antu-locks', name: '安途智能锁官方旗舰店' } as const;

export interface DemoUser {
  readonly key: 'admin' | 'agent' | 'reviewer' | 'dispatcher' | 'technician';
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
}

export const DEMO_USERS: readonly DemoUser[] = [
  { key: 'admin', email: 'admin@antu-demo.cn', displayName: '陈管理（管理员）', roles: ['admin'] },
  { key: 'agent', email: 'agent@antu-demo.cn', displayName: '李客服（售后专员）', roles: ['agent'] },
  { key: 'reviewer', email: 'reviewer@antu-demo.cn', displayName: '周审核（审核员）', roles: ['reviewer'] },
  { key: 'dispatcher', email: 'dispatch@antu-demo.cn', displayName: '赵调度（派单员）', roles: ['dispatcher'] },
  { key: 'technician', email: 'tech@antu-demo.cn', displayName: '孙师傅（维修技师）', roles: ['technician'] },
];

export interface DemoProduct {
  readonly sku: string;
  readonly name: string;
  readonly listingPhoto: string;
  readonly priceFen: number;
}

export const DEMO_PRODUCTS: readonly DemoProduct[] = [
  { sku: 'AT-S1', name: '安途 S1 指纹密码智能门锁', listingPhoto: 'listing-at-s1.jpg', priceFen: 129_900 },
  { sku: 'AT-F2', name: '安途 F2 3D人脸识别智能门锁', listingPhoto: 'listing-at-f2.jpg', priceFen: 259_900 },
  { sku: 'AT-K1', name: '安途 K1 指纹锁（木门款）', listingPhoto: 'listing-at-k1.jpg', priceFen: 89_900 },
];

/** What happens to a claim after its evidence is analysed. */
export type DemoFollowUp =
  | { readonly kind: 'none' }
  | { readonly kind: 'merchant_respond'; readonly statement: string; readonly counterPhoto?: string }
  | { readonly kind: 'merchant_accept' }
  | { readonly kind: 'reject'; readonly reasonCode: string; readonly note: string }
  | {
      readonly kind: 'reject_then_appeal';
      readonly reasonCode: string;
      readonly note: string;
      readonly appeal: string;
    };

export interface DemoClaim {
  readonly platform: 'taobao' | 'jd' | 'pdd' | 'douyin';
  readonly platformOrderId: string;
  readonly sku: string;
  readonly buyer: {
    readonly accountId: string;
    readonly name: string;
    readonly phone: string;
    readonly address: string;
  };
  readonly type: ClaimType;
  readonly reason: string;
  readonly amountFen: number;
  readonly evidence: readonly string[];
  readonly packingPhoto?: string;
  readonly followUp: DemoFollowUp;
}

const RECIPIENTS = [
  { name: '王建国', phone: '13800138001', address: '浙江省杭州市西湖区文三路 90 号 2 单元 501' },
  { name: '刘芳', phone: '13912345678', address: '广东省深圳市南山区科技园南区 T3 栋 12 楼' },
  { name: '张伟', phone: '18611112222', address: '北京市朝阳区望京西园三区 305 号楼 1808' },
  { name: '陈静', phone: '15088886666', address: '四川省成都市高新区天府三街 199 号 6 栋' },
  { name: '杨洋', phone: '17723456789', address: '湖北省武汉市洪山区珞喻路 1037 号' },
  { name: '赵敏', phone: '13655554444', address: '江苏省南京市鼓楼区中山北路 30 号' },
] as const;

const buyer = (i: number, accountId: string) => ({ accountId, ...RECIPIENTS[i % RECIPIENTS.length]! });

/** Orders are delivered on this day; the demo's genuine photos are dated after it. */
export const DEMO_DELIVERED_AT = '2026-11-16T10:00:00+08:00';
export const DEMO_SHIPPED_AT = '2026-11-14T18:30:00+08:00';
export const DEMO_ORDERED_AT = '2026-11-13T21:05:00+08:00';

export const DEMO_CLAIMS: readonly DemoClaim[] = [
  {
    platform: 'taobao',
    platformOrderId: '3921847566120391',
    sku: 'AT-S1',
    buyer: buyer(0, 'tb_wangjg_88'),
    type: 'refund_only',
    reason: '收到货时键盘玻璃面板碎裂，无法使用，申请仅退款',
    amountFen: 129_900,
    evidence: ['evidence-forged-1-shattered_glass.jpg'],
    packingPhoto: 'packing-at-s1.jpg',
    followUp: { kind: 'none' },
  },
  {
    platform: 'jd',
    platformOrderId: 'JD289114503372',
    sku: 'AT-S1',
    buyer: buyer(1, 'jd_liufang'),
    type: 'return_refund',
    reason: '锁体侧面有明显裂纹，要求退货退款',
    amountFen: 129_900,
    evidence: ['evidence-forged-2-crack.jpg'],
    followUp: { kind: 'none' },
  },
  {
    platform: 'pdd',
    platformOrderId: '261122-480912763541',
    sku: 'AT-F2',
    buyer: buyer(2, 'pdd_zw_2024'),
    type: 'exchange',
    reason: '面板凹陷变形，要求换新',
    amountFen: 259_900,
    evidence: ['evidence-forged-3-dent.jpg'],
    packingPhoto: 'packing-at-f2.jpg',
    followUp: {
      kind: 'merchant_respond',
      statement: '该订单出库前拍摄了打包照片，面板完好；买家照片与我店主图高度一致且局部被修改，请审核。',
      counterPhoto: 'packing-at-f2.jpg',
    },
  },
  {
    platform: 'douyin',
    platformOrderId: 'DY7712034598812',
    sku: 'AT-K1',
    buyer: buyer(3, 'dy_chenjing'),
    type: 'refund_only',
    reason: '外壳有大片污渍，擦不掉',
    amountFen: 89_900,
    evidence: ['evidence-forged-4-stain.jpg'],
    followUp: {
      kind: 'reject',
      reasonCode: 'evidence_forged',
      note: '证据照片由商品主图修改而来（污渍为后期添加），驳回。',
    },
  },
  {
    platform: 'taobao',
    platformOrderId: '3921847566120877',
    sku: 'AT-S1',
    buyer: buyer(4, 'tb_yangyang'),
    type: 'refund_only',
    reason: '赠送的电池漏液，申请补偿',
    amountFen: 3_000,
    evidence: ['evidence-camera-3.jpg'],
    followUp: { kind: 'none' },
  },
  {
    platform: 'jd',
    platformOrderId: 'JD289114509981',
    sku: 'AT-F2',
    buyer: buyer(5, 'jd_zhaomin'),
    type: 'return_refund',
    reason: '人脸识别无法录入，多次重置无效',
    amountFen: 259_900,
    evidence: ['evidence-camera-2.jpg'],
    followUp: { kind: 'none' },
  },
  {
    platform: 'taobao',
    platformOrderId: '3921847566121004',
    sku: 'AT-K1',
    buyer: buyer(0, 'tb_wangjg_88'),
    type: 'repair',
    reason: '指纹识别时灵时不灵，申请报销更换指纹模块的上门费',
    amountFen: 4_500,
    evidence: ['evidence-camera-4.jpg'],
    followUp: { kind: 'none' },
  },
  {
    platform: 'pdd',
    platformOrderId: '261122-480912769900',
    sku: 'AT-S1',
    buyer: buyer(1, 'pdd_lf_77'),
    type: 'exchange',
    reason: '把手安装后松动',
    amountFen: 129_900,
    evidence: ['evidence-camera-1.jpg'],
    followUp: { kind: 'merchant_accept' },
  },
  {
    platform: 'douyin',
    platformOrderId: 'DY7712034601234',
    sku: 'AT-F2',
    buyer: buyer(3, 'dy_chenjing'),
    type: 'refund_only',
    reason: '门锁外观划伤严重',
    amountFen: 259_900,
    evidence: ['evidence-aigc-labelled.jpg'],
    followUp: { kind: 'none' },
  },
  {
    platform: 'taobao',
    platformOrderId: '3921847566122210',
    sku: 'AT-K1',
    buyer: buyer(2, 'tb_zhangwei'),
    type: 'refund_only',
    reason: '收到的是旧货，见截图',
    amountFen: 89_900,
    evidence: ['evidence-screenshot.png'],
    followUp: { kind: 'none' },
  },
  {
    platform: 'jd',
    platformOrderId: 'JD289114512345',
    sku: 'AT-S1',
    buyer: buyer(4, 'jd_yangy'),
    type: 'return_refund',
    reason: '包装破损，锁面板摔坏',
    amountFen: 129_900,
    evidence: ['evidence-firefly-c2pa.jpg'],
    followUp: {
      kind: 'reject_then_appeal',
      reasonCode: 'ai_generated',
      note: '照片带有 C2PA 内容凭证，显示由 Adobe Firefly 生成。',
      appeal: '照片是我本人拍的，只是用修图软件调了亮度，请重新审核。',
    },
  },
  {
    platform: 'douyin',
    platformOrderId: 'DY7712034609876',
    sku: 'AT-S1',
    buyer: buyer(5, 'dy_zm_520'),
    type: 'refund_only',
    reason: '把手松动无法开门',
    amountFen: 129_900,
    evidence: ['evidence-camera-1.jpg'],
    followUp: { kind: 'none' },
  },
];
