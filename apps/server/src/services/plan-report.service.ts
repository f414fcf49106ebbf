import { assertIsoDate, errors, requirePermission, shanghaiMidnightMs, addDays, type Actor } from '@proofdesk/domain';
import type { ServiceDeps } from './service-deps.js';

/** One plan's figures over a period. */
export interface PlanReportRow {
  readonly planId: string;
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  /** Sales made in the period (cancelled ones included), and how many of them were cancelled since. */
  readonly sold: number;
  readonly cancelled: number;
  /** Price of the sales in the period, less what was refunded on them. */
  readonly revenueFen: number;
  readonly refundsFen: number;
  readonly netRevenueFen: number;
  /** Claims paid in the period, and their total. */
  readonly claims: number;
  readonly claimsFen: number;
  /** claimsFen / netRevenueFen; null when nothing was earned. */
  readonly lossRatio: number | null;
}

export interface PlanReport {
  /** Inclusive Shanghai dates; null = unbounded. */
  readonly from: string | null;
  readonly to: string | null;
  readonly plans: readonly PlanReportRow[];
  readonly totals: Omit<PlanReportRow, 'planId' | 'code' | 'name'>;
}

const ratio = (claims: number, net: number): number | null =>
  net > 0 ? Math.round((claims / net) * 10_000) / 10_000 : null;

/** Plans sold, revenue, claims and loss ratio per plan over a period (`network.admin`: revenue is the brand's). */
export class PlanReportService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db'>) {}

  /**
   * The report for sales and claims whose time falls within `from`…`to` (Shanghai dates, inclusive).
   * @throws {DomainError} `forbidden` without `network.admin`; `invalid_input` for a bad date or `from` after `to`
   */
  async report(actor: Actor, query: { readonly from?: string; readonly to?: string } = {}): Promise<PlanReport> {
    requirePermission(actor, 'network.admin');
    const from = query.from ? assertIsoDate(query.from, 'from') : null;
    const to = query.to ? assertIsoDate(query.to, 'to') : null;
    if (from && to && from > to) throw errors.invalidInput('from', { zh: '不能晚于 to', en: 'must not be after to' });
    const fromIso = from ? new Date(shanghaiMidnightMs(from)).toISOString() : null;
    const toIso = to ? new Date(shanghaiMidnightMs(addDays(to, 1))).toISOString() : null;
    const db = this.deps.db.reader;
    const ws = actor.workspaceId;
    let sales = db
      .selectFrom('serial_plans')
      .where('workspace_id', '=', ws)
      .select((eb) => [
        'plan_id',
        eb.fn.countAll<string | number>().as('sold'),
        eb.fn.sum<string | number>('price_fen').as('revenue'),
        eb.fn.sum<string | number>('refund_fen').as('refunds'),
        eb.fn.sum<string | number>(eb.case().when('status', '=', 'cancelled').then(1).else(0).end()).as('cancelled'),
      ])
      .groupBy('plan_id');
    let claims = db
      .selectFrom('plan_claims')
      .where('workspace_id', '=', ws)
      .select((eb) => [
        'plan_id',
        eb.fn.countAll<string | number>().as('claims'),
        eb.fn.sum<string | number>('amount_fen').as('amount'),
      ])
      .groupBy('plan_id');
    if (fromIso) {
      sales = sales.where('sold_at', '>=', fromIso);
      claims = claims.where('created_at', '>=', fromIso);
    }
    if (toIso) {
      sales = sales.where('sold_at', '<', toIso);
      claims = claims.where('created_at', '<', toIso);
    }
    const [plans, saleRows, claimRows] = await Promise.all([
      db
        .selectFrom('care_plans')
        .select(['id', 'code', 'name_zh', 'name_en'])
        .where('workspace_id', '=', ws)
        .orderBy('code')
        .execute(),
      sales.execute(),
      claims.execute(),
    ]);
    const saleBy = new Map(saleRows.map((r) => [r.plan_id, r]));
    const claimBy = new Map(claimRows.map((r) => [r.plan_id, r]));
    const rows: PlanReportRow[] = plans.map((p) => {
      const s = saleBy.get(p.id);
      const c = claimBy.get(p.id);
      const revenueFen = Number(s?.revenue ?? 0);
      const refundsFen = Number(s?.refunds ?? 0);
      const netRevenueFen = revenueFen - refundsFen;
      const claimsFen = Number(c?.amount ?? 0);
      return {
        planId: p.id,
        code: p.code,
        name: { zh: p.name_zh, en: p.name_en },
        sold: Number(s?.sold ?? 0),
        cancelled: Number(s?.cancelled ?? 0),
        revenueFen,
        refundsFen,
        netRevenueFen,
        claims: Number(c?.claims ?? 0),
        claimsFen,
        lossRatio: ratio(claimsFen, netRevenueFen),
      };
    });
    const sum = (k: 'sold' | 'cancelled' | 'revenueFen' | 'refundsFen' | 'netRevenueFen' | 'claims' | 'claimsFen') =>
      rows.reduce((total, r) => total + r[k], 0);
    return {
      from,
      to,
      plans: rows,
      totals: {
        sold: sum('sold'),
        cancelled: sum('cancelled'),
        revenueFen: sum('revenueFen'),
        refundsFen: sum('refundsFen'),
        netRevenueFen: sum('netRevenueFen'),
        claims: sum('claims'),
        claimsFen: sum('claimsFen'),
        lossRatio: ratio(sum('claimsFen'), sum('netRevenueFen')),
      },
    };
  }
}
