import {
  addDays,
  assertIsoDate,
  checkTechnicianForRequest,
  createBusinessCalendar,
  createDispatchIndex,
  decideDispatch,
  DomainError,
  errors,
  isSlot,
  requirePermission,
  SLOTS,
  type Actor,
  type BusinessCalendar,
  type DayKind,
  type DispatchCandidate,
  type DispatchDecision,
  type DispatchIndex,
  type DispatchRequest,
  type Slot,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { loadRepairOrderRow, type RepairOrderRow } from '../adapters/db/repair.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { RepairNetwork } from './repair-network.js';
import type { RepairOrderDetail } from './repair-order.service.js';
import { HOLDING_STATUSES, type RepairWorkflowService } from './repair-workflow.service.js';
import { requireText, type ServiceDeps } from './service-deps.js';

/** Free capacity of one day for a request, slot by slot. */
export interface DayAvailability {
  readonly date: string;
  /** workday | weekend | holiday | makeup_workday (the business calendar's). */
  readonly dayKind: DayKind;
  /** The holiday's name, on holidays and their make-up days. */
  readonly holiday: { readonly zh: string; readonly en: string } | null;
  readonly slots: readonly {
    readonly slot: Slot;
    /** How many more bookings the eligible technicians can take. */
    readonly free: number;
    /** Technicians who pass every hard filter (coverage, skill, working day, capacity). */
    readonly technicians: number;
  }[];
}

/** A candidate with the names people read. */
export type CandidateView = DispatchCandidate & {
  readonly technicianName: string | null;
  readonly outletName: string | null;
};

/** A dispatch decision for one order's date and slot, candidates named. */
export interface DispatchView extends Omit<DispatchDecision, 'chosen' | 'candidates' | 'indexVersion'> {
  readonly date: string;
  readonly slot: Slot;
  readonly chosen: CandidateView | null;
  readonly candidates: readonly CandidateView[];
  readonly networkVersion: string | number | null;
}

function present(decision: DispatchDecision, index: DispatchIndex, request: DispatchRequest): DispatchView {
  const named = (c: DispatchCandidate): CandidateView => ({
    ...c,
    technicianName: index.technicians.get(c.technicianId)?.technician.name ?? null,
    outletName: index.outlets.get(c.outletId)?.name ?? null,
  });
  const { indexVersion, chosen, candidates, ...rest } = decision;
  return {
    ...rest,
    date: request.date,
    slot: request.slot,
    chosen: chosen ? named(chosen) : null,
    candidates: candidates.map(named),
    networkVersion: indexVersion ?? null,
  };
}

/** Most days one availability query spans. */
export const MAX_AVAILABILITY_DAYS = 31;

/**
 * Dispatch of repair orders: the dispatch index built once per network version and cached per workspace (a change
 * anywhere in the network bumps the version, and the next request rebuilds), loads counted from booked orders, the
 * domain's `decideDispatch` for ranked, explained candidates, automatic dispatch of the best one, a dispatcher's
 * manual assignment with the hard filters' verdict recorded, and free capacity per slot for booking.
 */
export class DispatchService {
  private readonly cache = new Map<string, { readonly version: number; readonly index: DispatchIndex }>();
  private readonly calendar: BusinessCalendar;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly network: RepairNetwork,
    private readonly workflow: RepairWorkflowService,
    calendar?: BusinessCalendar,
    /** Each technician's complaint rate (issue 8), a ranking input; a complaint that moves it bumps the version. */
    private readonly complaintRates?: (workspaceId: string) => Promise<ReadonlyMap<string, number>>,
  ) {
    this.calendar = calendar ?? createBusinessCalendar();
  }

  /** The workspace's dispatch index at its current network version (rebuilt when the version moved). */
  async indexFor(workspaceId: string): Promise<DispatchIndex> {
    const version = await this.network.networkVersion(workspaceId);
    const cached = this.cache.get(workspaceId);
    if (cached && cached.version === version) return cached.index;
    const network = await this.network.dispatchNetwork(workspaceId);
    const rates = (await this.complaintRates?.(workspaceId)) ?? new Map<string, number>();
    const index = createDispatchIndex({
      version: network.version,
      outlets: network.outlets.map((o) => ({ id: o.id, name: o.name, areaCode: o.areaCode, active: o.active })),
      coverage: network.coverage,
      technicians: network.technicians.map((t) => ({
        id: t.id,
        name: t.name,
        homeOutletId: t.homeOutletId,
        productLines: t.skills.productLines,
        faultCategories: t.skills.faultCategories,
        rating: t.rating,
        capacityPerSlot: t.capacityOverride,
        active: t.active,
        daysOff: t.daysOff,
        extraWorkingDays: t.extraWorkingDays,
        complaintRate: rates.get(t.id) ?? null,
      })),
    });
    this.cache.set(workspaceId, { version: network.version, index });
    return index;
  }

  /** Bookings per technician for a date and slot, from booked orders (a cancelled one frees its slot). */
  private async loads(
    db: Kysely<Database>,
    workspaceId: string,
    date: string,
    slot: Slot,
    exceptOrderId?: string,
  ): Promise<Map<string, number>> {
    let query = db
      .selectFrom('repair_orders')
      .select((eb) => ['technician_id', eb.fn.countAll<number | string>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('booked_date', '=', date)
      .where('booked_slot', '=', slot)
      .where('technician_id', 'is not', null)
      .where('status', 'in', HOLDING_STATUSES)
      .groupBy('technician_id');
    if (exceptOrderId) query = query.where('id', '!=', exceptOrderId);
    const rows = await query.execute();
    return new Map(rows.map((r) => [r.technician_id ?? '', Number(r.n)]));
  }

  private async request(row: RepairOrderRow, when?: { date?: string; slot?: Slot }): Promise<DispatchRequest> {
    const settings = await this.network.settings(row.workspace_id);
    const date = assertIsoDate(when?.date ?? row.booked_date ?? row.preferred_date, 'date');
    const slot = when?.slot ?? row.booked_slot ?? row.preferred_slot;
    if (!isSlot(slot))
      throw errors.invalidInput('slot', {
        zh: `须为 ${SLOTS.join('、')} 之一`,
        en: `must be one of ${SLOTS.join(', ')}`,
      });
    return {
      areaCode: row.area_code,
      productLine: row.product_line,
      faultCategory: row.fault_category,
      date,
      slot,
      capacityPerTechnician: settings.slots.capacityPerTechnician,
    };
  }

  /**
   * Ranked candidates for an order (its booked or preferred slot unless another is asked for), each explained, with
   * counts of who was left out and why.
   * @throws {DomainError} `forbidden` without `service.dispatch`; `not_found`; `invalid_input`
   */
  async candidates(actor: Actor, orderId: string, when?: { date?: string; slot?: Slot }): Promise<DispatchView> {
    requirePermission(actor, 'service.dispatch');
    // The query-only connection: on SQLite a read never waits for the write in flight.
    const db = this.deps.db.reader;
    const row = await loadRepairOrderRow(db, actor.workspaceId, orderId);
    const request = await this.request(row, when);
    const [index, loads] = await Promise.all([
      this.indexFor(actor.workspaceId),
      this.loads(db, actor.workspaceId, request.date, request.slot, row.id),
    ]);
    return present(decideDispatch(index, request, loads, this.calendar), index, request);
  }

  /**
   * Automatic dispatch: assigns the best-ranked candidate, with the decision (candidate's explanation, the summary of
   * who was left out) recorded in the order's history.
   * @throws {DomainError} `invalid_state` when nobody is eligible (the summary says why) or the order cannot be
   *   assigned now; `forbidden`; `not_found`; `conflict`
   */
  async autoDispatch(actor: Actor, orderId: string, when?: { date?: string; slot?: Slot }): Promise<RepairOrderDetail> {
    const decision = await this.candidates(actor, orderId, when);
    const chosen = decision.chosen;
    if (!chosen)
      throw new DomainError(
        'invalid_state',
        {
          zh: `没有可派的技师：${decision.summary.zh}`,
          en: `No technician can take the order: ${decision.summary.en}`,
        },
        { what: 'repair order', action: 'dispatch', rejected: decision.rejected },
      );
    const row = await loadRepairOrderRow(this.deps.db.kysely, actor.workspaceId, orderId);
    const request = await this.request(row, when);
    return this.workflow.assign(
      actor,
      orderId,
      { technicianId: chosen.technicianId, date: request.date, slot: request.slot, capacity: chosen.capacity },
      {
        mode: 'auto',
        rank: chosen.rank,
        explanation: chosen.explanation,
        summary: decision.summary,
        eligible: decision.eligible,
        rejected: decision.rejected,
        runnersUp: decision.candidates.slice(1, 4).map((c) => c.technicianId),
        networkVersion: decision.networkVersion,
      },
    );
  }

  /**
   * A dispatcher's assignment or reassignment, with a reason. It may override the hard filters (a technician from
   * outside the coverage, a full slot); what it overrode is recorded with it.
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input`; `invalid_state`; `conflict`
   */
  async manualAssign(
    actor: Actor,
    orderId: string,
    input: { readonly technicianId: string; readonly date: string; readonly slot: Slot; readonly reason: string },
  ): Promise<RepairOrderDetail> {
    requirePermission(actor, 'service.dispatch');
    const reason = requireText('reason', input.reason, 1000);
    // The query-only connection: on SQLite a read never waits for the write in flight.
    const db = this.deps.db.reader;
    const row = await loadRepairOrderRow(db, actor.workspaceId, orderId);
    const request = await this.request(row, { date: input.date, slot: input.slot });
    const [index, loads] = await Promise.all([
      this.indexFor(actor.workspaceId),
      this.loads(db, actor.workspaceId, request.date, request.slot, row.id),
    ]);
    const check = checkTechnicianForRequest(index, request, input.technicianId, loads, this.calendar);
    return this.workflow.assign(
      actor,
      orderId,
      { technicianId: input.technicianId, date: request.date, slot: request.slot },
      { mode: 'manual', reason, ...(check.ok ? {} : { overrides: { reason: check.reason, text: check.text } }) },
    );
  }

  /**
   * Free capacity per date and slot for a request (for booking): the technicians who pass every hard filter and
   * how many more bookings they can take, over at most 31 days.
   * @throws {DomainError} `forbidden` without `network.read`; `invalid_input`
   */
  async availability(
    actor: Actor,
    query: { areaCode: string; productLine: string; faultCategory: string; from: string; to: string },
  ): Promise<{ days: DayAvailability[] }> {
    requirePermission(actor, 'network.read');
    return this.availabilityIn(actor.workspaceId, query);
  }

  /** {@link availability} for a workspace (the public booking form). */
  async availabilityIn(
    workspaceId: string,
    query: { areaCode: string; productLine: string; faultCategory: string; from: string; to: string },
  ): Promise<{ days: DayAvailability[] }> {
    const from = assertIsoDate(query.from, 'from');
    const to = assertIsoDate(query.to, 'to');
    if (to < from || addDays(from, MAX_AVAILABILITY_DAYS - 1) < to)
      throw errors.invalidInput('to', {
        zh: `须不早于 from，且至多 ${MAX_AVAILABILITY_DAYS} 天`,
        en: `must not be before from, and span at most ${MAX_AVAILABILITY_DAYS} days`,
      });
    const settings = await this.network.settings(workspaceId);
    const index = await this.indexFor(workspaceId);
    // The query-only connection: on SQLite a read never waits for the write in flight.
    const db = this.deps.db.reader;
    const booked = await db
      .selectFrom('repair_orders')
      .select((eb) => ['technician_id', 'booked_date', 'booked_slot', eb.fn.countAll<number | string>().as('n')])
      .where('workspace_id', '=', workspaceId)
      .where('booked_date', '>=', from)
      .where('booked_date', '<=', to)
      .where('technician_id', 'is not', null)
      .where('status', 'in', HOLDING_STATUSES)
      .groupBy(['technician_id', 'booked_date', 'booked_slot'])
      .execute();
    const days: DayAvailability[] = [];
    for (let date = from; date <= to; date = addDays(date, 1)) {
      const info = this.calendar.dayKind(date);
      const slots = SLOTS.map((slot) => {
        const loads = new Map(
          booked
            .filter((b) => b.booked_date === date && b.booked_slot === slot)
            .map((b) => [b.technician_id ?? '', Number(b.n)]),
        );
        const decision = decideDispatch(
          index,
          {
            areaCode: query.areaCode,
            productLine: query.productLine,
            faultCategory: query.faultCategory,
            date,
            slot,
            capacityPerTechnician: settings.slots.capacityPerTechnician,
            limit: Math.max(1, index.technicianCount),
          },
          loads,
          this.calendar,
        );
        return {
          slot,
          free: decision.candidates.reduce((sum, c) => sum + Math.max(0, c.capacity - c.load), 0),
          technicians: decision.eligible,
        };
      });
      days.push({ date, dayKind: info.kind, holiday: info.name ?? null, slots });
    }
    return { days };
  }
}
