import { errors } from '../errors.js';
import { areaCodeLevel, areaTreeDistance, areaTreeRelation, isAreaCode, type AreaCodeLevel } from './area-code-tree.js';
import type { BusinessCalendar } from './business-calendar.js';
import { decidingRules, type CoverageRule } from './coverage.js';
import type { DispatchIndex, IndexedTechnician } from './dispatch-index.js';
import { assertIsoDate } from './shanghai-time.js';
import { DEFAULT_SLOT_SETTINGS, isSlot, SLOT_LABELS, type Slot } from './slots.js';

/**
 * Automatic dispatch: hard filters first (coverage of the customer's area, skill, working day, free capacity in the
 * slot), then a ranking (fewest bookings in the slot, nearest by the division tree from the technician's home
 * outlet, best rating, lowest complaint rate when known, then id so ties are stable), each candidate explained in
 * zh and en and every technician left out counted by the first filter that removed them.
 */
export interface DispatchRequest {
  /** The customer's division code: a township (9 digits) or county (6). */
  readonly areaCode: string;
  readonly productLine: string;
  readonly faultCategory: string;
  readonly date: string;
  readonly slot: Slot;
  /** Bookings per technician per slot when the technician has no override (the workspace's slot settings). */
  readonly capacityPerTechnician?: number;
  /** Technicians not to offer (e.g. the one being replaced). */
  readonly excludeTechnicianIds?: readonly string[];
  /** How many ranked candidates to return (default 10; the counts always cover everyone). */
  readonly limit?: number;
}

/** Bookings per technician for the request's date and slot (the server counts them). */
export type DispatchLoads = ReadonlyMap<string, number> | Readonly<Record<string, number>>;

export const DISPATCH_REJECTIONS = [
  'not_covering',
  'outlet_inactive',
  'inactive',
  'excluded',
  'product_line',
  'fault_category',
  'not_working',
  'slot_full',
] as const;
export type DispatchRejection = (typeof DISPATCH_REJECTIONS)[number];

export const DISPATCH_REJECTION_LABELS: Readonly<Record<DispatchRejection, { zh: string; en: string }>> = {
  not_covering: { zh: '所属网点不覆盖该地区', en: "Home outlet doesn't cover the area" },
  outlet_inactive: { zh: '所属网点已停用', en: 'Home outlet inactive' },
  inactive: { zh: '技师已停用', en: 'Technician inactive' },
  excluded: { zh: '已排除', en: 'Excluded' },
  product_line: { zh: '不会修该产品线', en: 'No skill for the product line' },
  fault_category: { zh: '不会处理该故障', en: 'No skill for the fault' },
  not_working: { zh: '当天不上班', en: 'Not working that day' },
  slot_full: { zh: '该时段已约满', en: 'Slot fully booked' },
};

export interface DispatchCandidate {
  readonly rank: number;
  readonly technicianId: string;
  readonly outletId: string;
  readonly load: number;
  readonly capacity: number;
  readonly distance: number;
  readonly rating: number | null;
  readonly complaintRate: number | null;
  /** The coverage rule that let the home outlet serve the area. */
  readonly coveredBy: CoverageRule;
  readonly explanation: { readonly zh: string; readonly en: string };
}

export interface DispatchDecision {
  readonly indexVersion: string | number | undefined;
  /** The first candidate, or null when nobody passed the filters. */
  readonly chosen: DispatchCandidate | null;
  readonly candidates: readonly DispatchCandidate[];
  /** Technicians that passed every filter (candidates may be cut to `limit`). */
  readonly eligible: number;
  readonly rejected: Readonly<Record<DispatchRejection, number>>;
  readonly summary: { readonly zh: string; readonly en: string };
}

const LEVEL_LABELS: Readonly<Record<AreaCodeLevel, { zh: string; en: string }>> = {
  province: { zh: '省级', en: 'province' },
  prefecture: { zh: '地级', en: 'prefecture' },
  county: { zh: '县级', en: 'county' },
  township: { zh: '乡镇级', en: 'township' },
};

function loadOf(loads: DispatchLoads, id: string): number {
  return (
    (loads instanceof Map ? (loads as ReadonlyMap<string, number>).get(id) : (loads as Record<string, number>)[id]) ?? 0
  );
}

function validate(request: DispatchRequest): void {
  if (!isAreaCode(request.areaCode))
    throw errors.invalidInput('areaCode', { zh: '不是行政区划代码', en: 'not a division code' });
  assertIsoDate(request.date, 'date');
  if (!isSlot(request.slot)) throw errors.invalidInput('slot', { zh: '未知时段', en: 'unknown slot' });
}

interface Evaluated {
  readonly entry: IndexedTechnician;
  readonly rejection?: DispatchRejection;
  readonly load: number;
  readonly capacity: number;
}

function evaluate(
  entry: IndexedTechnician,
  request: DispatchRequest,
  index: DispatchIndex,
  loads: DispatchLoads,
  calendar: BusinessCalendar,
  excluded: ReadonlySet<string>,
): Evaluated {
  const { technician, outlet } = entry;
  const capacity =
    technician.capacityPerSlot ?? request.capacityPerTechnician ?? DEFAULT_SLOT_SETTINGS.capacityPerTechnician;
  const load = loadOf(loads, technician.id);
  const rejected = (rejection: DispatchRejection): Evaluated => ({ entry, rejection, load, capacity });
  if (outlet.active === false) return rejected('outlet_inactive');
  if (technician.active === false) return rejected('inactive');
  if (excluded.has(technician.id)) return rejected('excluded');
  const productBit = index.productLineBits.get(request.productLine) ?? 0n;
  if ((entry.productLineMask & productBit) === 0n) return rejected('product_line');
  const faultBit = index.faultCategoryBits.get(request.faultCategory) ?? 0n;
  if ((entry.faultCategoryMask & faultBit) === 0n) return rejected('fault_category');
  const working = entry.extraWorkingDays.has(request.date)
    ? true
    : !entry.daysOff.has(request.date) && calendar.isWorkingDay(request.date);
  if (!working) return rejected('not_working');
  if (load >= capacity) return rejected('slot_full');
  return { entry, load, capacity };
}

function compareCandidates(a: Omit<DispatchCandidate, 'rank' | 'explanation'>, b: typeof a): number {
  return (
    a.load - b.load ||
    a.distance - b.distance ||
    (b.rating ?? 0) - (a.rating ?? 0) ||
    (a.complaintRate ?? 0) - (b.complaintRate ?? 0) ||
    (a.technicianId < b.technicianId ? -1 : a.technicianId > b.technicianId ? 1 : 0)
  );
}

const WITHIN: Readonly<Record<AreaCodeLevel, { zh: string; en: string }>> = {
  township: { zh: '同乡镇', en: 'same township' },
  county: { zh: '同区县', en: 'same county' },
  prefecture: { zh: '同地市', en: 'same prefecture' },
  province: { zh: '同省', en: 'same province' },
};

function distanceWords(from: string, to: string): { zh: string; en: string } {
  const { distance, commonAncestor } = areaTreeRelation(from, to);
  const steps = `${distance} step${distance === 1 ? '' : 's'}`;
  if (distance === 0) return { zh: '同一地区', en: 'same area' };
  const within = commonAncestor ? WITHIN[areaCodeLevel(commonAncestor)] : { zh: '跨省', en: 'another province' };
  return { zh: `${within.zh}（${distance} 级）`, en: `${within.en} (${steps})` };
}

function explain(
  c: Omit<DispatchCandidate, 'explanation'>,
  request: DispatchRequest,
  outletName: string,
  outletAreaCode: string,
) {
  const rule = c.coveredBy;
  const level = LEVEL_LABELS[areaCodeLevel(rule.code)];
  const slot = SLOT_LABELS[request.slot];
  const distance = distanceWords(outletAreaCode, request.areaCode);
  const rating =
    c.rating === null ? { zh: '暂无评分', en: 'not yet rated' } : { zh: `评分 ${c.rating}`, en: `rating ${c.rating}` };
  const complaints =
    c.complaintRate === null
      ? { zh: '', en: '' }
      : {
          zh: `，投诉率 ${(c.complaintRate * 100).toFixed(1)}%`,
          en: `, complaint rate ${(c.complaintRate * 100).toFixed(1)}%`,
        };
  return {
    zh:
      `第 ${c.rank} 名：网点「${outletName}」按${level.zh}规则 ${rule.code} 覆盖该地区；会修「${request.productLine}」并能处理该故障；` +
      `${request.date} 上班；${slot.zh}已约 ${c.load}/${c.capacity}；距离：${distance.zh}；${rating.zh}${complaints.zh}`,
    en:
      `#${c.rank}: outlet "${outletName}" covers the area by its ${level.en} rule ${rule.code}; skilled for ` +
      `"${request.productLine}" and the fault; working on ${request.date}; ${c.load} of ${c.capacity} booked in the ` +
      `${slot.en.toLowerCase()}; distance: ${distance.en}; ${rating.en}${complaints.en}`,
  };
}

/**
 * Ranks the technicians who can take the request.
 * @throws {DomainError} `invalid_input` for a malformed area code, date or slot
 */
export function decideDispatch(
  index: DispatchIndex,
  request: DispatchRequest,
  loads: DispatchLoads,
  calendar: BusinessCalendar,
): DispatchDecision {
  validate(request);
  const rejected = Object.fromEntries(DISPATCH_REJECTIONS.map((r) => [r, 0])) as Record<DispatchRejection, number>;
  const excluded = new Set(request.excludeTechnicianIds ?? []);
  const passed: Omit<DispatchCandidate, 'rank' | 'explanation'>[] = [];
  let inCoveringOutlets = 0;
  for (const [outletId, rule] of decidingRules(request.areaCode, index.coverage)) {
    if (rule.mode !== 'include') continue;
    for (const entry of index.techniciansByOutlet.get(outletId) ?? []) {
      inCoveringOutlets++;
      const result = evaluate(entry, request, index, loads, calendar, excluded);
      if (result.rejection) {
        rejected[result.rejection]++;
        continue;
      }
      const { technician, outlet } = entry;
      passed.push({
        technicianId: technician.id,
        outletId: outlet.id,
        load: result.load,
        capacity: result.capacity,
        distance: areaTreeDistance(outlet.areaCode, request.areaCode),
        rating: technician.rating ?? null,
        complaintRate: technician.complaintRate ?? null,
        coveredBy: rule,
      });
    }
  }
  rejected.not_covering = index.technicianCount - inCoveringOutlets;
  passed.sort(compareCandidates);
  const limit = request.limit ?? 10;
  const candidates = passed.slice(0, limit).map((c, i) => {
    const ranked = { ...c, rank: i + 1 };
    const outlet = index.outlets.get(c.outletId);
    return { ...ranked, explanation: explain(ranked, request, outlet?.name ?? c.outletId, outlet?.areaCode ?? '') };
  });
  const reasons = DISPATCH_REJECTIONS.filter((r) => rejected[r] > 0);
  const summary = {
    zh:
      `共 ${index.technicianCount} 名技师，${passed.length} 名符合条件` +
      (reasons.length
        ? `；排除：${reasons.map((r) => `${DISPATCH_REJECTION_LABELS[r].zh} ${rejected[r]}`).join('，')}`
        : ''),
    en:
      `${passed.length} of ${index.technicianCount} technicians eligible` +
      (reasons.length
        ? `; left out: ${reasons.map((r) => `${DISPATCH_REJECTION_LABELS[r].en} ${rejected[r]}`).join(', ')}`
        : ''),
  };
  return {
    indexVersion: index.version,
    chosen: candidates[0] ?? null,
    candidates,
    eligible: passed.length,
    rejected,
    summary,
  };
}

/**
 * Whether one technician could take the request, and why not: for a dispatcher's manual assignment, which may
 * override the filters but should see what it overrides.
 */
export function checkTechnicianForRequest(
  index: DispatchIndex,
  request: DispatchRequest,
  technicianId: string,
  loads: DispatchLoads,
  calendar: BusinessCalendar,
): { ok: true } | { ok: false; reason: DispatchRejection | 'unknown_technician'; text: { zh: string; en: string } } {
  validate(request);
  const entry = index.technicians.get(technicianId);
  if (!entry) return { ok: false, reason: 'unknown_technician', text: { zh: '未知技师', en: 'Unknown technician' } };
  const rule = decidingRules(request.areaCode, index.coverage).get(entry.outlet.id);
  if (!rule || rule.mode !== 'include')
    return { ok: false, reason: 'not_covering', text: DISPATCH_REJECTION_LABELS.not_covering };
  const result = evaluate(entry, request, index, loads, calendar, new Set(request.excludeTechnicianIds ?? []));
  return result.rejection
    ? { ok: false, reason: result.rejection, text: DISPATCH_REJECTION_LABELS[result.rejection] }
    : { ok: true };
}
