import { errors } from '../errors.js';
import type { BusinessCalendar } from '../service/business-calendar.js';
import { parseClock, toEpochMs, type Instant } from '../service/shanghai-time.js';
import type { ClockWindow } from '../service/slots.js';
import type { ComplaintEvent } from './complaint-status.js';

/**
 * Complaint SLAs on the business calendar (working days incl. 调休, inside the policy's office hours):
 *
 * - acknowledge: from filing (or the customer's reopening) until staff acknowledge — default 2 working hours;
 * - resolve: from filing (or reopening) until staff record a resolution — default 24 working hours.
 *
 * A reopened complaint starts both timers over with their full budget. A breach escalates up the ladder
 * outlet → region → brand: the outlet's manager at once, the region (the outlet's province) and then the brand
 * after the policy's wall-clock delays.
 */
export const COMPLAINT_TIMER_KINDS = ['acknowledge', 'resolve'] as const;
export type ComplaintTimerKind = (typeof COMPLAINT_TIMER_KINDS)[number];

export const COMPLAINT_ESCALATION_LEVELS = ['outlet', 'region', 'brand'] as const;
export type ComplaintEscalationLevel = (typeof COMPLAINT_ESCALATION_LEVELS)[number];

export interface ComplaintSlaPolicy {
  /** Working minutes from filing / reopening to acknowledgement. Issue 8: 2 working hours. */
  readonly acknowledgeMinutes: number;
  /** Working minutes from filing / reopening to a resolution. */
  readonly resolveMinutes: number;
  /** The office hours that count on a working day. */
  readonly hours: ClockWindow;
  /** Wall-clock minutes after the previous level before the next hears of a breach (outlet: 0, at the breach). */
  readonly escalationDelayMinutes: Readonly<Record<ComplaintEscalationLevel, number>>;
}

/** 2 working hours to acknowledge, 24 (about three office days) to resolve, 09:00–18:00; region +2 h, brand +4 h. */
export const DEFAULT_COMPLAINT_SLA_POLICY: ComplaintSlaPolicy = {
  acknowledgeMinutes: 120,
  resolveMinutes: 24 * 60,
  hours: { start: '09:00', end: '18:00' },
  escalationDelayMinutes: { outlet: 0, region: 120, brand: 120 },
};

export const COMPLAINT_TIMER_LABELS: Readonly<Record<ComplaintTimerKind, { zh: string; en: string }>> = {
  acknowledge: { zh: '受理时限', en: 'Acknowledge' },
  resolve: { zh: '处理时限', en: 'Resolve' },
};

export const COMPLAINT_ESCALATION_LABELS: Readonly<Record<ComplaintEscalationLevel, { zh: string; en: string }>> = {
  outlet: { zh: '网点负责人', en: 'Outlet manager' },
  region: { zh: '区域负责人', en: 'Region' },
  brand: { zh: '品牌方', en: 'Brand' },
};

const MAX_POLICY_MINUTES = 60 * 24 * 60;

/** @throws {DomainError} `invalid_input` naming the first bad field */
export function validateComplaintSlaPolicy(policy: ComplaintSlaPolicy): ComplaintSlaPolicy {
  for (const field of ['acknowledgeMinutes', 'resolveMinutes'] as const) {
    const value = policy[field];
    if (!Number.isInteger(value) || value < 1 || value > MAX_POLICY_MINUTES)
      throw errors.invalidInput(field, {
        zh: `须为 1–${MAX_POLICY_MINUTES} 的整数（分钟）`,
        en: `must be a whole number of minutes from 1 to ${MAX_POLICY_MINUTES}`,
      });
  }
  if (policy.resolveMinutes < policy.acknowledgeMinutes)
    throw errors.invalidInput('resolveMinutes', {
      zh: '不能短于受理时限',
      en: 'must not be shorter than the acknowledge time',
    });
  const start = parseClock(policy.hours.start, 'hours.start');
  const end = parseClock(policy.hours.end, 'hours.end');
  if (end <= start)
    throw errors.invalidInput('hours', { zh: '结束时间须晚于开始时间', en: 'the end must be after the start' });
  for (const level of COMPLAINT_ESCALATION_LEVELS) {
    const delay = policy.escalationDelayMinutes[level];
    if (!Number.isInteger(delay) || delay < 0 || delay > MAX_POLICY_MINUTES)
      throw errors.invalidInput(`escalationDelayMinutes.${level}`, {
        zh: '须为非负整数（分钟）',
        en: 'must be a whole number of minutes, zero or more',
      });
  }
  return policy;
}

/** One line of a complaint's history as the SLA reads it: `file` first, then status events in time order. */
export interface ComplaintSlaEntry {
  readonly event: 'file' | ComplaintEvent;
  readonly at: string;
}

export type ComplaintTimerState = 'running' | 'met' | 'breached' | 'stopped';

export interface ComplaintTimer {
  readonly kind: ComplaintTimerKind;
  readonly startedAt: string;
  readonly dueAt: string;
  /** Working minutes left (negative when overdue), up to the stop or now. */
  readonly remainingMinutes: number;
  readonly breachedAt?: string;
  /** When staff did what the timer waits for, or the complaint was closed. */
  readonly stoppedAt?: string;
  readonly met?: boolean;
  /** running; met / breached (also while still running late); stopped (closed before the awaited event). */
  readonly state: ComplaintTimerState;
}

/**
 * The complaint's two timers at `now`, for its current cycle (since filing or the latest reopening).
 * @throws {DomainError} `invalid_input` when the history does not start with `file` or goes back in time
 */
export function computeComplaintTimers(
  history: readonly ComplaintSlaEntry[],
  policy: ComplaintSlaPolicy,
  calendar: BusinessCalendar,
  now: Instant,
): ComplaintTimer[] {
  const first = history[0];
  if (!first || first.event !== 'file')
    throw errors.invalidInput('history', { zh: '须以提交投诉开始', en: 'must start with the filing' });
  let cycleStart = toEpochMs(first.at);
  let last = cycleStart;
  let acknowledgedAt: number | undefined;
  let resolvedAt: number | undefined;
  let closedAt: number | undefined;
  for (const entry of history.slice(1)) {
    if (entry.event === 'file')
      throw errors.invalidInput('history', { zh: '投诉只能提交一次', en: 'a complaint is filed once' });
    const at = toEpochMs(entry.at);
    if (at < last) throw errors.invalidInput('history', { zh: '时间须按先后排列', en: 'must be in time order' });
    last = at;
    if (entry.event === 'reopen') {
      cycleStart = at;
      acknowledgedAt = resolvedAt = closedAt = undefined;
    } else if (entry.event === 'acknowledge') acknowledgedAt ??= at;
    else if (entry.event === 'resolve') {
      resolvedAt ??= at;
      // Resolving answers the customer: it counts as acknowledging when nobody did first.
      acknowledgedAt ??= at;
    } else if (entry.event === 'close') closedAt ??= at;
  }
  const nowMs = Math.max(toEpochMs(now), last);
  const timer = (kind: ComplaintTimerKind, budget: number, stop: number | undefined): ComplaintTimer => {
    const iso = (ms: number) => new Date(ms).toISOString();
    const dueAt = calendar.addBusinessMinutes(cycleStart, budget, policy.hours);
    const dueMs = Date.parse(dueAt);
    const stoppedMs = stop ?? closedAt;
    const end = Math.min(stoppedMs ?? Infinity, nowMs);
    const used = calendar.businessMinutesBetween(cycleStart, end, policy.hours);
    const remainingMinutes = Math.round((budget - used) * 1000) / 1000;
    // Reaching the due time running is a breach (the check job runs then); stopping after it is one too.
    const breached = stoppedMs !== undefined && stoppedMs <= nowMs ? stoppedMs > dueMs : nowMs >= dueMs;
    const base = { kind, startedAt: iso(cycleStart), dueAt, remainingMinutes };
    const withBreach = breached ? { ...base, breachedAt: dueAt } : base;
    if (stop !== undefined)
      return { ...withBreach, stoppedAt: iso(stop), met: !breached, state: breached ? 'breached' : 'met' };
    if (closedAt !== undefined)
      return { ...withBreach, stoppedAt: iso(closedAt), state: breached ? 'breached' : 'stopped' };
    return { ...withBreach, state: breached ? 'breached' : 'running' };
  };
  return [
    timer('acknowledge', policy.acknowledgeMinutes, acknowledgedAt),
    timer('resolve', policy.resolveMinutes, resolvedAt),
  ];
}

/** When each ladder level hears of a breach at `breachedAt`. */
export function complaintEscalationSchedule(
  breachedAt: Instant,
  policy: Pick<ComplaintSlaPolicy, 'escalationDelayMinutes'> = DEFAULT_COMPLAINT_SLA_POLICY,
): { level: ComplaintEscalationLevel; at: string }[] {
  let at = toEpochMs(breachedAt);
  return COMPLAINT_ESCALATION_LEVELS.map((level) => {
    at += policy.escalationDelayMinutes[level] * 60_000;
    return { level, at: new Date(at).toISOString() };
  });
}

/**
 * How far a breached timer has escalated at `now`: null before the breach, then each level at its time. It stops
 * climbing when the timer stops (staff finally acknowledged or resolved).
 */
export function complaintEscalationLevelFor(
  timer: Pick<ComplaintTimer, 'breachedAt' | 'stoppedAt'>,
  now: Instant,
  policy: Pick<ComplaintSlaPolicy, 'escalationDelayMinutes'> = DEFAULT_COMPLAINT_SLA_POLICY,
): ComplaintEscalationLevel | null {
  if (!timer.breachedAt) return null;
  const until = Math.min(toEpochMs(now), timer.stoppedAt ? toEpochMs(timer.stoppedAt) : Infinity);
  let reached: ComplaintEscalationLevel | null = null;
  for (const step of complaintEscalationSchedule(timer.breachedAt, policy))
    if (toEpochMs(step.at) <= until) reached = step.level;
  return reached;
}

/**
 * When to look at the complaint again after `now`: the earliest due time of a running timer, or for a breached
 * one still running, its next ladder step. Null when nothing is pending.
 */
export function nextComplaintCheck(
  timers: readonly ComplaintTimer[],
  now: Instant,
  policy: Pick<ComplaintSlaPolicy, 'escalationDelayMinutes'> = DEFAULT_COMPLAINT_SLA_POLICY,
): string | null {
  const nowMs = toEpochMs(now);
  let next: number | null = null;
  for (const timer of timers) {
    if (timer.stoppedAt !== undefined) continue;
    const candidate = !timer.breachedAt
      ? Date.parse(timer.dueAt)
      : complaintEscalationSchedule(timer.breachedAt, policy)
          .map((step) => Date.parse(step.at))
          .find((at) => at > nowMs);
    if (candidate !== undefined && (next === null || candidate < next)) next = Math.max(candidate, nowMs);
  }
  return next === null ? null : new Date(next).toISOString();
}
