import { errors } from '../errors.js';
import { addDays, assertIsoDate } from './shanghai-time.js';

/**
 * Warranty from the purchase date and the product's warranty months: a product bought on 10 March 2025 with 12
 * months is covered through 9 March 2026. A month past a short month's end is clamped (31 January + 1 month → the
 * last day of February, so covered through 27 February; or 28th in a leap year). Without a purchase date the
 * status is unknown (the agent asks for the invoice).
 */
export const WARRANTY_STATUSES = ['in_warranty', 'expired', 'unknown'] as const;
export type WarrantyStatus = (typeof WARRANTY_STATUSES)[number];

export interface WarrantyTerms {
  /** 'YYYY-MM-DD' in Shanghai, or null/absent when not known. */
  readonly purchasedOn?: string | null;
  /** Whole months; null/absent when the product line's terms are not known. */
  readonly warrantyMonths?: number | null;
}

export interface WarrantyResult {
  readonly status: WarrantyStatus;
  /** The last day covered, when known. */
  readonly coveredThrough?: string;
  readonly label: { readonly zh: string; readonly en: string };
}

export const WARRANTY_STATUS_LABELS: Readonly<Record<WarrantyStatus, { zh: string; en: string }>> = {
  in_warranty: { zh: '保修期内', en: 'In warranty' },
  expired: { zh: '已过保', en: 'Out of warranty' },
  unknown: { zh: '保修状态未知', en: 'Warranty unknown' },
};

function addMonthsClamped(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`;
}

/**
 * The warranty status on date `on`.
 * @throws {DomainError} `invalid_input` for a malformed date or months that are not a whole number 0–240
 * @example warrantyStatus({ purchasedOn: '2025-03-10', warrantyMonths: 12 }, '2026-03-09').status // 'in_warranty'
 */
export function warrantyStatus(terms: WarrantyTerms, on: string): WarrantyResult {
  assertIsoDate(on, 'on');
  const { purchasedOn, warrantyMonths } = terms;
  if (purchasedOn === undefined || purchasedOn === null || warrantyMonths === undefined || warrantyMonths === null)
    return { status: 'unknown', label: WARRANTY_STATUS_LABELS.unknown };
  assertIsoDate(purchasedOn, 'purchasedOn');
  if (!Number.isInteger(warrantyMonths) || warrantyMonths < 0 || warrantyMonths > 240)
    throw errors.invalidInput('warrantyMonths', {
      zh: '须为 0–240 的整数',
      en: 'must be a whole number from 0 to 240',
    });
  const coveredThrough = addDays(addMonthsClamped(purchasedOn, warrantyMonths), -1);
  const status: WarrantyStatus = on >= purchasedOn && on <= coveredThrough ? 'in_warranty' : 'expired';
  return { status, coveredThrough, label: WARRANTY_STATUS_LABELS[status] };
}

/** Whether the first inspection visit is free, and what an inspection costs otherwise (integer fen). */
export interface InspectionFeePolicy {
  /** A customer's first order gets a free inspection. */
  readonly freeFirstInspection: boolean;
  /** Inspections in warranty are free whatever the count. */
  readonly freeInWarranty: boolean;
  readonly inspectionFeeFen: number;
}

export const DEFAULT_INSPECTION_FEE_POLICY: InspectionFeePolicy = {
  freeFirstInspection: true,
  freeInWarranty: true,
  inspectionFeeFen: 5_000,
};

/**
 * Whether this order's inspection is free because it is the customer's first (`priorOrderCount` = the customer's
 * earlier orders in the workspace, found by phone blind index; cancelled ones count too, so cancelling does not
 * re-arm it).
 */
export function firstInspectionFree(
  policy: Pick<InspectionFeePolicy, 'freeFirstInspection'>,
  priorOrderCount: number,
): boolean {
  if (!Number.isInteger(priorOrderCount) || priorOrderCount < 0)
    throw errors.invalidInput('priorOrderCount', { zh: '须为非负整数', en: 'must be a whole number, zero or more' });
  return policy.freeFirstInspection && priorOrderCount === 0;
}

/** The inspection fee in fen for an order: 0 when free as a first order or in warranty. */
export function inspectionFeeFen(
  policy: InspectionFeePolicy,
  priorOrderCount: number,
  warranty: WarrantyStatus,
): number {
  if (firstInspectionFree(policy, priorOrderCount)) return 0;
  if (policy.freeInWarranty && warranty === 'in_warranty') return 0;
  return policy.inspectionFeeFen;
}
