import { errors } from '../errors.js';
import { toEpochMs, type Instant } from '../service/shanghai-time.js';

/**
 * Complaint rates per outlet and technician: complaints filed in a window over repair orders taken in that window,
 * smoothed towards a prior so a technician with two orders and one complaint does not read as 50 %:
 *
 *   rate = (complaints + priorRate × priorWeight) / (orders + priorWeight)
 *
 * (a Beta prior worth `priorWeight` orders). Complaints resolved as not upheld do not count. A complaint against a
 * repair order counts for its outlet and its technician; against a technician, for them and their home outlet;
 * against an outlet, for the outlet. The rates feed dispatch ranking (`complaintRate` of a technician) and reports.
 */
export interface ComplaintRateSmoothing {
  /** The rate assumed before any order, 0–1. */
  readonly priorRate: number;
  /** How many orders the prior is worth (0: no smoothing). */
  readonly priorWeight: number;
}

/** A 2 % prior worth 20 orders. */
export const DEFAULT_COMPLAINT_RATE_SMOOTHING: ComplaintRateSmoothing = { priorRate: 0.02, priorWeight: 20 };

/** The default window: the last 90 days. */
export const DEFAULT_COMPLAINT_RATE_WINDOW_DAYS = 90;

export interface ComplaintRateWindow {
  readonly from: string;
  readonly to: string;
}

/** The `days` days up to `now`. @throws {DomainError} `invalid_input` outside 1–730 days */
export function complaintRateWindow(now: Instant, days = DEFAULT_COMPLAINT_RATE_WINDOW_DAYS): ComplaintRateWindow {
  if (!Number.isInteger(days) || days < 1 || days > 730)
    throw errors.invalidInput('days', { zh: '须为 1–730 的整数', en: 'must be a whole number from 1 to 730' });
  const to = toEpochMs(now);
  return { from: new Date(to - days * 86_400_000).toISOString(), to: new Date(to).toISOString() };
}

/** @throws {DomainError} `invalid_input` for a prior rate outside 0–1 or a negative weight */
export function validateComplaintRateSmoothing(smoothing: ComplaintRateSmoothing): ComplaintRateSmoothing {
  if (!(smoothing.priorRate >= 0 && smoothing.priorRate <= 1))
    throw errors.invalidInput('priorRate', { zh: '须在 0 到 1 之间', en: 'must be from 0 to 1' });
  if (!(Number.isFinite(smoothing.priorWeight) && smoothing.priorWeight >= 0 && smoothing.priorWeight <= 10_000))
    throw errors.invalidInput('priorWeight', { zh: '须在 0 到 10000 之间', en: 'must be from 0 to 10000' });
  return smoothing;
}

export interface ComplaintCounts {
  readonly orders: number;
  readonly complaints: number;
}

/**
 * The smoothed rate of some counts, 0–1 (capped at 1: complaints may outnumber orders). With no orders and no prior
 * weight the rate is unknown: null.
 */
export function smoothedComplaintRate(
  counts: ComplaintCounts,
  smoothing: ComplaintRateSmoothing = DEFAULT_COMPLAINT_RATE_SMOOTHING,
): number | null {
  const denominator = counts.orders + smoothing.priorWeight;
  if (denominator <= 0) return null;
  return Math.min(1, (counts.complaints + smoothing.priorRate * smoothing.priorWeight) / denominator);
}

export interface ComplaintRateRow extends ComplaintCounts {
  readonly id: string;
  /** complaints / orders, null without orders. */
  readonly rawRate: number | null;
  /** The smoothed rate (what ranking reads). */
  readonly rate: number | null;
}

/** Rates of every id in `counts`, highest smoothed rate first (then id). */
export function complaintRatesFromCounts(
  counts: ReadonlyMap<string, ComplaintCounts>,
  smoothing: ComplaintRateSmoothing = DEFAULT_COMPLAINT_RATE_SMOOTHING,
): ComplaintRateRow[] {
  validateComplaintRateSmoothing(smoothing);
  return [...counts]
    .map(([id, c]) => ({
      id,
      orders: c.orders,
      complaints: c.complaints,
      rawRate: c.orders > 0 ? c.complaints / c.orders : null,
      rate: smoothedComplaintRate(c, smoothing),
    }))
    .sort((a, b) => (b.rate ?? -1) - (a.rate ?? -1) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** A repair order as the rates count it. */
export interface RatedOrder {
  readonly outletId: string | null;
  readonly technicianId: string | null;
  readonly at: string;
}

/** A complaint as the rates count it: the outlet and technician it weighs on, already derived from its subject. */
export interface RatedComplaint {
  readonly outletId: string | null;
  readonly technicianId: string | null;
  readonly at: string;
  /** false when resolved as not upheld (then it does not count); null while undecided. */
  readonly upheld: boolean | null;
}

export interface ComplaintRates {
  readonly window: ComplaintRateWindow;
  readonly outlets: ComplaintRateRow[];
  readonly technicians: ComplaintRateRow[];
}

/** Counts orders and complaints inside the window (both ends included: up to and including now) and rates each party. */
export function computeComplaintRates(input: {
  readonly window: ComplaintRateWindow;
  readonly orders: readonly RatedOrder[];
  readonly complaints: readonly RatedComplaint[];
  readonly smoothing?: ComplaintRateSmoothing;
}): ComplaintRates {
  const from = toEpochMs(input.window.from);
  const to = toEpochMs(input.window.to);
  const inside = (at: string) => {
    const ms = toEpochMs(at);
    return ms >= from && ms <= to;
  };
  const outlets = new Map<string, { orders: number; complaints: number }>();
  const technicians = new Map<string, { orders: number; complaints: number }>();
  const bump = (map: typeof outlets, id: string | null, field: 'orders' | 'complaints') => {
    if (!id) return;
    let counts = map.get(id);
    if (!counts) map.set(id, (counts = { orders: 0, complaints: 0 }));
    counts[field]++;
  };
  for (const order of input.orders) {
    if (!inside(order.at)) continue;
    bump(outlets, order.outletId, 'orders');
    bump(technicians, order.technicianId, 'orders');
  }
  for (const complaint of input.complaints) {
    if (!inside(complaint.at) || complaint.upheld === false) continue;
    bump(outlets, complaint.outletId, 'complaints');
    bump(technicians, complaint.technicianId, 'complaints');
  }
  return {
    window: input.window,
    outlets: complaintRatesFromCounts(outlets, input.smoothing),
    technicians: complaintRatesFromCounts(technicians, input.smoothing),
  };
}
