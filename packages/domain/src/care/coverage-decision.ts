import type { FaultCategory } from '../service/fault-categories.js';
import { FAULT_CATEGORY_LABELS } from '../service/fault-categories.js';
import { assertIsoDate } from '../service/shanghai-time.js';
import { warrantyStatus, type InspectionFeePolicy, type WarrantyStatus } from '../service/warranty.js';
import type { PlanTerm, PlanTerms, SerialPlanStatus } from './plan.js';

type Bilingual = { readonly zh: string; readonly en: string };

/** What is known about the repair when coverage is decided. */
export interface CoverageOrderFacts {
  readonly faultCategory: FaultCategory;
  readonly productLine: string;
  /** The day of the decision (intake or completion), Shanghai. */
  readonly on: string;
  /** Damage the customer caused; the standard warranty never covers it. */
  readonly accidentalDamage: boolean;
  /** The customer's earlier repair orders (the free first inspection). */
  readonly priorOrderCount: number;
}

/** The serial's registration: purchase date and standard warranty (null: the serial is not registered). */
export interface CoverageRegistration {
  readonly purchasedOn: string | null;
  readonly warrantyMonths: number | null;
}

/** A plan sold on the serial, with what it has paid this term. */
export interface CoveragePlan {
  readonly id: string;
  readonly name: Bilingual;
  readonly status: SerialPlanStatus;
  readonly terms: PlanTerms;
  /** Null until activated. */
  readonly term: PlanTerm | null;
  readonly claimsUsed: { readonly count: number; readonly amountFen: number };
}

/** The visit's charges; null where not known yet (at intake labour and parts are not). */
export interface CoverageCharges {
  readonly labourFen: number | null;
  readonly parts: readonly { readonly name: string; readonly quantity: number; readonly priceFen: number }[] | null;
}

export const COVERAGE_PAYERS = ['customer', 'first_inspection', 'standard_warranty', 'plan'] as const;
export type CoveragePayer = (typeof COVERAGE_PAYERS)[number];

export interface CoverageLine {
  readonly kind: 'call_out' | 'labour' | 'parts' | 'part';
  readonly label: Bilingual;
  /** Gross amount; null when not known yet. */
  readonly amountFen: number | null;
  readonly coveredFen: number | null;
  readonly customerPaysFen: number | null;
  readonly payer: CoveragePayer;
  readonly planId: string | null;
  readonly reason: Bilingual;
}

export interface CoverageDecision {
  readonly basis: 'intake' | 'completion';
  /** The fact it was decided on: damage the customer caused. */
  readonly accidentalDamage: boolean;
  readonly warranty: { readonly status: WarrantyStatus; readonly coveredThrough: string | null };
  readonly lines: readonly CoverageLine[];
  /** What the customer pays for the lines whose amount is known. */
  readonly customerPaysFen: number;
  /** True when a line the customer would pay has no amount yet (to be quoted on site). */
  readonly customerPaysMore: boolean;
  readonly coveredFen: number;
  /** One claim per plan that covered any line, with what it paid. */
  readonly planClaims: readonly { readonly planId: string; readonly amountFen: number }[];
  /** For every plan on the serial: whether it applied, and why not. */
  readonly planNotes: readonly { readonly planId: string; readonly applies: boolean; readonly reason: Bilingual }[];
  readonly summary: Bilingual;
}

export interface CoverageInput {
  readonly order: CoverageOrderFacts;
  readonly registration: CoverageRegistration | null;
  readonly plans: readonly CoveragePlan[];
  readonly policy: InspectionFeePolicy;
  /** Omitted at intake. */
  readonly charges?: CoverageCharges;
}

/** `¥12.50` */
export function formatYuan(fen: number): string {
  return `¥${(fen / 100).toFixed(2)}`;
}

/** Why a plan does not apply to this order, or null when it does. */
function planRefusal(plan: CoveragePlan, order: CoverageOrderFacts): Bilingual | null {
  const { terms, term } = plan;
  if (plan.status === 'cancelled') return { zh: '已退保', en: 'cancelled' };
  if (plan.status !== 'active' || term === null) return { zh: '尚未激活', en: 'not activated yet' };
  if (order.on < term.startsOn)
    return { zh: `保障期自 ${term.startsOn} 起`, en: `its term starts on ${term.startsOn}` };
  if (order.on > term.endsOn) return { zh: `已于 ${term.endsOn} 到期`, en: `expired on ${term.endsOn}` };
  if (order.on < term.claimableFrom)
    return {
      zh: `等待期内（${term.claimableFrom} 起可理赔）`,
      en: `in its waiting period (claims from ${term.claimableFrom})`,
    };
  if (terms.productLines.length > 0 && !terms.productLines.includes(order.productLine))
    return { zh: `不保障产品线「${order.productLine}」`, en: `does not cover the product line "${order.productLine}"` };
  if (terms.coverage.faultCategories.length > 0 && !terms.coverage.faultCategories.includes(order.faultCategory)) {
    const label = FAULT_CATEGORY_LABELS[order.faultCategory];
    return { zh: `不保障「${label.zh}」`, en: `does not cover "${label.en}"` };
  }
  if (order.accidentalDamage && !terms.coverage.accidentalDamage)
    return { zh: '不保障意外损坏', en: 'does not cover accidental damage' };
  if (terms.maxClaims !== null && plan.claimsUsed.count >= terms.maxClaims)
    return {
      zh: `本期理赔次数已用完（${plan.claimsUsed.count}/${terms.maxClaims}）`,
      en: `its claims this term are used up (${plan.claimsUsed.count}/${terms.maxClaims})`,
    };
  if (terms.maxAmountFen !== null && plan.claimsUsed.amountFen >= terms.maxAmountFen)
    return {
      zh: `本期保额已用完（${formatYuan(terms.maxAmountFen)}）`,
      en: `its amount this term is used up (${formatYuan(terms.maxAmountFen)})`,
    };
  return null;
}

const COMPONENT = {
  call_out: { zh: '上门检测费', en: 'Call-out / inspection' },
  labour: { zh: '人工费', en: 'Labour' },
  parts: { zh: '配件', en: 'Parts' },
} as const;

type Component = 'callOut' | 'labour' | 'parts';

/**
 * Decides who pays each part of a repair and why: the call-out (inspection) fee, labour, and each part. The free
 * first inspection and the free in-warranty inspection (the workspace's inspection policy) come first; then the
 * standard warranty (labour and parts, never accidental damage); then the serial's plans in the order given (each
 * must be active, in term, past its waiting period, cover the product line, the fault and accidental damage when
 * it is, and have claims and amount left; what exceeds the amount left falls to the customer). At intake labour
 * and parts have no amount yet: the decision says who will pay them. Pure; amounts in integer fen.
 * @throws {DomainError} `invalid_input` for a malformed date
 */
export function decideCoverage(input: CoverageInput): CoverageDecision {
  const { order, registration, plans, policy, charges } = input;
  assertIsoDate(order.on, 'on');
  const warranty = registration
    ? warrantyStatus(registration, order.on)
    : warrantyStatus({ purchasedOn: null, warrantyMonths: null }, order.on);
  const inWarranty = warranty.status === 'in_warranty';
  const through = warranty.coveredThrough ?? null;
  const planNotes = plans.map((plan) => {
    const refusal = planRefusal(plan, order);
    return {
      planId: plan.id,
      applies: refusal === null,
      reason: refusal
        ? { zh: `${plan.name.zh}：${refusal.zh}`, en: `${plan.name.en}: ${refusal.en}` }
        : { zh: `${plan.name.zh}：有效`, en: `${plan.name.en}: applies` },
    };
  });
  const eligible = plans.filter((_, i) => planNotes[i]!.applies);
  const left = new Map(
    eligible.map((p) => [
      p.id,
      p.terms.maxAmountFen === null ? Infinity : p.terms.maxAmountFen - p.claimsUsed.amountFen,
    ]),
  );
  const paid = new Map<string, number>();

  const warrantyReason: Bilingual = {
    zh: `保修期内（至 ${through}），非人为损坏`,
    en: `in standard warranty (through ${through}), not accidental damage`,
  };
  const noCoverReason = (): Bilingual => {
    const why: string[] = [];
    const whyEn: string[] = [];
    if (order.accidentalDamage && inWarranty) {
      why.push('意外损坏不在保修范围');
      whyEn.push('accidental damage is outside the standard warranty');
    } else if (warranty.status === 'expired') {
      why.push(`已过保（${through} 到期）`);
      whyEn.push(`out of warranty (ended ${through})`);
    } else if (warranty.status === 'unknown') {
      why.push('保修状态未知（无购买日期）');
      whyEn.push('warranty unknown (no purchase date)');
    }
    if (plans.length === 0) {
      why.push('无保障计划');
      whyEn.push('no care plan');
    } else {
      why.push('保障计划不适用');
      whyEn.push('no care plan applies');
    }
    return { zh: `客户自付：${why.join('；')}`, en: `Customer pays: ${whyEn.join('; ')}` };
  };

  /** Who pays `amount` (null: unknown yet) of a component. */
  const decide = (
    kind: CoverageLine['kind'],
    component: Component,
    label: Bilingual,
    amount: number | null,
  ): CoverageLine => {
    const line = (payer: CoveragePayer, planId: string | null, covered: number | null, reason: Bilingual) => ({
      kind,
      label,
      amountFen: amount,
      coveredFen: covered,
      customerPaysFen: amount === null ? (payer === 'customer' ? null : 0) : amount - (covered ?? 0),
      payer,
      planId,
      reason,
    });
    if (component === 'callOut' && policy.freeFirstInspection && order.priorOrderCount === 0)
      return line('first_inspection', null, amount, {
        zh: '首次上门检测免费（客户的第一张工单）',
        en: "First inspection free (the customer's first order)",
      });
    if (component === 'callOut' && policy.freeInWarranty && inWarranty && !order.accidentalDamage)
      return line('standard_warranty', null, amount, {
        zh: `上门检测免费：${warrantyReason.zh}`,
        en: `Inspection free: ${warrantyReason.en}`,
      });
    if (component !== 'callOut' && inWarranty && !order.accidentalDamage)
      return line('standard_warranty', null, amount, {
        zh: `厂家保修：${warrantyReason.zh}`,
        en: `Standard warranty: ${warrantyReason.en}`,
      });
    for (const plan of eligible) {
      if (!plan.terms.coverage[component]) continue;
      const remaining = left.get(plan.id) ?? 0;
      if (remaining <= 0) continue;
      const covered = amount === null ? null : Math.min(amount, remaining);
      if (covered !== null) left.set(plan.id, remaining - covered);
      paid.set(plan.id, (paid.get(plan.id) ?? 0) + (covered ?? 0));
      const capped = amount !== null && covered !== null && covered < amount;
      const limitNote =
        amount === null && remaining !== Infinity
          ? { zh: `，本期剩余保额 ${formatYuan(remaining)}`, en: `, ${formatYuan(remaining)} left this term` }
          : { zh: '', en: '' };
      return line('plan', plan.id, covered, {
        zh: capped
          ? `${plan.name.zh}保障 ${formatYuan(covered)}（本期保额余额），其余客户自付`
          : `${plan.name.zh}保障（至 ${plan.term?.endsOn}）${limitNote.zh}`,
        en: capped
          ? `${plan.name.en} pays ${formatYuan(covered)} (what is left this term); the customer pays the rest`
          : `${plan.name.en} covers it (through ${plan.term?.endsOn})${limitNote.en}`,
      });
    }
    return line('customer', null, 0, noCoverReason());
  };

  const lines: CoverageLine[] = [decide('call_out', 'callOut', COMPONENT.call_out, policy.inspectionFeeFen)];
  lines.push(decide('labour', 'labour', COMPONENT.labour, charges ? charges.labourFen : null));
  if (!charges || charges.parts === null) lines.push(decide('parts', 'parts', COMPONENT.parts, null));
  else
    for (const part of charges.parts)
      lines.push(
        decide(
          'part',
          'parts',
          { zh: `配件：${part.name} ×${part.quantity}`, en: `Part: ${part.name} ×${part.quantity}` },
          part.quantity * part.priceFen,
        ),
      );

  const customerPaysFen = lines.reduce((sum, l) => sum + (l.customerPaysFen ?? 0), 0);
  const coveredFen = lines.reduce((sum, l) => sum + (l.coveredFen ?? 0), 0);
  const customerPaysMore = lines.some((l) => l.customerPaysFen === null);
  const planClaims = eligible
    .filter((p) => lines.some((l) => l.planId === p.id))
    .map((p) => ({ planId: p.id, amountFen: paid.get(p.id) ?? 0 }));
  const summary: Bilingual = customerPaysMore
    ? {
        zh: `客户需付 ${formatYuan(customerPaysFen)}，另加现场报价的人工或配件`,
        en: `Customer pays ${formatYuan(customerPaysFen)} plus labour or parts quoted on site`,
      }
    : customerPaysFen === 0
      ? { zh: '客户无需付费（¥0.00）', en: 'The customer pays nothing (¥0.00)' }
      : { zh: `客户需付 ${formatYuan(customerPaysFen)}`, en: `Customer pays ${formatYuan(customerPaysFen)}` };
  return {
    basis: charges ? 'completion' : 'intake',
    accidentalDamage: order.accidentalDamage,
    warranty: { status: warranty.status, coveredThrough: through },
    lines,
    customerPaysFen,
    customerPaysMore,
    coveredFen,
    planClaims,
    planNotes,
    summary,
  };
}
