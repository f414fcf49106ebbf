import { DomainError } from '../errors.js';

/**
 * Complaints (issue 8): what a complaint is about, how it came in, and its status machine as a transition table
 * (the same pattern as claims and repair orders: `nextComplaintStatus` is the only way through).
 */
export const COMPLAINT_SUBJECTS = ['repair_order', 'technician', 'outlet', 'claim'] as const;
export type ComplaintSubject = (typeof COMPLAINT_SUBJECTS)[number];

/** status_page: the customer through their repair status link; hotline: an agent on the phone; merchant: a merchant. */
export const COMPLAINT_CHANNELS = ['status_page', 'hotline', 'merchant'] as const;
export type ComplaintChannel = (typeof COMPLAINT_CHANNELS)[number];

export const COMPLAINT_STATUSES = [
  'open',
  'acknowledged',
  'in_progress',
  'resolved',
  'confirmed',
  'reopened',
  'closed',
] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];

export const COMPLAINT_EVENTS = [
  /** Staff acknowledge the complaint to the customer. Meets the acknowledge SLA. */
  'acknowledge',
  /** Staff start working on it (a visit, a call-back, a refund in progress). */
  'start',
  /** Staff record the resolution. Meets the resolve SLA; the customer is asked to confirm or reopen. */
  'resolve',
  /** The customer confirms the resolution. */
  'confirm',
  /** The customer is not satisfied: the complaint opens again and both SLA timers start over. */
  'reopen',
  /** Staff close it (confirmed, or resolved and the customer never answered). */
  'close',
] as const;
export type ComplaintEvent = (typeof COMPLAINT_EVENTS)[number];

/**
 * open → acknowledged → in_progress → resolved → confirmed → closed; resolved → reopened → acknowledged → …;
 * resolved may also be closed by staff when the customer does not answer.
 */
export const COMPLAINT_TRANSITIONS: Readonly<
  Record<ComplaintEvent, { from: readonly ComplaintStatus[]; to: ComplaintStatus }>
> = {
  acknowledge: { from: ['open', 'reopened'], to: 'acknowledged' },
  start: { from: ['acknowledged'], to: 'in_progress' },
  resolve: { from: ['acknowledged', 'in_progress'], to: 'resolved' },
  confirm: { from: ['resolved'], to: 'confirmed' },
  reopen: { from: ['resolved', 'confirmed'], to: 'reopened' },
  close: { from: ['resolved', 'confirmed'], to: 'closed' },
};

/** Events only the customer (through their link) or a staff member on their behalf may cause. */
export const CUSTOMER_COMPLAINT_EVENTS: readonly ComplaintEvent[] = ['confirm', 'reopen'];

export const TERMINAL_COMPLAINT_STATUSES: readonly ComplaintStatus[] = ['closed'];

export function canApplyComplaintEvent(status: ComplaintStatus, event: ComplaintEvent): boolean {
  return COMPLAINT_TRANSITIONS[event].from.includes(status);
}

/**
 * The status after `event`.
 * @throws {DomainError} `invalid_state` (HTTP 409) when the table has no such transition
 */
export function nextComplaintStatus(status: ComplaintStatus, event: ComplaintEvent): ComplaintStatus {
  if (!canApplyComplaintEvent(status, event)) {
    const from = COMPLAINT_STATUS_LABELS[status];
    const action = COMPLAINT_EVENT_LABELS[event];
    throw new DomainError(
      'invalid_state',
      {
        zh: `投诉当前状态为「${from.zh}」，不能执行「${action.zh}」`,
        en: `The complaint is ${status}; "${event}" is not allowed in that state`,
      },
      { what: 'complaint', from: status, action: event },
    );
  }
  return COMPLAINT_TRANSITIONS[event].to;
}

/** The events allowed from `status`, in table order (the console's buttons). */
export function complaintEventsFrom(status: ComplaintStatus): ComplaintEvent[] {
  return COMPLAINT_EVENTS.filter((event) => canApplyComplaintEvent(status, event));
}

export function isComplaintStatus(value: string): value is ComplaintStatus {
  return (COMPLAINT_STATUSES as readonly string[]).includes(value);
}

export const COMPLAINT_STATUS_LABELS: Readonly<Record<ComplaintStatus, { zh: string; en: string }>> = {
  open: { zh: '待受理', en: 'Open' },
  acknowledged: { zh: '已受理', en: 'Acknowledged' },
  in_progress: { zh: '处理中', en: 'In progress' },
  resolved: { zh: '已处理待确认', en: 'Resolved' },
  confirmed: { zh: '客户已确认', en: 'Confirmed' },
  reopened: { zh: '客户重新打开', en: 'Reopened' },
  closed: { zh: '已结案', en: 'Closed' },
};

export const COMPLAINT_EVENT_LABELS: Readonly<Record<ComplaintEvent, { zh: string; en: string }>> = {
  acknowledge: { zh: '受理', en: 'Acknowledge' },
  start: { zh: '开始处理', en: 'Start work' },
  resolve: { zh: '提交处理结果', en: 'Resolve' },
  confirm: { zh: '确认已解决', en: 'Confirm' },
  reopen: { zh: '未解决，重新打开', en: 'Reopen' },
  close: { zh: '结案', en: 'Close' },
};

export const COMPLAINT_SUBJECT_LABELS: Readonly<Record<ComplaintSubject, { zh: string; en: string }>> = {
  repair_order: { zh: '维修工单', en: 'Repair order' },
  technician: { zh: '维修师傅', en: 'Technician' },
  outlet: { zh: '服务网点', en: 'Outlet' },
  claim: { zh: '售后申请', en: 'Claim' },
};

export const COMPLAINT_CHANNEL_LABELS: Readonly<Record<ComplaintChannel, { zh: string; en: string }>> = {
  status_page: { zh: '工单状态页', en: 'Status page' },
  hotline: { zh: '客服热线', en: 'Hotline' },
  merchant: { zh: '商家', en: 'Merchant' },
};

/** How staff reached (or were reached by) the customer. */
export const COMPLAINT_CONTACT_KINDS = ['call', 'message', 'visit'] as const;
export type ComplaintContactKind = (typeof COMPLAINT_CONTACT_KINDS)[number];
