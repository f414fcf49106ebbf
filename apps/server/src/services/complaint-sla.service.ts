import {
  COMPLAINT_ESCALATION_LABELS,
  COMPLAINT_ESCALATION_LEVELS,
  COMPLAINT_TIMER_LABELS,
  complaintEscalationLevelFor,
  computeComplaintTimers,
  createBusinessCalendar,
  getDivision,
  DEFAULT_COMPLAINT_SLA_POLICY,
  nextComplaintCheck,
  type BusinessCalendar,
  type ComplaintEscalationLevel,
  type ComplaintSlaEntry,
  type ComplaintSlaPolicy,
  type ComplaintTimer,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { ComplaintEventsTable, ComplaintsTable } from '../adapters/db/schema-complaints.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import type { JobResult } from '../jobs/job-types.js';
import { beijingMinute, outletManagerOf } from './escalation-support.js';
import { nowIso, type ServiceDeps } from './service-deps.js';

export type ComplaintRow = Selectable<ComplaintsTable>;

/** A timer as the console shows it: the domain's timer and the ladder level its breach has reached. */
export type ComplaintTimerView = ComplaintTimer & { readonly escalationLevel: ComplaintEscalationLevel | null };

/**
 * Who hears of a complaint (H6's `NotificationOutbox.enqueue` has this shape): called inside the transaction of the
 * change, so the notification commits with it or not at all.
 */
export interface ComplaintNotice {
  readonly workspaceId: string;
  readonly topic: 'complaint.updated' | 'complaint.breach';
  readonly subject: { readonly type: 'complaint'; readonly id: string };
  readonly title: { readonly zh: string; readonly en: string };
  readonly body: { readonly zh: string; readonly en: string };
  readonly link: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly recipients: readonly (
    | { readonly kind: 'user'; readonly userId: string }
    | { readonly kind: 'role'; readonly role: string }
    | { readonly kind: 'webhooks' }
  )[];
  readonly dedupeKey: string;
  readonly at: string;
}
export interface ComplaintNotifier {
  enqueue(trx: Kysely<Database>, message: ComplaintNotice): Promise<unknown>;
}

const STATUS_EVENTS = new Set(['acknowledge', 'start', 'resolve', 'confirm', 'reopen', 'close']);

/** The complaint's history as the domain's SLA reads it. */
export function toComplaintSlaHistory(
  events: readonly Pick<ComplaintEventsTable, 'event' | 'at'>[],
): ComplaintSlaEntry[] {
  return events
    .filter((e) => e.event === 'file' || STATUS_EVENTS.has(e.event))
    .map((e) => ({ event: e.event as ComplaintSlaEntry['event'], at: e.at }));
}

export async function loadComplaintEvents(
  db: Kysely<Database>,
  workspaceId: string,
  complaintId: string,
): Promise<Selectable<ComplaintEventsTable>[]> {
  return db
    .selectFrom('complaint_events')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('complaint_id', '=', complaintId)
    .orderBy('id')
    .execute();
}

/** Who each ladder level is: the outlet's manager, the region (dispatchers), the brand (admins). */
const LEVEL_ROLES: Readonly<Record<ComplaintEscalationLevel, string>> = {
  outlet: 'outlet_manager',
  region: 'dispatcher',
  brand: 'admin',
};

/**
 * Complaint SLAs enforced by `complaint.sla_check` jobs on the database queue (run_at = the next due time or ladder
 * step; never a timer in memory). A check records an escalation per breached timer and reached level (once per
 * cycle: a re-run changes nothing), audits it, writes it to the complaint's history and notifies the level through
 * the notification outbox in the same transaction, and schedules the next step.
 */
export class ComplaintSlaService {
  private readonly calendar: BusinessCalendar;

  /**
   * @param policyOf the workspace's complaint SLA policy (its service settings); the default policy without it
   */
  constructor(
    private readonly deps: ServiceDeps,
    private readonly notifier?: ComplaintNotifier,
    private readonly policyOf: (workspaceId: string) => Promise<ComplaintSlaPolicy> = () =>
      Promise.resolve(DEFAULT_COMPLAINT_SLA_POLICY),
    calendar?: BusinessCalendar,
  ) {
    this.calendar = calendar ?? createBusinessCalendar();
  }

  /** The workspace's policy, read once per request or job and passed to `timersOf`. */
  policyFor(workspaceId: string): Promise<ComplaintSlaPolicy> {
    return this.policyOf(workspaceId);
  }

  timersOf(
    events: readonly Pick<ComplaintEventsTable, 'event' | 'at'>[],
    nowMs: number,
    policy: ComplaintSlaPolicy,
  ): ComplaintTimerView[] {
    return computeComplaintTimers(toComplaintSlaHistory(events), policy, this.calendar, nowMs).map((timer) => ({
      ...timer,
      escalationLevel: complaintEscalationLevelFor(timer, nowMs, policy),
    }));
  }

  /** Schedules the complaint's next check inside the caller's transaction (after filing or a status change). */
  async schedule(trx: Kysely<Database>, row: ComplaintRow, at: string): Promise<void> {
    if (row.status === 'closed') return;
    const policy = await this.policyOf(row.workspace_id);
    const events = await loadComplaintEvents(trx, row.workspace_id, row.id);
    const next = nextComplaintCheck(this.timersOf(events, Date.parse(at), policy), at, policy);
    if (next !== null) await this.enqueueCheck(trx, row.workspace_id, row.id, next);
  }

  private async enqueueCheck(trx: Kysely<Database>, workspaceId: string, complaintId: string, runAt: string) {
    const payload = { kind: 'complaint.sla_check', workspaceId, complaintId } as const;
    const queued = await trx
      .selectFrom('jobs')
      .select('id')
      .where('kind', '=', payload.kind)
      .where('status', '=', 'queued')
      .where('run_at', '=', runAt)
      .where('payload_json', '=', JSON.stringify(payload))
      .executeTakeFirst();
    if (!queued) await enqueueJob(trx, this.deps.ids, payload, { runAt });
  }

  /** The `complaint.sla_check` job. Idempotent. */
  async check(workspaceId: string, complaintId: string): Promise<JobResult> {
    const { db, clock } = this.deps;
    const policy = await this.policyOf(workspaceId);
    const found = await db.kysely.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('complaints')
        .selectAll()
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', complaintId)
        .executeTakeFirst();
      if (!row) return false;
      if (row.status === 'closed') return true;
      const at = nowIso(clock);
      const nowMs = Date.parse(at);
      const events = await loadComplaintEvents(trx, workspaceId, complaintId);
      const timers = this.timersOf(events, nowMs, policy);
      let highest: ComplaintEscalationLevel | null = null;
      let added = 0;
      for (const timer of timers) {
        if (!timer.escalationLevel) continue;
        const reached = COMPLAINT_ESCALATION_LEVELS.indexOf(timer.escalationLevel);
        if (highest === null || reached > COMPLAINT_ESCALATION_LEVELS.indexOf(highest)) highest = timer.escalationLevel;
        for (const level of COMPLAINT_ESCALATION_LEVELS.slice(0, reached + 1))
          added += await this.escalate(trx, row, timer, level, at);
      }
      if (added > 0)
        await trx
          .updateTable('complaints')
          .set({ sla_breached: 1, escalation_level: highest, updated_at: at })
          .where('id', '=', row.id)
          .execute();
      const next = nextComplaintCheck(timers, at, policy);
      if (next !== null && Date.parse(next) > nowMs) await this.enqueueCheck(trx, workspaceId, complaintId, next);
      return true;
    });
    return found ? { outcome: 'done' } : { outcome: 'skipped', why: 'no such complaint' };
  }

  private async escalate(
    trx: Kysely<Database>,
    row: ComplaintRow,
    timer: ComplaintTimerView,
    level: ComplaintEscalationLevel,
    at: string,
  ): Promise<number> {
    const recipientUserId = level === 'outlet' ? await outletManagerOf(trx, row.workspace_id, row.outlet_id) : null;
    const kind = COMPLAINT_TIMER_LABELS[timer.kind];
    const to = COMPLAINT_ESCALATION_LABELS[level];
    const regionName = row.region_code ? (getDivision(row.region_code)?.name ?? row.region_code) : null;
    const region = level === 'region' && regionName ? `（${regionName}）` : '';
    const due = beijingMinute(timer.dueAt);
    const id = this.deps.ids.next();
    const message = {
      zh: `投诉 ${row.number} 超出${kind.zh}（应于 ${due} 前），已升级至${to.zh}${region}`,
      en: `Complaint ${row.number} breached its ${kind.en.toLowerCase()} SLA (due ${due} Beijing time); escalated to ${to.en.toLowerCase()}${region ? ` (${regionName})` : ''}`,
    };
    const inserted = await trx
      .insertInto('complaint_escalations')
      .values({
        id,
        workspace_id: row.workspace_id,
        complaint_id: row.id,
        timer_kind: timer.kind,
        cycle_started_at: timer.startedAt,
        level,
        recipient_role: LEVEL_ROLES[level],
        recipient_user_id: recipientUserId,
        region_code: row.region_code,
        message_zh: message.zh,
        message_en: message.en,
        due_at: timer.dueAt,
        created_at: at,
      })
      .onConflict((oc) => oc.columns(['complaint_id', 'timer_kind', 'cycle_started_at', 'level']).doNothing())
      .executeTakeFirst();
    if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return 0;
    await trx
      .insertInto('complaint_events')
      .values({
        id: this.deps.ids.next(),
        workspace_id: row.workspace_id,
        complaint_id: row.id,
        at,
        actor: 'system:complaint-sla',
        event: 'escalate',
        from_status: row.status,
        to_status: row.status,
        data_json: JSON.stringify({ escalationId: id, timer: timer.kind, level, dueAt: timer.dueAt }),
      })
      .execute();
    await appendAudit(trx, this.deps.ids, {
      workspaceId: row.workspace_id,
      at,
      actor: 'system:complaint-sla',
      action: 'complaint.sla_escalated',
      subjectType: 'complaint',
      subjectId: row.id,
      data: { escalationId: id, timer: timer.kind, level, dueAt: timer.dueAt, breachedAt: timer.breachedAt },
    });
    await this.notifier?.enqueue(trx, {
      workspaceId: row.workspace_id,
      topic: 'complaint.breach',
      subject: { type: 'complaint', id: row.id },
      title: { zh: `投诉超时：${row.number}`, en: `Complaint overdue: ${row.number}` },
      body: message,
      link: `/care/complaints/${row.id}`,
      data: { complaintId: row.id, number: row.number, timer: timer.kind, level, dueAt: timer.dueAt },
      recipients: [
        recipientUserId
          ? { kind: 'user', userId: recipientUserId }
          : { kind: 'role', role: level === 'outlet' ? 'dispatcher' : LEVEL_ROLES[level] },
        { kind: 'webhooks' },
      ],
      dedupeKey: `complaint-escalation:${id}`,
      at,
    });
    return 1;
  }
}
