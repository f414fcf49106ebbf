import { errors } from '../errors.js';
import { FAULT_CATEGORIES, isFaultCategory, type FaultCategory } from '../service/fault-categories.js';
import { addDays, assertIsoDate } from '../service/shanghai-time.js';
import { warrantyStatus } from '../service/warranty.js';

/**
 * Care plans a brand sells on a product's serial: an extended warranty (takes over when the standard warranty
 * ends), accidental-damage cover, and "after-sales insurance" (售后保障险, bought voluntarily, covering faults and
 * call-outs from activation). Each has a price, a term, coverage rules, claim limits per term and a waiting period.
 */
export const PLAN_KINDS = ['extended_warranty', 'accidental_damage', 'after_sales_insurance'] as const;
export type PlanKind = (typeof PLAN_KINDS)[number];

export const PLAN_KIND_LABELS: Readonly<Record<PlanKind, { zh: string; en: string }>> = {
  extended_warranty: { zh: '延长保修', en: 'Extended warranty' },
  accidental_damage: { zh: '意外损坏保障', en: 'Accidental damage cover' },
  after_sales_insurance: { zh: '售后保障险', en: 'After-sales insurance' },
};

/** What a plan pays for. */
export interface PlanCoverageRules {
  /** Fault categories covered; empty = every category. */
  readonly faultCategories: readonly FaultCategory[];
  readonly labour: boolean;
  readonly parts: boolean;
  /** The call-out (inspection) fee. */
  readonly callOut: boolean;
  /** Damage the customer caused (dropped, forced, water): standard warranty never covers it. */
  readonly accidentalDamage: boolean;
}

/** The terms a plan is sold on (copied onto each sale, so a later price or rule change binds only new sales). */
export interface PlanTerms {
  readonly kind: PlanKind;
  readonly priceFen: number;
  readonly termMonths: number;
  /** Days after the term starts before claims are accepted (0: none). */
  readonly waitingDays: number;
  readonly coverage: PlanCoverageRules;
  /** Claims per term; null = unlimited. */
  readonly maxClaims: number | null;
  /** What the plan pays per term in total, fen; null = unlimited. */
  readonly maxAmountFen: number | null;
  /** Product lines it may be sold on; empty = any. */
  readonly productLines: readonly string[];
}

const int = (field: string, value: unknown, min: number, max: number): number => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < min || value > max)
    throw errors.invalidInput(field, {
      zh: `须为 ${min}–${max} 的整数`,
      en: `must be a whole number from ${min} to ${max}`,
    });
  return value;
};

/**
 * Validates plan terms from a caller.
 * @throws {DomainError} `invalid_input` naming the field
 */
export function validatePlanTerms(input: PlanTerms): PlanTerms {
  if (!(PLAN_KINDS as readonly string[]).includes(input.kind))
    throw errors.invalidInput('kind', {
      zh: `须为 ${PLAN_KINDS.join('、')} 之一`,
      en: `must be ${PLAN_KINDS.join(', ')}`,
    });
  const c = input.coverage;
  if (typeof c !== 'object' || c === null) throw errors.invalidInput('coverage', { zh: '不能为空', en: 'is required' });
  const categories = [...new Set(c.faultCategories ?? [])];
  for (const category of categories)
    if (!isFaultCategory(category))
      throw errors.invalidInput('coverage.faultCategories', {
        zh: `须为 ${FAULT_CATEGORIES.join('、')} 之一`,
        en: `must be among ${FAULT_CATEGORIES.join(', ')}`,
      });
  const coverage: PlanCoverageRules = {
    faultCategories: categories,
    labour: c.labour === true,
    parts: c.parts === true,
    callOut: c.callOut === true,
    accidentalDamage: c.accidentalDamage === true,
  };
  if (!coverage.labour && !coverage.parts && !coverage.callOut)
    throw errors.invalidInput('coverage', {
      zh: '至少须保障人工、配件或上门费之一',
      en: 'must cover at least one of labour, parts or the call-out fee',
    });
  const productLines = [...new Set((input.productLines ?? []).map((p) => p.trim()).filter((p) => p !== ''))];
  return {
    kind: input.kind,
    priceFen: int('priceFen', input.priceFen, 0, 100_000_000),
    termMonths: int('termMonths', input.termMonths, 1, 120),
    waitingDays: int('waitingDays', input.waitingDays, 0, 365),
    coverage,
    maxClaims: input.maxClaims === null ? null : int('maxClaims', input.maxClaims, 1, 1000),
    maxAmountFen: input.maxAmountFen === null ? null : int('maxAmountFen', input.maxAmountFen, 1, 1_000_000_000),
    productLines,
  };
}

function addMonths(date: string, months: number): string {
  // warrantyStatus computes the last covered day of `months` from `date`; the term ends on that day.
  const through = warrantyStatus({ purchasedOn: date, warrantyMonths: months }, date).coveredThrough;
  return through ?? date;
}

/** When a sold plan covers: its term, and the first day claims are accepted (after the waiting period). */
export interface PlanTerm {
  /** First day of the term. */
  readonly startsOn: string;
  /** First day a claim is accepted: `startsOn` + waiting days. */
  readonly claimableFrom: string;
  /** Last day of the term. */
  readonly endsOn: string;
}

/**
 * The term of a plan activated on `activatedOn`. An extended warranty starts the day after the standard warranty
 * ends (or on activation when that is later, or when the warranty is unknown); the others start on activation.
 * @example planTerm({ kind: 'extended_warranty', termMonths: 12, waitingDays: 0 }, '2026-01-05', '2026-03-09')
 *   // { startsOn: '2026-03-10', claimableFrom: '2026-03-10', endsOn: '2027-03-09' }
 */
export function planTerm(
  terms: Pick<PlanTerms, 'kind' | 'termMonths' | 'waitingDays'>,
  activatedOn: string,
  standardCoveredThrough: string | null,
): PlanTerm {
  assertIsoDate(activatedOn, 'activatedOn');
  let startsOn = activatedOn;
  if (terms.kind === 'extended_warranty' && standardCoveredThrough !== null) {
    const after = addDays(assertIsoDate(standardCoveredThrough, 'standardCoveredThrough'), 1);
    if (after > startsOn) startsOn = after;
  }
  return {
    startsOn,
    claimableFrom: addDays(startsOn, terms.waitingDays),
    endsOn: addMonths(startsOn, terms.termMonths),
  };
}

/**
 * What a customer gets back when a plan is cancelled on `on`: the whole price before its term starts; nothing once
 * a claim was paid; otherwise the unused days' share of the price, rounded down to the fen.
 */
export function planRefundFen(priceFen: number, term: PlanTerm, on: string, claimsPaid: number): number {
  assertIsoDate(on, 'on');
  if (claimsPaid > 0) return 0;
  if (on < term.startsOn) return priceFen;
  if (on > term.endsOn) return 0;
  const dayMs = 86_400_000;
  const total = (Date.parse(term.endsOn) - Date.parse(term.startsOn)) / dayMs + 1;
  const unused = (Date.parse(term.endsOn) - Date.parse(on)) / dayMs;
  return Math.floor((priceFen * unused) / total);
}

/** Statuses of a plan sold on a serial. */
export const SERIAL_PLAN_STATUSES = ['sold', 'active', 'cancelled'] as const;
export type SerialPlanStatus = (typeof SERIAL_PLAN_STATUSES)[number];
