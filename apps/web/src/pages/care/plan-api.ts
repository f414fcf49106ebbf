/**
 * The care-plan pages' API shapes (generated from the server's OpenAPI document: CarePlan, SerialRecord,
 * OrderCoverage, PlanReport) and their words as `{ zh, en }` pairs read with the i18n `pick`.
 */
import type { Schemas } from '../../api/client';
import { yuan } from '../../app/format';

type Text = { readonly zh: string; readonly en: string };

/** `¥1,299.00` */
export const money = (fen: number): string => `¥${yuan(fen)}`;

export type PlanTerms = Schemas['PlanTerms'];
export type PlanKind = PlanTerms['kind'];
export type CarePlan = Schemas['CarePlan'];
export type SerialPlan = Schemas['SerialPlan'];
export type SerialRecord = Schemas['SerialRecord'];
export type CoverageDecision = Schemas['CoverageDecision'];
export type CoverageLine = CoverageDecision['lines'][number];
export type Payer = CoverageLine['payer'];
export type OrderCoverage = Schemas['OrderCoverage'];
export type PlanReport = Schemas['PlanReport'];
export type ReportFigures = PlanReport['totals'];

export const KIND_TEXT: Readonly<Record<PlanKind, Text>> = {
  extended_warranty: { zh: '延长保修', en: 'Extended warranty' },
  accidental_damage: { zh: '意外损坏保障', en: 'Accidental damage' },
  after_sales_insurance: { zh: '售后保障险', en: 'After-sales insurance' },
};

export const PAYER_TEXT: Readonly<Record<Payer, Text>> = {
  customer: { zh: '客户自付', en: 'Customer pays' },
  first_inspection: { zh: '首次检测免费', en: 'First inspection free' },
  standard_warranty: { zh: '厂家保修', en: 'Standard warranty' },
  plan: { zh: '保障计划', en: 'Care plan' },
};

export const PAYER_COLOURS: Readonly<Record<Payer, string>> = {
  customer: 'orange',
  first_inspection: 'cyan',
  standard_warranty: 'green',
  plan: 'blue',
};

export const SALE_STATUS_TEXT: Readonly<Record<SerialPlan['status'], Text>> = {
  sold: { zh: '已售未激活', en: 'Sold, not active' },
  active: { zh: '生效中', en: 'Active' },
  cancelled: { zh: '已退保', en: 'Cancelled' },
};

/** The pages' words. */
export const W = {
  title: { zh: '保障计划与延保', en: 'Care plans and extended warranty' },
  plans: { zh: '保障计划', en: 'Plans' },
  serials: { zh: '序列号查询', en: 'Serial lookup' },
  report: { zh: '销售与赔付报表', en: 'Sales and claims report' },
  newPlan: { zh: '新建计划', en: 'New plan' },
  code: { zh: '代码', en: 'Code' },
  nameZh: { zh: '名称（中文）', en: 'Name (Chinese)' },
  nameEn: { zh: '名称（英文）', en: 'Name (English)' },
  kind: { zh: '类型', en: 'Kind' },
  price: { zh: '价格（元）', en: 'Price (¥)' },
  term: { zh: '期限（月）', en: 'Term (months)' },
  waiting: { zh: '等待期（天）', en: 'Waiting period (days)' },
  covers: { zh: '保障内容', en: 'Covers' },
  labour: { zh: '人工', en: 'Labour' },
  parts: { zh: '配件', en: 'Parts' },
  callOut: { zh: '上门费', en: 'Call-out' },
  accidental: { zh: '意外损坏', en: 'Accidental damage' },
  faults: { zh: '限定故障（空为全部）', en: 'Faults covered (empty: all)' },
  maxClaims: { zh: '每期理赔次数上限', en: 'Claims per term' },
  maxAmount: { zh: '每期保额（元）', en: 'Amount per term (¥)' },
  unlimited: { zh: '不限', en: 'Unlimited' },
  active: { zh: '在售', en: 'On sale' },
  withdrawn: { zh: '已停售', en: 'Withdrawn' },
  withdraw: { zh: '停售', en: 'Withdraw' },
  resume: { zh: '恢复销售', en: 'Resume' },
  create: { zh: '创建', en: 'Create' },
  created: { zh: '已创建', en: 'Created' },
  serial: { zh: '序列号', en: 'Serial number' },
  lookup: { zh: '查询', en: 'Look up' },
  notRegistered: { zh: '该序列号未登记，可在下方登记', en: 'This serial is not registered; register it below' },
  register: { zh: '登记 / 更正', en: 'Register / correct' },
  productLine: { zh: '产品线', en: 'Product line' },
  model: { zh: '型号', en: 'Model' },
  purchasedOn: { zh: '购买日期', en: 'Purchased on' },
  warrantyMonths: { zh: '保修月数', en: 'Warranty (months)' },
  warranty: { zh: '厂家保修', en: 'Standard warranty' },
  through: { zh: '至', en: 'through' },
  plansOnSerial: { zh: '已购保障', en: 'Plans on this serial' },
  sell: { zh: '售出计划', en: 'Sell a plan' },
  sellAndActivate: { zh: '售出并激活', en: 'Sell and activate' },
  activate: { zh: '激活', en: 'Activate' },
  cancel: { zh: '退保', en: 'Cancel' },
  cancelReason: { zh: '退保原因', en: 'Reason for cancelling' },
  termDates: { zh: '保障期', en: 'Term' },
  claimable: { zh: '可理赔自', en: 'Claims from' },
  claimsUsed: { zh: '已理赔', en: 'Claims paid' },
  refund: { zh: '退款', en: 'Refund' },
  status: { zh: '状态', en: 'Status' },
  from: { zh: '起', en: 'From' },
  to: { zh: '止', en: 'To' },
  sold: { zh: '售出', en: 'Sold' },
  cancelled: { zh: '退保', en: 'Cancelled' },
  revenue: { zh: '销售额', en: 'Revenue' },
  refunds: { zh: '退款', en: 'Refunds' },
  netRevenue: { zh: '净收入', en: 'Net revenue' },
  claims: { zh: '理赔次数', en: 'Claims' },
  claimsFen: { zh: '赔付金额', en: 'Paid out' },
  lossRatio: { zh: '赔付率', en: 'Loss ratio' },
  total: { zh: '合计', en: 'Total' },
  coverage: { zh: '费用与保障', en: 'Charges and coverage' },
  atIntake: { zh: '受理时判定', en: 'Decided at intake' },
  atCompletion: { zh: '完工结算', en: 'Settled at completion' },
  item: { zh: '项目', en: 'Item' },
  amount: { zh: '金额', en: 'Amount' },
  payer: { zh: '由谁支付', en: 'Paid by' },
  customerPays: { zh: '客户支付', en: 'Customer pays' },
  why: { zh: '原因', en: 'Why' },
  toQuote: { zh: '现场报价', en: 'Quoted on site' },
  planNotes: { zh: '保障计划判定', en: 'Care plans checked' },
  noCoverage: { zh: '此工单没有保障判定', en: 'No coverage decision for this order' },
} as const;
