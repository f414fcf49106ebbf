import {
  actorLabel,
  computeSlaTimers,
  createBusinessCalendar,
  ESCALATION_LEVEL_LABELS,
  ESCALATION_LEVELS,
  escalationLevelFor,
  escalationSchedule,
  errors,
  isSlot,
  REPAIR_ORDER_EVENTS,
  SLA_KIND_LABELS,
  requirePermission,
  type Actor,
  type BusinessCalendar,
  type EscalationLevel,
  type RepairOrderEvent as DomainRepairEvent,
  type SlaHistoryEntry,
  type SlaTimer,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { loadRepairOrderEvents, type RepairOrderEvent, type RepairOrderRow } from '../adapters/db/repair.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { SlaEscalationsTable } from '../adapters/db/schema-repair.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import type { JobResult } from '../jobs/job-types.js';
import { notifySlaEscalation } from './notification-repair.js';
import type { RepairNetwork, RepairSettings } from './repair-network.js';
import { beijingMinute, outletManagerOf } from './escalation-support.js';
import { nowIso, pageSize, toPage, type Page, type ServiceDeps } from './service-deps.js';

/** An SLA timer as the order page shows it: the domain's timer and the escalation level it has reached. */
export type SlaTimerView = SlaTimer & { readonly escalationLevel: EscalationLevel | null };

/** A notification that an SLA timer was breached. */
export interface SlaEscalation {
  readonly id: string;
  readonly orderId: string;
  readonly timerKind: string;
  readonly level: string;
  readonly recipientRole: string;
  readonly recipientUserId: string | null;
  readonly message: { readonly zh: string; readonly en: string };
  readonly dueAt: string;
  readonly createdAt: string;
  readonly ackedAt: string | null;
  readonly ackedBy: string | null;
}

function toEscalation(row: Selectable<SlaEscalationsTable>): SlaEscalation {
  return {
    id: row.id,
    orderId: row.order_id,
    timerKind: row.timer_kind,
    level: row.level,
    recipientRole: row.recipient_role,
    recipientUserId: row.recipient_user_id,
    message: { zh: row.message_zh, en: row.message_en },
    dueAt: row.due_at,
    createdAt: row.created_at,
    ackedAt: row.acked_at,
    ackedBy: row.acked_by,
  };
}

const LEVEL_ROLES: Readonly<Record<EscalationLevel, string>> = {
  dispatcher: 'dispatcher',
  outlet_manager: 'outlet_manager',
  brand: 'admin',
};

const TERMINAL = new Set(['closed', 'cancelled']);
const STATUS_EVENTS: ReadonlySet<string> = new Set(REPAIR_ORDER_EVENTS);

/**
 * Response, arrival and resolution SLAs of repair orders, enforced by `sla.check` jobs on the database queue (never
 * a timer in memory): a status change schedules a check at the next moment something can be due; the check
 * records an escalation for each ladder level a breached timer has reached (dispatcher → outlet manager → brand),
 * audits it, and schedules the next level. Timers run on the business calendar and pause in waiting statuses (the
 * domain's `computeSlaTimers`).
 */
export class SlaService {
  private readonly calendar: BusinessCalendar;

  constructor(
    private readonly deps: ServiceDeps,
    private readonly network: RepairNetwork,
    calendar?: BusinessCalendar,
  ) {
    this.calendar = calendar ?? createBusinessCalendar();
  }

  /** The order's timers now, for its page. */
  async timersOf(row: RepairOrderRow, history: readonly RepairOrderEvent[]): Promise<SlaTimerView[]> {
    const settings = await this.network.settings(row.workspace_id);
    const nowMs = this.deps.clock.nowMs();
    let timers: SlaTimer[];
    try {
      timers = this.timers(history, settings, nowMs);
    } catch (error) {
      // A history the SLA cannot replay is a bug to fix, not a reason to hide the order: show it without timers.
      this.deps.logger.error({ orderId: row.id, err: error }, 'repair order history does not replay for the SLA');
      return [];
    }
    return timers.map((timer) => ({ ...timer, escalationLevel: escalationLevelFor(timer, nowMs, settings.slaPolicy) }));
  }

  private timers(history: readonly RepairOrderEvent[], settings: RepairSettings, nowMs: number): SlaTimer[] {
    return computeSlaTimers(toSlaHistory(history), settings.slaPolicy, this.calendar, nowMs, settings.slots);
  }

  /** The settings `schedule` needs: read them before the transaction (SQLite has one connection). */
  settingsFor(workspaceId: string): Promise<RepairSettings> {
    return this.network.settings(workspaceId);
  }

  /**
   * Schedules the order's next SLA check inside the caller's transaction (after a status change): at the earliest
   * due time of a running timer. A check already queued for that moment is not queued twice.
   */
  async schedule(
    trx: Kysely<Database>,
    row: RepairOrderRow,
    at: string,
    settings: RepairSettings,
    /** A new order's history, already known to the caller: nothing to read, no check queued yet. */
    fresh?: readonly RepairOrderEvent[],
  ): Promise<void> {
    if (TERMINAL.has(row.status)) return;
    const history = fresh ?? (await loadRepairOrderEvents(trx, row.workspace_id, row.id));
    const nowMs = Date.parse(at);
    const next = this.nextCheckMs(this.timers(history, settings, nowMs), settings, nowMs);
    if (next === null) return;
    const runAt = new Date(next).toISOString();
    if (fresh)
      await enqueueJob(
        trx,
        this.deps.ids,
        { kind: 'sla.check', workspaceId: row.workspace_id, orderId: row.id },
        { runAt },
      );
    else await this.enqueueCheck(trx, row.workspace_id, row.id, runAt);
  }

  /**
   * When to look again: the earliest due time of a timer still running (or paused with a known resume), or for a
   * breached timer still running, the time its next ladder level hears of it.
   */
  private nextCheckMs(timers: readonly SlaTimer[], settings: RepairSettings, nowMs: number): number | null {
    let next: number | null = null;
    for (const timer of timers) {
      if (timer.stoppedAt !== undefined || timer.dueAt === null) continue;
      let candidate: number | undefined;
      if (!timer.breachedAt) candidate = Date.parse(timer.dueAt);
      else
        candidate = escalationSchedule(timer.breachedAt, settings.slaPolicy)
          .map((step) => Date.parse(step.at))
          .find((at) => at > nowMs);
      if (candidate !== undefined && (next === null || candidate < next)) next = Math.max(candidate, nowMs);
    }
    return next;
  }

  private async enqueueCheck(trx: Kysely<Database>, workspaceId: string, orderId: string, runAt: string) {
    const payload = { kind: 'sla.check', workspaceId, orderId } as const;
    const queued = await trx
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', 'sla.check')
      .where('status', '=', 'queued')
      .where('run_at', '=', runAt)
      .where('payload_json', '=', JSON.stringify(payload))
      .executeTakeFirst();
    if (!queued) await enqueueJob(trx, this.deps.ids, payload, { runAt });
  }

  /**
   * The `sla.check` job: records an escalation for every ladder level each breached timer has reached (once per
   * timer and level, so a re-run changes nothing), audits it, marks the order breached, and schedules the next check.
   */
  async check(workspaceId: string, orderId: string): Promise<JobResult> {
    const { db, clock } = this.deps;
    const settings = await this.network.settings(workspaceId);
    const created = await db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('repair_orders')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', orderId)
        .executeTakeFirst();
      if (!row) return null;
      if (TERMINAL.has(row.status)) return 0;
      const at = nowIso(clock);
      const nowMs = Date.parse(at);
      const history = await loadRepairOrderEvents(trx, workspaceId, orderId);
      const timers = this.timers(history, settings, nowMs);
      let added = 0;
      for (const timer of timers) {
        const reached = escalationLevelFor(timer, nowMs, settings.slaPolicy);
        if (!reached) continue;
        for (const level of ESCALATION_LEVELS.slice(0, ESCALATION_LEVELS.indexOf(reached) + 1))
          added += await this.escalate(trx, row, timer, level, at);
      }
      if (added > 0 && Number(row.sla_breached) !== 1)
        await trx.updateTable('repair_orders').set({ sla_breached: 1 }).where('id', '=', row.id).execute();
      const next = this.nextCheckMs(timers, settings, nowMs);
      if (next !== null && next > nowMs)
        await this.enqueueCheck(trx, workspaceId, orderId, new Date(next).toISOString());
      return added;
    });
    if (created === null) return { outcome: 'skipped', why: 'no such repair order' };
    return { outcome: 'done' };
  }

  private async escalate(
    trx: Kysely<Database>,
    row: RepairOrderRow,
    timer: SlaTimer,
    level: EscalationLevel,
    at: string,
  ): Promise<number> {
    const recipientUserId =
      level === 'outlet_manager' ? await outletManagerOf(trx, row.workspace_id, row.outlet_id) : null;
    const name = SLA_KIND_LABELS[timer.kind];
    const to = ESCALATION_LEVEL_LABELS[level];
    const dueAt = beijingMinute(timer.dueAt ?? timer.breachedAt ?? at);
    const id = this.deps.ids.next();
    const message = {
      zh: `工单 ${row.number} 超出${name.zh}（应于 ${dueAt} 前），已通知${to.zh}`,
      en: `Order ${row.number} breached its ${name.en.toLowerCase()} SLA (due ${dueAt} Beijing time); ${to.en.toLowerCase()} notified`,
    };
    const result = await trx
      .insertInto('sla_escalations')
      .values({
        id,
        workspace_id: row.workspace_id,
        order_id: row.id,
        timer_kind: timer.kind,
        timer_started_at: timer.startedAt,
        level,
        recipient_role: LEVEL_ROLES[level],
        recipient_user_id: recipientUserId,
        message_zh: message.zh,
        message_en: message.en,
        due_at: dueAt,
        created_at: at,
        acked_at: null,
        acked_by: null,
      })
      .onConflict((oc) => oc.columns(['order_id', 'timer_kind', 'timer_started_at', 'level']).doNothing())
      .executeTakeFirst();
    if (Number(result.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
    await appendAudit(trx, this.deps.ids, {
      workspaceId: row.workspace_id,
      at,
      actor: 'system:sla',
      action: 'repair_order.sla_escalated',
      subjectType: 'repair_order',
      subjectId: row.id,
      data: { escalationId: id, timer: timer.kind, level, dueAt, breachedAt: timer.breachedAt },
    });
    // Issue 8: the escalation's notification, in this transaction (delivered after commit by notify.deliver).
    await notifySlaEscalation(trx, this.deps.ids, {
      id,
      row,
      level,
      recipientRole: LEVEL_ROLES[level],
      recipientUserId,
      timerKind: timer.kind,
      message,
      dueAt,
      at,
    });
    return 1;
  }

  /** Escalations of the workspace, newest first; `open` only the unacknowledged. @throws {DomainError} */
  async listEscalations(
    actor: Actor,
    query: { readonly open?: boolean; readonly orderId?: string; readonly cursor?: string; readonly limit?: number },
  ): Promise<Page<SlaEscalation>> {
    requirePermission(actor, 'service.dispatch');
    const size = pageSize(query.limit);
    let select = this.deps.db.kysely
      .selectFrom('sla_escalations')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id', 'desc')
      .limit(size + 1);
    if (query.open) select = select.where('acked_at', 'is', null);
    if (query.orderId) select = select.where('order_id', '=', query.orderId);
    if (query.cursor) select = select.where('id', '<', query.cursor);
    return toPage(await select.execute(), size, toEscalation);
  }

  /** Acknowledges an escalation (audited); acknowledging twice keeps the first. @throws {DomainError} */
  async ack(actor: Actor, escalationId: string): Promise<SlaEscalation> {
    requirePermission(actor, 'service.dispatch');
    const { db, ids, clock } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('sla_escalations')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', escalationId)
        .executeTakeFirst();
      if (!row) throw errors.notFound('escalation', escalationId);
      if (row.acked_at) return toEscalation(row);
      const at = nowIso(clock);
      const label = actorLabel(actor);
      await trx
        .updateTable('sla_escalations')
        .set({ acked_at: at, acked_by: label })
        .where('id', '=', row.id)
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: label,
        action: 'repair_order.sla_escalation_acked',
        subjectType: 'repair_order',
        subjectId: row.order_id,
        data: { escalationId: row.id, level: row.level },
      });
      return toEscalation({ ...row, acked_at: at, acked_by: label });
    });
  }
}

/**
 * The order's history as the SLA functions read it: the intake as `report` (with the preferred appointment), then
 * the status events in order, with the appointment an assignment or rescheduling set. Other entries (visit records)
 * are not status events and are left out.
 */
export function toSlaHistory(history: readonly RepairOrderEvent[]): SlaHistoryEntry[] {
  const out: SlaHistoryEntry[] = [];
  for (const entry of history) {
    const explanation = (entry.explanation ?? {}) as Record<string, unknown>;
    const date = typeof explanation.date === 'string' ? explanation.date : undefined;
    const slot = typeof explanation.slot === 'string' && isSlot(explanation.slot) ? explanation.slot : undefined;
    const appointment = date && slot ? { appointment: { date, slot } } : {};
    if (entry.event === 'intake') {
      const preferredDate = typeof explanation.preferredDate === 'string' ? explanation.preferredDate : undefined;
      const preferredSlot =
        typeof explanation.preferredSlot === 'string' && isSlot(explanation.preferredSlot)
          ? explanation.preferredSlot
          : undefined;
      out.push({
        event: 'report',
        at: entry.at,
        ...(preferredDate && preferredSlot ? { appointment: { date: preferredDate, slot: preferredSlot } } : {}),
      });
    } else if (STATUS_EVENTS.has(entry.event))
      out.push({ event: entry.event as DomainRepairEvent, at: entry.at, ...appointment });
  }
  return out;
}
