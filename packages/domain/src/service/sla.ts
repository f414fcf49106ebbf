import { errors } from '../errors.js';
import { businessDayStartMs, type BusinessCalendar } from './business-calendar.js';
import { nextRepairOrderStatus, type RepairOrderEvent, type RepairOrderStatus } from './repair-order-status.js';
import { parseClock, toEpochMs, type Instant } from './shanghai-time.js';
import {
  DEFAULT_SLOT_SETTINGS,
  serviceDayHours,
  slotWindow,
  type ClockWindow,
  type Slot,
  type SlotSettings,
} from './slots.js';

/**
 * Service-level timers of a repair order, on business time (working days of the business calendar, inside the
 * policy's hours) and paused while the order waits (needs_parts; rescheduled until the new appointment's day).
 *
 * - response: from the (latest) assignment until the technician accepts or calls the customer;
 * - arrival: from the acceptance, or the appointment's slot start when that is later, until check-in on site;
 * - resolution: from the report until the repair is completed.
 *
 * A breach escalates along `ESCALATION_LEVELS`: the dispatcher at once, then the outlet manager, then the brand,
 * each after the policy's delay (wall-clock minutes: an unanswered breach should reach a manager in real time).
 */
export const SLA_KINDS = ['response', 'arrival', 'resolution'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

export const ESCALATION_LEVELS = ['dispatcher', 'outlet_manager', 'brand'] as const;
export type EscalationLevel = (typeof ESCALATION_LEVELS)[number];

export interface SlaPolicy {
  /** Business minutes from assignment to accept / call. Issue 6: 30. */
  readonly responseMinutes: number;
  /** Business minutes from acceptance (or the booked slot's start, if later) to check-in. */
  readonly arrivalMinutes: number;
  /** Business minutes from report to completion. */
  readonly resolutionMinutes: number;
  /** The hours of a working day that count. */
  readonly hours: ClockWindow;
  /** Wall-clock minutes after the previous level before the next one hears of a breach (the dispatcher: 0). */
  readonly escalationDelayMinutes: Readonly<Record<EscalationLevel, number>>;
}

/** 30 minutes to respond, 4 business hours to arrive, 3 service days (08:00–21:00) to resolve; escalate 60 / 120. */
export const DEFAULT_SLA_POLICY: SlaPolicy = {
  responseMinutes: 30,
  arrivalMinutes: 4 * 60,
  resolutionMinutes: 3 * 13 * 60,
  hours: serviceDayHours(DEFAULT_SLOT_SETTINGS),
  escalationDelayMinutes: { dispatcher: 0, outlet_manager: 60, brand: 120 },
};

export const SLA_KIND_LABELS: Readonly<Record<SlaKind, { zh: string; en: string }>> = {
  response: { zh: '响应时限', en: 'Response' },
  arrival: { zh: '上门时限', en: 'Arrival' },
  resolution: { zh: '解决时限', en: 'Resolution' },
};

export const ESCALATION_LEVEL_LABELS: Readonly<Record<EscalationLevel, { zh: string; en: string }>> = {
  dispatcher: { zh: '调度员', en: 'Dispatcher' },
  outlet_manager: { zh: '网点负责人', en: 'Outlet manager' },
  brand: { zh: '品牌方', en: 'Brand' },
};

const MAX_POLICY_MINUTES = 60 * 24 * 60;

/**
 * Checks a policy's numbers and hours.
 * @throws {DomainError} `invalid_input` naming the first bad field
 */
export function validateSlaPolicy(policy: SlaPolicy): SlaPolicy {
  for (const field of ['responseMinutes', 'arrivalMinutes', 'resolutionMinutes'] as const) {
    const value = policy[field];
    if (!Number.isInteger(value) || value < 1 || value > MAX_POLICY_MINUTES)
      throw errors.invalidInput(field, {
        zh: `须为 1–${MAX_POLICY_MINUTES} 的整数（分钟）`,
        en: `must be a whole number of minutes from 1 to ${MAX_POLICY_MINUTES}`,
      });
  }
  const start = parseClock(policy.hours.start, 'hours.start');
  const end = parseClock(policy.hours.end, 'hours.end');
  if (end <= start)
    throw errors.invalidInput('hours', { zh: '结束时间须晚于开始时间', en: 'the end must be after the start' });
  for (const level of ESCALATION_LEVELS) {
    const delay = policy.escalationDelayMinutes[level];
    if (!Number.isInteger(delay) || delay < 0 || delay > MAX_POLICY_MINUTES)
      throw errors.invalidInput(`escalationDelayMinutes.${level}`, {
        zh: '须为非负整数（分钟）',
        en: 'must be a whole number of minutes, zero or more',
      });
  }
  return policy;
}

/** An appointment: a date and slot agreed with the customer. */
export interface Appointment {
  readonly date: string;
  readonly slot: Slot;
}

/** One line of an order's history as the SLA needs it: `report` first, then status events in order. */
export interface SlaHistoryEntry {
  readonly event: 'report' | RepairOrderEvent;
  readonly at: string;
  /** The appointment set by this event (on `report`, `assign` and `reschedule`). */
  readonly appointment?: Appointment;
}

export type SlaTimerState = 'running' | 'paused' | 'met' | 'breached' | 'stopped';

export interface SlaTimer {
  readonly kind: SlaKind;
  readonly startedAt: string;
  /**
   * When the budget runs out at the current pace: null while paused with no known resume (waiting for parts).
   * For a stopped timer, when it ran or would have run out.
   */
  readonly dueAt: string | null;
  /** Business minutes left; negative when overdue. */
  readonly remainingMinutes: number;
  readonly paused: boolean;
  /** When the budget ran out, if it did before the timer stopped. */
  readonly breachedAt?: string;
  /** When the order did what the timer waits for (or was cancelled / closed). */
  readonly stoppedAt?: string;
  /** True when the awaited event came in time, false when late; absent while running or when the order ended. */
  readonly met?: boolean;
  /** running / paused, or met / breached (breached also while still running late) / stopped (order ended). */
  readonly state: SlaTimerState;
}

interface Interval {
  readonly from: number;
  readonly to: number;
}

/**
 * The order's SLA timers at `now`: the resolution timer always, the response and arrival timers once started.
 * The history is replayed through the status machine, so an impossible history throws `invalid_state`. The slot
 * settings place an appointment's slot start (the arrival timer starts no earlier).
 * @throws {DomainError} `invalid_input` when the history does not start with `report` or goes back in time
 */
export function computeSlaTimers(
  history: readonly SlaHistoryEntry[],
  policy: SlaPolicy,
  calendar: BusinessCalendar,
  now: Instant,
  slotSettings: SlotSettings = DEFAULT_SLOT_SETTINGS,
): SlaTimer[] {
  const nowMs = toEpochMs(now);
  const first = history[0];
  if (!first || first.event !== 'report')
    throw errors.invalidInput('history', { zh: '须以报修开始', en: 'must start with the report' });

  // Replay: status intervals, pauses, and the instants the timers start and stop.
  const pauses: Interval[] = [];
  let status: RepairOrderStatus = 'reported';
  let statusSince = toEpochMs(first.at);
  let appointment = first.appointment;
  let pauseUntil = Infinity;
  let lastMs = statusSince;
  let assignedAt: number | undefined;
  let acceptedAt: number | undefined;
  let arrivedAt: number | undefined;
  let completedAt: number | undefined;
  let endedAt: number | undefined;
  let arrivalAppointment: Appointment | undefined;

  const closePause = (until: number): void => {
    if (status === 'needs_parts' || status === 'rescheduled') {
      const to = Math.min(until, pauseUntil);
      if (to > statusSince) pauses.push({ from: statusSince, to });
    }
  };

  for (const entry of history.slice(1)) {
    if (entry.event === 'report')
      throw errors.invalidInput('history', { zh: '报修只能出现一次', en: 'the report comes once' });
    const at = toEpochMs(entry.at);
    if (at < lastMs) throw errors.invalidInput('history', { zh: '时间须按先后排列', en: 'must be in time order' });
    lastMs = at;
    const next = nextRepairOrderStatus(status, entry.event);
    closePause(at);
    if (entry.appointment) appointment = entry.appointment;
    switch (entry.event) {
      case 'assign':
        assignedAt = at;
        acceptedAt = undefined;
        arrivedAt = undefined;
        break;
      case 'accept':
      case 'call_customer':
        if (acceptedAt === undefined) {
          acceptedAt = at;
          arrivalAppointment = appointment;
        }
        break;
      case 'arrive':
        arrivedAt ??= at;
        break;
      case 'complete':
        completedAt ??= at;
        break;
      case 'close':
      case 'cancel':
        endedAt = at;
        break;
      case 'depart':
        // Setting off without a tap on "accept" (after a reschedule) still answers the assignment.
        if (acceptedAt === undefined) {
          acceptedAt = at;
          arrivalAppointment = appointment;
        }
        break;
      case 'parts_needed':
      case 'reschedule':
        break;
    }
    status = next;
    statusSince = at;
    pauseUntil =
      status === 'rescheduled' && entry.appointment
        ? businessDayStartMs(calendar.nextWorkingDay(entry.appointment.date), policy.hours)
        : Infinity;
  }
  const horizon = Math.max(nowMs, lastMs);
  closePause(horizon);
  const pausedNow = (status === 'needs_parts' || status === 'rescheduled') && pauseUntil > horizon;
  const resumeAt = pausedNow && Number.isFinite(pauseUntil) ? pauseUntil : undefined;

  const timers: SlaTimer[] = [];
  const timer = (kind: SlaKind, start: number, budget: number, stop: number | undefined): void => {
    timers.push(
      runTimer({ kind, start, budget, stop, ended: endedAt, horizon, pausedNow, resumeAt, pauses }, calendar, policy),
    );
  };
  if (assignedAt !== undefined) timer('response', assignedAt, policy.responseMinutes, acceptedAt);
  if (acceptedAt !== undefined) {
    const slotStart = arrivalAppointment
      ? toEpochMs(slotWindow(arrivalAppointment.date, arrivalAppointment.slot, slotSettings).startsAt)
      : acceptedAt;
    timer('arrival', Math.max(acceptedAt, slotStart), policy.arrivalMinutes, arrivedAt);
  }
  timer('resolution', toEpochMs(first.at), policy.resolutionMinutes, completedAt);
  return timers.sort((a, b) => SLA_KINDS.indexOf(a.kind) - SLA_KINDS.indexOf(b.kind));
}

interface TimerInput {
  readonly kind: SlaKind;
  readonly start: number;
  readonly budget: number;
  /** When the awaited event happened. */
  readonly stop: number | undefined;
  /** When the order was closed or cancelled. */
  readonly ended: number | undefined;
  readonly horizon: number;
  readonly pausedNow: boolean;
  readonly resumeAt: number | undefined;
  readonly pauses: readonly Interval[];
}

function runTimer(input: TimerInput, calendar: BusinessCalendar, policy: SlaPolicy): SlaTimer {
  const { kind, start, budget, stop, ended, horizon, pauses } = input;
  const end = Math.min(stop ?? Infinity, ended ?? Infinity, horizon);
  const stoppedAt = stop !== undefined ? stop : ended !== undefined && ended <= horizon ? ended : undefined;
  const iso = (ms: number): string => new Date(ms).toISOString();

  // Running segments: [start, end) less the pauses.
  const segments: Interval[] = [];
  let cursor = start;
  for (const pause of [...pauses].sort((a, b) => a.from - b.from)) {
    if (pause.to <= cursor || pause.from >= end) continue;
    if (pause.from > cursor) segments.push({ from: cursor, to: Math.min(pause.from, end) });
    cursor = Math.max(cursor, pause.to);
  }
  if (cursor < end) segments.push({ from: cursor, to: end });

  let consumed = 0;
  let breachedAt: string | undefined;
  for (const segment of segments) {
    const minutes = calendar.businessMinutesBetween(segment.from, segment.to, policy.hours);
    if (breachedAt === undefined && consumed + minutes > budget)
      breachedAt = calendar.addBusinessMinutes(segment.from, budget - consumed, policy.hours);
    consumed += minutes;
  }
  const remainingMinutes = Math.round((budget - consumed) * 1000) / 1000;
  const running = stoppedAt === undefined;
  const paused = running && input.pausedNow;
  let dueAt: string | null;
  if (breachedAt !== undefined) dueAt = breachedAt;
  else if (!running) dueAt = calendar.addBusinessMinutes(stoppedAt, remainingMinutes, policy.hours);
  else if (paused)
    dueAt =
      input.resumeAt === undefined ? null : calendar.addBusinessMinutes(input.resumeAt, remainingMinutes, policy.hours);
  else dueAt = calendar.addBusinessMinutes(Math.max(end, start), remainingMinutes, policy.hours);

  const base = { kind, startedAt: iso(start), dueAt, remainingMinutes, paused };
  const withBreach = breachedAt === undefined ? base : { ...base, breachedAt };
  if (stop !== undefined && stop <= horizon && (ended === undefined || stop <= ended))
    return {
      ...withBreach,
      stoppedAt: iso(stop),
      met: breachedAt === undefined,
      state: breachedAt ? 'breached' : 'met',
    };
  if (stoppedAt !== undefined)
    return { ...withBreach, stoppedAt: iso(stoppedAt), state: breachedAt ? 'breached' : 'stopped' };
  return { ...withBreach, state: breachedAt ? 'breached' : paused ? 'paused' : 'running' };
}

/**
 * How far a breach has escalated at `now`: null before the breach; the dispatcher at the breach; then each level
 * after its delay. Escalation stops climbing when the timer stops (the technician finally responded).
 */
export function escalationLevelFor(
  timer: Pick<SlaTimer, 'breachedAt' | 'stoppedAt'>,
  now: Instant,
  policy: Pick<SlaPolicy, 'escalationDelayMinutes'> = DEFAULT_SLA_POLICY,
): EscalationLevel | null {
  if (!timer.breachedAt) return null;
  const until = Math.min(toEpochMs(now), timer.stoppedAt ? toEpochMs(timer.stoppedAt) : Infinity);
  let reached: EscalationLevel | null = null;
  for (const step of escalationSchedule(timer.breachedAt, policy))
    if (toEpochMs(step.at) <= until) reached = step.level;
  return reached;
}

/** When each level hears of a breach at `breachedAt` (for enqueueing the next level's job). */
export function escalationSchedule(
  breachedAt: Instant,
  policy: Pick<SlaPolicy, 'escalationDelayMinutes'> = DEFAULT_SLA_POLICY,
): { level: EscalationLevel; at: string }[] {
  let at = toEpochMs(breachedAt);
  return ESCALATION_LEVELS.map((level) => {
    at += policy.escalationDelayMinutes[level] * 60_000;
    return { level, at: new Date(at).toISOString() };
  });
}
