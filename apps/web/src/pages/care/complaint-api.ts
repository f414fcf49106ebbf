/**
 * The complaint pages' API shapes (generated from the server's OpenAPI document) and their words. The words live
 * here as `{ zh, en }` pairs read with the i18n `pick`, beside the domain's own bilingual labels.
 */
import type { Schemas } from '../../api/client';

export type Complaint = Schemas['Complaint'];
export type ComplaintDetail = Schemas['ComplaintDetail'];
export type ComplaintTimer = Schemas['ComplaintTimer'];
export type ComplaintRateReport = Schemas['ComplaintRateReport'];
export type ComplaintStatus = Complaint['status'];
export type ComplaintSubject = Complaint['subjectType'];

type Text = { readonly zh: string; readonly en: string };

export const STATUS_TEXT: Readonly<Record<ComplaintStatus, Text>> = {
  open: { zh: '待受理', en: 'Open' },
  acknowledged: { zh: '已受理', en: 'Acknowledged' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已处理待确认', en: 'Resolved' },
  confirmed: { zh: '客户已确认', en: 'Confirmed' },
  reopened: { zh: '客户重新打开', en: 'Reopened' },
  closed: { zh: '已结案', en: 'Closed' },
};

export const STATUS_COLOURS: Readonly<Record<ComplaintStatus, string>> = {
  open: 'gold',
  acknowledged: 'blue',
  in_progress: 'processing',
  resolved: 'cyan',
  confirmed: 'green',
  reopened: 'volcano',
  closed: 'default',
};

export const SUBJECT_TEXT: Readonly<Record<ComplaintSubject, Text>> = {
  repair_order: { zh: '维修工单', en: 'Repair order' },
  technician: { zh: '维修师傅', en: 'Technician' },
  outlet: { zh: '服务网点', en: 'Outlet' },
  claim: { zh: '售后申请', en: 'Claim' },
};

export const CHANNEL_TEXT: Readonly<Record<Complaint['channel'], Text>> = {
  status_page: { zh: '工单状态页', en: 'Status page' },
  hotline: { zh: '客服热线', en: 'Hotline' },
  merchant: { zh: '商家', en: 'Merchant' },
};

export const EVENT_TEXT: Readonly<Record<string, Text>> = {
  file: { zh: '提交投诉', en: 'Filed' },
  acknowledge: { zh: '受理', en: 'Acknowledge' },
  start: { zh: '开始处理', en: 'Start work' },
  resolve: { zh: '提交处理结果', en: 'Resolve' },
  confirm: { zh: '客户确认', en: 'Customer confirmed' },
  reopen: { zh: '客户重新打开', en: 'Customer reopened' },
  close: { zh: '结案', en: 'Close' },
  escalate: { zh: '超时升级', en: 'Escalated' },
};

export const TIMER_TEXT: Readonly<Record<ComplaintTimer['kind'], Text>> = {
  acknowledge: { zh: '受理', en: 'Acknowledge' },
  resolve: { zh: '处理', en: 'Resolve' },
};

export const LEVEL_TEXT: Readonly<Record<string, Text>> = {
  outlet: { zh: '网点负责人', en: 'Outlet manager' },
  region: { zh: '区域负责人', en: 'Region' },
  brand: { zh: '品牌方', en: 'Brand' },
};

export const CONTACT_TEXT: Readonly<Record<string, Text>> = {
  call: { zh: '电话', en: 'Call' },
  message: { zh: '短信/消息', en: 'Message' },
  visit: { zh: '上门', en: 'Visit' },
};

export const W = {
  title: { zh: '投诉处理', en: 'Complaints' },
  subtitle: {
    zh: '受理时限默认 2 个工作小时；超时依次升级至网点负责人、区域负责人、品牌方',
    en: 'Acknowledge within 2 working hours by default; a breach escalates to the outlet manager, the region, then the brand',
  },
  openOnly: { zh: '未结', en: 'Open' },
  breachedOnly: { zh: '已超时', en: 'Breached' },
  all: { zh: '全部', en: 'All' },
  reload: { zh: '刷新', en: 'Reload' },
  file: { zh: '登记投诉', en: 'File a complaint' },
  empty: { zh: '暂无投诉', en: 'No complaints' },
  number: { zh: '编号', en: 'Number' },
  subject: { zh: '投诉对象', en: 'About' },
  channel: { zh: '渠道', en: 'Channel' },
  status: { zh: '状态', en: 'Status' },
  timers: { zh: '时限', en: 'SLA' },
  escalated: { zh: '已升级至', en: 'Escalated to' },
  filedAt: { zh: '提交时间', en: 'Filed' },
  subjectId: { zh: '对象编号（工单/师傅/网点/申请 ID）', en: 'Subject id (order, technician, outlet or claim)' },
  description: { zh: '投诉内容', en: 'What happened' },
  contactName: { zh: '客户姓名（选填）', en: 'Customer name (optional)' },
  contactPhone: { zh: '客户电话（选填）', en: 'Customer phone (optional)' },
  submit: { zh: '提交', en: 'Submit' },
  cancel: { zh: '取消', en: 'Cancel' },
  filed: { zh: '已登记，客户确认链接已生成', en: 'Filed; the customer’s confirm link was created' },
  linkOnce: {
    zh: '请将此链接发给客户（只显示一次）：',
    en: 'Send this link to the customer (shown once):',
  },
  detail: { zh: '投诉详情', en: 'Complaint' },
  actions: { zh: '处理操作', en: 'Actions' },
  resolution: { zh: '处理结果', en: 'Resolution' },
  upheld: { zh: '投诉成立', en: 'Upheld' },
  notUpheld: { zh: '投诉不成立', en: 'Not upheld' },
  note: { zh: '备注（选填）', en: 'Note (optional)' },
  contacts: { zh: '联系记录', en: 'Contacts log' },
  addContact: { zh: '记录联系', en: 'Record contact' },
  contactNotes: { zh: '沟通内容', en: 'Notes' },
  outbound: { zh: '呼出', en: 'Outbound' },
  inbound: { zh: '呼入', en: 'Inbound' },
  history: { zh: '处理记录', en: 'History' },
  escalations: { zh: '升级记录', en: 'Escalations' },
  none: { zh: '无', en: 'None' },
  contact: { zh: '客户', en: 'Customer' },
  weighsOn: { zh: '涉及网点 / 师傅', en: 'Outlet / technician' },
  reveal: { zh: '查看完整号码（留痕）', en: 'Show the full number (audited)' },
  merchantChannel: { zh: '商家转来', en: 'From the merchant' },
  repairOrder: { zh: '关联工单', en: 'Repair order' },
  reopenCount: { zh: '重开次数', en: 'Reopened' },
  met: { zh: '已达成', en: 'met' },
  left: { zh: '剩余', en: 'left' },
  overdue: { zh: '已超时', en: 'overdue' },
  notFound: { zh: '找不到这条投诉', en: 'Complaint not found' },
  rates: { zh: '投诉率（近 90 天，平滑）', en: 'Complaint rates (90 days, smoothed)' },
  orders: { zh: '工单', en: 'Orders' },
  complaints: { zh: '投诉', en: 'Complaints' },
  rate: { zh: '投诉率', en: 'Rate' },
  technicians: { zh: '师傅', en: 'Technicians' },
  outlets: { zh: '网点', en: 'Outlets' },
} as const;

/** `1 h 05 m` / `1小时5分` of a number of minutes. */
export function minutesText(minutes: number, lang: 'zh' | 'en'): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  if (lang === 'zh') return h > 0 ? `${h}小时${m % 60}分` : `${m}分钟`;
  return h > 0 ? `${h} h ${String(m % 60).padStart(2, '0')} m` : `${m} min`;
}
