import {
  complaintRatesFromCounts,
  complaintRateWindow,
  DEFAULT_COMPLAINT_RATE_SMOOTHING,
  DEFAULT_COMPLAINT_RATE_WINDOW_DAYS,
  requirePermission,
  validateComplaintRateSmoothing,
  type Actor,
  type ComplaintCounts,
  type ComplaintRateRow,
  type ComplaintRateSmoothing,
  type ComplaintRateWindow,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { ServiceDeps } from './service-deps.js';

export interface ComplaintRateReport {
  readonly window: ComplaintRateWindow;
  readonly smoothing: ComplaintRateSmoothing;
  readonly outlets: readonly (ComplaintRateRow & { readonly name: string | null })[];
  readonly technicians: readonly (ComplaintRateRow & { readonly name: string | null })[];
}

/**
 * Complaint rates per outlet and technician (the domain's `complaintRatesFromCounts` over counts the database
 * groups): repair orders taken in the window (up to and including now), complaints filed in it and not resolved as not upheld. The report
 * route reads them with names; dispatch ranking reads each technician's smoothed rate.
 */
export class ComplaintRateService {
  constructor(private readonly deps: ServiceDeps) {}

  /** The report. @throws {DomainError} forbidden without service.dispatch; invalid_input */
  async report(
    actor: Actor,
    query: { readonly days?: number; readonly priorRate?: number; readonly priorWeight?: number } = {},
  ): Promise<ComplaintRateReport> {
    requirePermission(actor, 'service.dispatch');
    const smoothing = validateComplaintRateSmoothing({
      priorRate: query.priorRate ?? DEFAULT_COMPLAINT_RATE_SMOOTHING.priorRate,
      priorWeight: query.priorWeight ?? DEFAULT_COMPLAINT_RATE_SMOOTHING.priorWeight,
    });
    const window = complaintRateWindow(this.deps.clock.nowMs(), query.days ?? DEFAULT_COMPLAINT_RATE_WINDOW_DAYS);
    const db = this.deps.db.reader;
    const counts = await this.counts(db, actor.workspaceId, window);
    const [outletNames, technicianNames] = await Promise.all([
      db.selectFrom('outlets').select(['id', 'name']).where('workspace_id', '=', actor.workspaceId).execute(),
      db.selectFrom('technicians').select(['id', 'name']).where('workspace_id', '=', actor.workspaceId).execute(),
    ]);
    const names = (rows: { id: string; name: string }[]) => new Map(rows.map((r) => [r.id, r.name]));
    const outletName = names(outletNames);
    const technicianName = names(technicianNames);
    return {
      window,
      smoothing,
      outlets: complaintRatesFromCounts(counts.outlets, smoothing).map((r) => ({
        ...r,
        name: outletName.get(r.id) ?? null,
      })),
      technicians: complaintRatesFromCounts(counts.technicians, smoothing).map((r) => ({
        ...r,
        name: technicianName.get(r.id) ?? null,
      })),
    };
  }

  /** Each technician's smoothed rate over the default window, for the dispatch index. */
  async technicianRates(workspaceId: string): Promise<ReadonlyMap<string, number>> {
    const window = complaintRateWindow(this.deps.clock.nowMs());
    const { technicians } = await this.counts(this.deps.db.reader, workspaceId, window);
    const rates = new Map<string, number>();
    for (const row of complaintRatesFromCounts(technicians)) if (row.rate !== null) rates.set(row.id, row.rate);
    return rates;
  }

  private async counts(
    db: Kysely<Database>,
    workspaceId: string,
    window: ComplaintRateWindow,
  ): Promise<{ outlets: Map<string, ComplaintCounts>; technicians: Map<string, ComplaintCounts> }> {
    const outlets = new Map<string, { orders: number; complaints: number }>();
    const technicians = new Map<string, { orders: number; complaints: number }>();
    const add = (map: typeof outlets, id: string | null, field: 'orders' | 'complaints', n: number) => {
      if (!id) return;
      const counts = map.get(id) ?? { orders: 0, complaints: 0 };
      counts[field] += n;
      map.set(id, counts);
    };
    // One scan per table, grouped by outlet and technician together; both maps are summed from the groups.
    const orders = await db
      .selectFrom('repair_orders')
      .select(['outlet_id', 'technician_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '>=', window.from)
      .where('created_at', '<=', window.to)
      .where('status', '!=', 'cancelled')
      .groupBy(['outlet_id', 'technician_id'])
      .execute();
    for (const row of orders) {
      add(outlets, row.outlet_id, 'orders', Number(row.n));
      add(technicians, row.technician_id, 'orders', Number(row.n));
    }
    const complaints = await db
      .selectFrom('complaints')
      .select(['outlet_id', 'technician_id', (eb) => eb.fn.countAll<number | string>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('created_at', '>=', window.from)
      .where('created_at', '<=', window.to)
      .where((eb) => eb.or([eb('upheld', 'is', null), eb('upheld', '=', 1)]))
      .groupBy(['outlet_id', 'technician_id'])
      .execute();
    for (const row of complaints) {
      add(outlets, row.outlet_id, 'complaints', Number(row.n));
      add(technicians, row.technician_id, 'complaints', Number(row.n));
    }
    return { outlets, technicians };
  }
}
