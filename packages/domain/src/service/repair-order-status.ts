import { DomainError } from '../errors.js';

/** Where a repair order is in its life. */
export const REPAIR_ORDER_STATUSES = [
  'reported',
  'assigned',
  'accepted',
  'on_the_way',
  'on_site',
  'completed',
  'needs_parts',
  'rescheduled',
  'closed',
  'cancelled',
] as const;
export type RepairOrderStatus = (typeof REPAIR_ORDER_STATUSES)[number];

/** What can happen to a repair order. Each is an entry in the transition table below. */
export const REPAIR_ORDER_EVENTS = [
  /** A dispatcher (or automatic dispatch) gives the order to a technician; again to reassign it. */
  'assign',
  /** The technician accepts the order in the app. Meets the response SLA. */
  'accept',
  /** The technician calls the customer. Meets the response SLA like `accept`, and counts as accepting. */
  'call_customer',
  /** The technician sets off to the customer. */
  'depart',
  /** The technician checks in at the customer's door. Meets the arrival SLA. */
  'arrive',
  /** The repair is done on site. Meets the resolution SLA. */
  'complete',
  /** The technician needs parts that are not at hand: the order waits (SLA timers pause). */
  'parts_needed',
  /** A new date and slot is agreed with the customer: the order waits for that day (SLA timers pause). */
  'reschedule',
  /** The customer confirms (or the dispatcher closes) a completed order. */
  'close',
  /** The customer or a dispatcher cancels the order before the repair is done. */
  'cancel',
] as const;
export type RepairOrderEvent = (typeof REPAIR_ORDER_EVENTS)[number];

/**
 * The repair-order status machine as data: for each event, the statuses it may leave from and the status it leads
 * to. Nothing else changes an order's status (`nextRepairOrderStatus` is the only way through).
 *
 * reported → assigned → accepted → on_the_way → on_site → completed → closed; on site the technician may find that
 * parts are needed (needs_parts → rescheduled → back on the way, or reassigned); cancelled from anywhere before the
 * technician is at the door.
 */
export const REPAIR_ORDER_TRANSITIONS: Readonly<
  Record<RepairOrderEvent, { from: readonly RepairOrderStatus[]; to: RepairOrderStatus }>
> = {
  assign: { from: ['reported', 'assigned', 'accepted', 'rescheduled'], to: 'assigned' },
  accept: { from: ['assigned'], to: 'accepted' },
  call_customer: { from: ['assigned', 'accepted'], to: 'accepted' },
  depart: { from: ['accepted', 'rescheduled'], to: 'on_the_way' },
  arrive: { from: ['on_the_way'], to: 'on_site' },
  complete: { from: ['on_site'], to: 'completed' },
  parts_needed: { from: ['on_site'], to: 'needs_parts' },
  reschedule: { from: ['assigned', 'accepted', 'on_the_way', 'needs_parts', 'rescheduled'], to: 'rescheduled' },
  close: { from: ['completed'], to: 'closed' },
  cancel: { from: ['reported', 'assigned', 'accepted', 'on_the_way', 'needs_parts', 'rescheduled'], to: 'cancelled' },
};

/** Statuses a repair order never leaves. */
export const TERMINAL_REPAIR_ORDER_STATUSES: readonly RepairOrderStatus[] = ['closed', 'cancelled'];

/**
 * Waiting statuses: the order waits for something outside the technician's hands, and every SLA timer pauses.
 * `rescheduled` pauses only until the working day of the new appointment begins (see `sla.ts`).
 */
export const SLA_PAUSED_STATUSES: readonly RepairOrderStatus[] = ['needs_parts', 'rescheduled'];

/** Whether `event` may happen to a repair order in `status`. */
export function canApplyRepairOrderEvent(status: RepairOrderStatus, event: RepairOrderEvent): boolean {
  return REPAIR_ORDER_TRANSITIONS[event].from.includes(status);
}

/**
 * The status after `event`, or an `invalid_state` error naming both (the same code the claim machine raises, so
 * the HTTP layer answers 409 for both).
 * @throws {DomainError} code `invalid_state` when the table has no such transition
 * @example nextRepairOrderStatus('on_site', 'complete') // 'completed'
 */
export function nextRepairOrderStatus(status: RepairOrderStatus, event: RepairOrderEvent): RepairOrderStatus {
  if (!canApplyRepairOrderEvent(status, event)) {
    const from = REPAIR_ORDER_STATUS_LABELS[status];
    const action = REPAIR_ORDER_EVENT_LABELS[event];
    throw new DomainError(
      'invalid_state',
      {
        zh: `维修工单当前状态为「${from.zh}」，不能执行「${action.zh}」`,
        en: `The repair order is ${status}; "${event}" is not allowed in that state`,
      },
      { what: 'repair order', from: status, action: event },
    );
  }
  return REPAIR_ORDER_TRANSITIONS[event].to;
}

/** The events allowed from `status`, in table order (for the console's action buttons). */
export function repairOrderEventsFrom(status: RepairOrderStatus): RepairOrderEvent[] {
  return REPAIR_ORDER_EVENTS.filter((event) => canApplyRepairOrderEvent(status, event));
}

/** Whether the order is waiting (SLA timers paused). */
export function isSlaPausedStatus(status: RepairOrderStatus): boolean {
  return SLA_PAUSED_STATUSES.includes(status);
}

/** Bilingual labels for statuses. */
export const REPAIR_ORDER_STATUS_LABELS: Readonly<Record<RepairOrderStatus, { zh: string; en: string }>> = {
  reported: { zh: '待派单', en: 'Reported' },
  assigned: { zh: '已派单', en: 'Assigned' },
  accepted: { zh: '已接单', en: 'Accepted' },
  on_the_way: { zh: '上门途中', en: 'On the way' },
  on_site: { zh: '已到场', en: 'On site' },
  completed: { zh: '已完工', en: 'Completed' },
  needs_parts: { zh: '待配件', en: 'Needs parts' },
  rescheduled: { zh: '已改约', en: 'Rescheduled' },
  closed: { zh: '已关闭', en: 'Closed' },
  cancelled: { zh: '已取消', en: 'Cancelled' },
};

/** Bilingual labels for events (history lines, buttons). */
export const REPAIR_ORDER_EVENT_LABELS: Readonly<Record<RepairOrderEvent, { zh: string; en: string }>> = {
  assign: { zh: '派单', en: 'Assign' },
  accept: { zh: '接单', en: 'Accept' },
  call_customer: { zh: '联系客户', en: 'Call the customer' },
  depart: { zh: '出发', en: 'Set off' },
  arrive: { zh: '到场签到', en: 'Check in on site' },
  complete: { zh: '完工', en: 'Complete' },
  parts_needed: { zh: '需要配件', en: 'Parts needed' },
  reschedule: { zh: '改约', en: 'Reschedule' },
  close: { zh: '关闭工单', en: 'Close' },
  cancel: { zh: '取消工单', en: 'Cancel' },
};
