import { randomBytes } from 'node:crypto';
import {
  actorLabel,
  COMPLAINT_STATUS_LABELS,
  complaintEventsFrom,
  DomainError,
  errors,
  maskPhone,
  nextComplaintStatus,
  normalisePhone,
  requirePermission,
  type Actor,
  type ComplaintChannel,
  type ComplaintContactKind,
  type ComplaintEvent,
  type ComplaintStatus,
  type ComplaintSubject,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { randomToken, sha256Hex } from '../adapters/crypto/tokens.js';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { bumpNetworkVersion } from '../adapters/db/network.repository.js';
import type { Database } from '../adapters/db/schema.js';
import type { ComplaintContactsTable, ComplaintEscalationsTable } from '../adapters/db/schema-complaints.js';
import {
  loadComplaintEvents,
  type ComplaintNotifier,
  type ComplaintRow,
  type ComplaintSlaService,
  type ComplaintTimerView,
} from './complaint-sla.service.js';
import { nowIso, pageSize, requireText, toPage, type Page, type ServiceDeps } from './service-deps.js';

/** A complaint in the queue. */
export interface ComplaintSummary {
  readonly id: string;
  readonly number: string;
  readonly subjectType: ComplaintSubject;
  readonly subjectId: string;
  readonly repairOrderId: string | null;
  readonly outletId: string | null;
  readonly technicianId: string | null;
  readonly regionCode: string | null;
  readonly channel: ComplaintChannel;
  readonly description: string;
  readonly contactMasked: string | null;
  readonly status: ComplaintStatus;
  readonly resolution: string | null;
  readonly upheld: boolean | null;
  readonly reopenCount: number;
  readonly slaBreached: boolean;
  readonly escalationLevel: string | null;
  readonly cycleStartedAt: string;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** The acknowledge and resolve timers now. */
  readonly timers: readonly ComplaintTimerView[];
}

/** One complaint with its history, contacts log and escalations. */
export interface ComplaintDetail extends ComplaintSummary {
  readonly filedBy: string;
  readonly allowedEvents: readonly ComplaintEvent[];
  readonly events: readonly {
    readonly id: string;
    readonly at: string;
    readonly actor: string;
    readonly event: string;
    readonly fromStatus: string | null;
    readonly toStatus: string;
    readonly data: Record<string, unknown>;
  }[];
  readonly contacts: readonly {
    readonly id: string;
    readonly at: string;
    readonly actor: string;
    readonly kind: string;
    readonly direction: string;
    readonly notes: string;
  }[];
  readonly escalations: readonly {
    readonly id: string;
    readonly timerKind: string;
    readonly level: string;
    readonly recipientRole: string;
    readonly recipientUserId: string | null;
    readonly regionCode: string | null;
    readonly message: { readonly zh: string; readonly en: string };
    readonly dueAt: string;
    readonly createdAt: string;
  }[];
}

/** What the customer sees through a link: no internal ids of people, no contact data. */
export interface CustomerComplaintView {
  readonly id: string;
  readonly number: string;
  readonly subjectType: ComplaintSubject;
  readonly description: string;
  readonly status: ComplaintStatus;
  readonly statusLabel: { readonly zh: string; readonly en: string };
  readonly resolution: string | null;
  readonly acknowledgedAt: string | null;
  readonly resolvedAt: string | null;
  readonly canConfirm: boolean;
  readonly canReopen: boolean;
  readonly timeline: readonly { readonly status: string; readonly at: string }[];
  readonly createdAt: string;
}

export interface StaffFiling {
  readonly subjectType: ComplaintSubject;
  readonly subjectId: string;
  /** hotline (an agent on the phone) or merchant. */
  readonly channel: Exclude<ComplaintChannel, 'status_page'>;
  readonly description: string;
  readonly contact?: { readonly name: string; readonly phone: string };
}

export interface ComplaintListQuery {
  readonly status?: ComplaintStatus;
  readonly open?: boolean;
  readonly outletId?: string;
  readonly technicianId?: string;
  readonly repairOrderId?: string;
  readonly breached?: boolean;
  readonly cursor?: string;
  readonly limit?: number;
}

const NUMBER_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** `CP-261122-4K7Q2M`: the Shanghai date of filing and six random characters. */
function complaintNumber(atIso: string): string {
  const shanghai = new Date(Date.parse(atIso) + 8 * 3_600_000).toISOString();
  const date = `${shanghai.slice(2, 4)}${shanghai.slice(5, 7)}${shanghai.slice(8, 10)}`;
  const suffix = [...randomBytes(6)].map((b) => NUMBER_ALPHABET[b % NUMBER_ALPHABET.length]).join('');
  return `CP-${date}-${suffix}`;
}

const STAFF_EVENTS: ReadonlySet<ComplaintEvent> = new Set(['acknowledge', 'start', 'resolve', 'close']);

function maskName(name: string): string {
  const chars = [...name.trim()];
  return chars.length <= 1 ? '*' : `${chars[0]}${'*'.repeat(Math.min(chars.length - 1, 3))}`;
}

/**
 * Complaints end to end: filing by a customer through their repair status link, by a hotline agent or by a merchant
 * against a repair order, technician, outlet or claim; the queue and detail with live SLA timers; every contact with
 * the customer; acknowledge → work → resolve with a resolution text (upheld or not); the customer confirms or
 * reopens through their link. Every change is a conditional update (version) with its history row, audit row,
 * SLA check job and outbox notification in one transaction.
 */
export class ComplaintService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly sla: ComplaintSlaService,
    private readonly notifier?: ComplaintNotifier,
  ) {}

  /** A hotline agent or a merchant files a complaint. @throws {DomainError} forbidden, not_found, invalid_input */
  async file(actor: Actor, input: StaffFiling): Promise<{ complaint: ComplaintDetail; linkToken: string }> {
    requirePermission(actor, input.channel === 'merchant' ? 'claim.respond' : 'service.intake');
    const description = requireText('description', input.description, 4000);
    let contact: { keyId: string; ciphertext: string; masked: string } | null = null;
    if (input.contact) {
      const name = requireText('contact.name', input.contact.name, 100);
      const phone = normalisePhone(input.contact.phone);
      if (!/^\+?\d{5,20}$/.test(phone))
        throw errors.invalidInput('contact.phone', { zh: '不是有效的电话号码', en: 'is not a phone number' });
      const sealed = this.deps.cipher.seal(JSON.stringify({ name, phone }));
      contact = { ...sealed, masked: `${maskName(name)} ${maskPhone(phone)}` };
    }
    const { id, linkToken } = await this.insert(actor.workspaceId, actorLabel(actor), {
      subjectType: input.subjectType,
      subjectId: input.subjectId,
      channel: input.channel,
      description,
      contact,
    });
    return { complaint: await this.get(actor, id), linkToken };
  }

  /**
   * The customer files through their repair status link: against the order (default), its technician or its outlet.
   * @throws {DomainError} not_found for an unknown link; invalid_input
   */
  async fileByCustomer(
    orderToken: string,
    input: { readonly about?: 'repair_order' | 'technician' | 'outlet'; readonly description: string },
  ): Promise<{ complaint: CustomerComplaintView; linkToken: string }> {
    const order = await this.orderByToken(orderToken);
    const description = requireText('description', input.description, 4000);
    const about = input.about ?? 'repair_order';
    const subjectId =
      about === 'repair_order' ? order.id : about === 'technician' ? order.technician_id : order.outlet_id;
    if (!subjectId)
      throw errors.invalidInput('about', {
        zh: '工单尚未派给网点或师傅，请直接投诉工单',
        en: 'the order has no outlet or technician yet; complain about the order',
      });
    const { id, linkToken } = await this.insert(
      order.workspace_id,
      `customer:${order.id}`,
      { subjectType: about, subjectId, channel: 'status_page', description, contact: null },
      order.id,
    );
    return { complaint: await this.customerViewOf(await this.row(order.workspace_id, id)), linkToken };
  }

  private async insert(
    workspaceId: string,
    by: string,
    input: {
      subjectType: ComplaintSubject;
      subjectId: string;
      channel: ComplaintChannel;
      description: string;
      contact: { keyId: string; ciphertext: string; masked: string } | null;
    },
    viaOrderId?: string,
  ): Promise<{ id: string; linkToken: string }> {
    const { db, ids, clock } = this.deps;
    const linkToken = randomToken(24);
    return db.kysely.transaction().execute(async (trx) => {
      const target = await this.attribution(trx, workspaceId, input.subjectType, input.subjectId);
      const at = nowIso(clock);
      const id = ids.next();
      const row: ComplaintRow = {
        id,
        workspace_id: workspaceId,
        number: complaintNumber(at),
        subject_type: input.subjectType,
        subject_id: input.subjectId,
        repair_order_id: target.repairOrderId ?? viaOrderId ?? null,
        outlet_id: target.outletId,
        technician_id: target.technicianId,
        region_code: target.regionCode,
        channel: input.channel,
        filed_by: by,
        description: input.description,
        contact_key_id: input.contact?.keyId ?? null,
        contact_ciphertext: input.contact?.ciphertext ?? null,
        contact_masked: input.contact?.masked ?? null,
        status: 'open',
        resolution: null,
        upheld: null,
        cycle_started_at: at,
        acknowledged_at: null,
        resolved_at: null,
        reopen_count: 0,
        sla_breached: 0,
        escalation_level: null,
        link_token_hash: sha256Hex(linkToken),
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('complaints').values(row).execute();
      await this.history(trx, row, at, by, 'file', null, 'open', {
        channel: input.channel,
        subjectType: input.subjectType,
        subjectId: input.subjectId,
      });
      await appendAudit(trx, ids, {
        workspaceId,
        at,
        actor: by,
        action: 'complaint.filed',
        subjectType: 'complaint',
        subjectId: id,
        data: {
          number: row.number,
          channel: input.channel,
          subjectType: input.subjectType,
          subjectId: input.subjectId,
        },
      });
      // Complaint rates are a dispatch ranking input: a new complaint moves the cached dispatch index's version.
      if (row.technician_id || row.outlet_id) await bumpNetworkVersion(trx, workspaceId);
      await this.sla.schedule(trx, row, at);
      await this.notify(trx, row, at, `file:${id}`, {
        zh: `新投诉 ${row.number}（${input.channel === 'status_page' ? '客户' : input.channel === 'hotline' ? '热线' : '商家'}）`,
        en: `New complaint ${row.number} (${input.channel})`,
      });
      return { id, linkToken };
    });
  }

  /** The outlet, technician, region and repair order a subject weighs on. @throws {DomainError} not_found */
  private async attribution(
    trx: Kysely<Database>,
    workspaceId: string,
    subjectType: ComplaintSubject,
    subjectId: string,
  ): Promise<{
    repairOrderId: string | null;
    outletId: string | null;
    technicianId: string | null;
    regionCode: string | null;
  }> {
    let repairOrderId: string | null = null;
    let outletId: string | null = null;
    let technicianId: string | null = null;
    if (subjectType === 'repair_order') {
      const order = await trx
        .selectFrom('repair_orders')
        .select(['id', 'outlet_id', 'technician_id'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', subjectId)
        .executeTakeFirst();
      if (!order) throw errors.notFound('repair order', subjectId);
      [repairOrderId, outletId, technicianId] = [order.id, order.outlet_id, order.technician_id];
    } else if (subjectType === 'technician') {
      const technician = await trx
        .selectFrom('technicians')
        .select(['id', 'home_outlet_id'])
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', subjectId)
        .executeTakeFirst();
      if (!technician) throw errors.notFound('technician', subjectId);
      [outletId, technicianId] = [technician.home_outlet_id, technician.id];
    } else if (subjectType === 'outlet') {
      const outlet = await trx
        .selectFrom('outlets')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', subjectId)
        .executeTakeFirst();
      if (!outlet) throw errors.notFound('outlet', subjectId);
      outletId = outlet.id;
    } else {
      const claim = await trx
        .selectFrom('claims')
        .select('id')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', subjectId)
        .executeTakeFirst();
      if (!claim) throw errors.notFound('claim', subjectId);
    }
    let regionCode: string | null = null;
    if (outletId) {
      const outlet = await trx
        .selectFrom('outlets')
        .select('area_code')
        .where('workspace_id', '=', workspaceId)
        .where('id', '=', outletId)
        .executeTakeFirst();
      regionCode = outlet ? `${outlet.area_code.slice(0, 2)}0000` : null;
    }
    return { repairOrderId, outletId, technicianId, regionCode };
  }

  /** The queue: newest first, filtered. @throws {DomainError} */
  async list(actor: Actor, query: ComplaintListQuery = {}): Promise<Page<ComplaintSummary>> {
    requirePermission(actor, 'service.intake');
    const size = pageSize(query.limit);
    let select = this.deps.db.reader
      .selectFrom('complaints')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id', 'desc')
      .limit(size + 1);
    if (query.status) select = select.where('status', '=', query.status);
    if (query.open) select = select.where('status', 'in', ['open', 'acknowledged', 'in_progress', 'reopened']);
    if (query.outletId) select = select.where('outlet_id', '=', query.outletId);
    if (query.technicianId) select = select.where('technician_id', '=', query.technicianId);
    if (query.repairOrderId) select = select.where('repair_order_id', '=', query.repairOrderId);
    if (query.breached !== undefined) select = select.where('sla_breached', '=', query.breached ? 1 : 0);
    if (query.cursor) select = select.where('id', '<', query.cursor);
    const rows = await select.execute();
    const nowMs = this.deps.clock.nowMs();
    const events = rows.length
      ? await this.deps.db.reader
          .selectFrom('complaint_events')
          .select(['complaint_id', 'event', 'at', 'id'])
          .where('workspace_id', '=', actor.workspaceId)
          .where(
            'complaint_id',
            'in',
            rows.map((r) => r.id),
          )
          .orderBy('id')
          .execute()
      : [];
    const byComplaint = new Map<string, { event: string; at: string }[]>();
    for (const e of events) {
      let list = byComplaint.get(e.complaint_id);
      if (!list) byComplaint.set(e.complaint_id, (list = []));
      list.push(e);
    }
    const policy = await this.sla.policyFor(actor.workspaceId);
    return toPage(rows, size, (row) =>
      this.summary(row, this.sla.timersOf(byComplaint.get(row.id) ?? [], nowMs, policy)),
    );
  }

  /** One complaint. @throws {DomainError} not_found (also for another workspace's id), forbidden */
  async get(actor: Actor, id: string): Promise<ComplaintDetail> {
    requirePermission(actor, 'service.intake');
    const db = this.deps.db.kysely;
    const row = await this.row(actor.workspaceId, id);
    const [events, contacts, escalations, policy] = await Promise.all([
      loadComplaintEvents(db, actor.workspaceId, id),
      db
        .selectFrom('complaint_contacts')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('complaint_id', '=', id)
        .orderBy('id')
        .execute(),
      db
        .selectFrom('complaint_escalations')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('complaint_id', '=', id)
        .orderBy('id')
        .execute(),
      this.sla.policyFor(actor.workspaceId),
    ]);
    const status = row.status as ComplaintStatus;
    return {
      ...this.summary(row, this.sla.timersOf(events, this.deps.clock.nowMs(), policy)),
      filedBy: row.filed_by,
      allowedEvents: complaintEventsFrom(status).filter((e) => STAFF_EVENTS.has(e)),
      events: events.map((e) => ({
        id: e.id,
        at: e.at,
        actor: e.actor,
        event: e.event,
        fromStatus: e.from_status,
        toStatus: e.to_status,
        data: JSON.parse(e.data_json) as Record<string, unknown>,
      })),
      contacts: contacts.map(toContact),
      escalations: escalations.map(toEscalation),
    };
  }

  /**
   * The customer's full name and phone of a hotline or merchant filing, to call them back: `service.contact_reveal`
   * only, and every reveal is audited.
   * @throws {DomainError} forbidden; not_found (also when the complaint has no contact)
   */
  async revealContact(actor: Actor, id: string): Promise<{ name: string; phone: string }> {
    requirePermission(actor, 'service.contact_reveal');
    const { db, ids, clock, cipher } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const row = await this.row(actor.workspaceId, id, trx);
      if (!row.contact_key_id || !row.contact_ciphertext)
        throw new DomainError(
          'not_found',
          { zh: '这条投诉没有登记客户联系方式', en: 'This complaint has no customer contact' },
          { what: 'complaint contact', id },
        );
      const contact = JSON.parse(cipher.open(row.contact_key_id, row.contact_ciphertext)) as {
        name: string;
        phone: string;
      };
      await appendAudit(trx, ids, {
        workspaceId: row.workspace_id,
        at: nowIso(clock),
        actor: actorLabel(actor),
        action: 'complaint.contact_revealed',
        subjectType: 'complaint',
        subjectId: row.id,
        data: {},
      });
      return { name: contact.name, phone: contact.phone };
    });
  }

  /** Records a call, message or visit with notes (audited). @throws {DomainError} */
  async recordContact(
    actor: Actor,
    id: string,
    input: { readonly kind: ComplaintContactKind; readonly direction: 'outbound' | 'inbound'; readonly notes: string },
  ): Promise<ComplaintDetail> {
    requirePermission(actor, 'service.intake');
    const notes = requireText('notes', input.notes, 4000);
    const { db, ids, clock } = this.deps;
    await db.kysely.transaction().execute(async (trx) => {
      const row = await this.row(actor.workspaceId, id, trx);
      const at = nowIso(clock);
      const by = actorLabel(actor);
      const contactId = ids.next();
      await trx
        .insertInto('complaint_contacts')
        .values({
          id: contactId,
          workspace_id: row.workspace_id,
          complaint_id: row.id,
          at,
          actor: by,
          kind: input.kind,
          direction: input.direction,
          notes,
        })
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: row.workspace_id,
        at,
        actor: by,
        action: 'complaint.contact_recorded',
        subjectType: 'complaint',
        subjectId: row.id,
        data: { contactId, kind: input.kind, direction: input.direction },
      });
    });
    return this.get(actor, id);
  }

  /**
   * A staff status event: acknowledge, start, resolve (with the resolution text and whether it was upheld), close.
   * @throws {DomainError} forbidden; not_found; invalid_input; invalid_state (409); conflict on a concurrent change
   */
  async applyEvent(
    actor: Actor,
    id: string,
    input: {
      readonly event: ComplaintEvent;
      readonly resolution?: string;
      readonly upheld?: boolean;
      readonly note?: string;
    },
  ): Promise<ComplaintDetail> {
    requirePermission(actor, 'service.dispatch');
    if (!STAFF_EVENTS.has(input.event))
      throw errors.invalidInput('event', {
        zh: '确认或重新打开由客户通过链接操作',
        en: 'confirm and reopen are the customer’s, through their link',
      });
    let resolution: string | null = null;
    if (input.event === 'resolve') {
      resolution = requireText('resolution', input.resolution, 4000);
      if (typeof input.upheld !== 'boolean')
        throw errors.invalidInput('upheld', { zh: '须说明投诉是否成立', en: 'say whether the complaint was upheld' });
    }
    const note = input.note?.trim() ? requireText('note', input.note, 2000) : null;
    await this.transition(actor.workspaceId, id, actorLabel(actor), input.event, {
      resolution,
      upheld: input.upheld,
      note,
    });
    return this.get(actor, id);
  }

  private async transition(
    workspaceId: string,
    id: string,
    by: string,
    event: ComplaintEvent,
    extra: { resolution?: string | null; upheld?: boolean | undefined; note?: string | null },
  ): Promise<void> {
    const { db, ids, clock } = this.deps;
    await db.kysely.transaction().execute(async (trx) => {
      const row = await this.row(workspaceId, id, trx);
      const from = row.status as ComplaintStatus;
      const to = nextComplaintStatus(from, event);
      const at = nowIso(clock);
      const set: Partial<ComplaintRow> = { status: to, updated_at: at, version: row.version + 1 };
      if (event === 'acknowledge' && !row.acknowledged_at) set.acknowledged_at = at;
      if (event === 'resolve') {
        set.resolution = extra.resolution ?? null;
        set.upheld = extra.upheld === undefined ? null : extra.upheld ? 1 : 0;
        set.resolved_at = at;
        set.acknowledged_at = row.acknowledged_at ?? at;
      }
      if (event === 'reopen') {
        Object.assign(set, {
          cycle_started_at: at,
          acknowledged_at: null,
          resolved_at: null,
          upheld: null,
          escalation_level: null,
          reopen_count: row.reopen_count + 1,
        });
      }
      const updated = await trx
        .updateTable('complaints')
        .set(set)
        .where('id', '=', row.id)
        .where('version', '=', row.version)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1)
        throw errors.conflict({ zh: '投诉已被他人更新，请刷新', en: 'The complaint changed meanwhile; reload it' });
      await this.history(trx, row, at, by, event, from, to, {
        ...(extra.note ? { note: extra.note } : {}),
        ...(event === 'resolve' ? { upheld: extra.upheld } : {}),
      });
      await appendAudit(trx, ids, {
        workspaceId,
        at,
        actor: by,
        action: 'complaint.status_changed',
        subjectType: 'complaint',
        subjectId: row.id,
        data: { event, from, to, ...(event === 'resolve' ? { upheld: extra.upheld } : {}) },
      });
      // Resolved as not upheld (or reopened) changes the complaint rates that rank dispatch.
      if ((event === 'resolve' || event === 'reopen') && (row.technician_id || row.outlet_id))
        await bumpNetworkVersion(trx, workspaceId);
      const next = { ...row, ...set };
      await this.sla.schedule(trx, next, at);
      const label = COMPLAINT_STATUS_LABELS[to];
      await this.notify(trx, next, at, `status:${row.id}:${row.version + 1}`, {
        zh: `投诉 ${row.number}：${label.zh}`,
        en: `Complaint ${row.number}: ${label.en}`,
      });
    });
  }

  /** The customer's view through the complaint's own link. @throws {DomainError} not_found */
  async customerView(linkToken: string): Promise<CustomerComplaintView> {
    return this.customerViewOf(await this.rowByLink(linkToken));
  }

  /** The complaints of a repair order, through the order's status link. @throws {DomainError} not_found */
  async customerComplaintsOfOrder(orderToken: string): Promise<CustomerComplaintView[]> {
    const order = await this.orderByToken(orderToken);
    const rows = await this.deps.db.reader
      .selectFrom('complaints')
      .selectAll()
      .where('workspace_id', '=', order.workspace_id)
      .where('repair_order_id', '=', order.id)
      .orderBy('id', 'desc')
      .execute();
    return Promise.all(rows.map((row) => this.customerViewOf(row)));
  }

  /**
   * The customer confirms or reopens, through the complaint's link, or through the order's status link and the
   * complaint's id. @throws {DomainError} not_found; invalid_input (a reopening needs a reason); invalid_state
   */
  async customerAnswer(
    link: { readonly complaintToken: string } | { readonly orderToken: string; readonly complaintId: string },
    input: { readonly answer: 'confirm' | 'reopen'; readonly comment?: string },
  ): Promise<CustomerComplaintView> {
    let row: ComplaintRow;
    if ('complaintToken' in link) row = await this.rowByLink(link.complaintToken);
    else {
      const order = await this.orderByToken(link.orderToken);
      row = await this.row(order.workspace_id, link.complaintId);
      if (row.repair_order_id !== order.id) throw errors.notFound('complaint', link.complaintId);
    }
    const comment =
      input.answer === 'reopen'
        ? requireText('comment', input.comment, 2000)
        : input.comment?.trim()
          ? requireText('comment', input.comment, 2000)
          : null;
    const by = row.repair_order_id ? `customer:${row.repair_order_id}` : `customer:complaint:${row.id}`;
    await this.transition(row.workspace_id, row.id, by, input.answer, { note: comment });
    return this.customerViewOf(await this.row(row.workspace_id, row.id));
  }

  private async customerViewOf(row: ComplaintRow): Promise<CustomerComplaintView> {
    const events = await loadComplaintEvents(this.deps.db.reader, row.workspace_id, row.id);
    const status = row.status as ComplaintStatus;
    return {
      id: row.id,
      number: row.number,
      subjectType: row.subject_type as ComplaintSubject,
      description: row.description,
      status,
      statusLabel: COMPLAINT_STATUS_LABELS[status],
      resolution: row.resolution,
      acknowledgedAt: row.acknowledged_at,
      resolvedAt: row.resolved_at,
      canConfirm: status === 'resolved',
      canReopen: status === 'resolved' || status === 'confirmed',
      timeline: events.filter((e) => e.event !== 'escalate').map((e) => ({ status: e.to_status, at: e.at })),
      createdAt: row.created_at,
    };
  }

  private async row(
    workspaceId: string,
    id: string,
    db: Kysely<Database> = this.deps.db.kysely,
  ): Promise<ComplaintRow> {
    const row = await db
      .selectFrom('complaints')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw errors.notFound('complaint', id);
    return row;
  }

  private async rowByLink(token: string): Promise<ComplaintRow> {
    const row = await this.deps.db.kysely
      .selectFrom('complaints')
      .selectAll()
      .where('link_token_hash', '=', sha256Hex(token))
      .executeTakeFirst();
    if (!row) throw errors.notFound('complaint', 'link');
    return row;
  }

  private async orderByToken(
    token: string,
  ): Promise<{ id: string; workspace_id: string; outlet_id: string | null; technician_id: string | null }> {
    const order = await this.deps.db.kysely
      .selectFrom('repair_orders')
      .select(['id', 'workspace_id', 'outlet_id', 'technician_id'])
      .where('link_token_hash', '=', sha256Hex(token))
      .executeTakeFirst();
    if (!order) throw errors.notFound('repair order', 'link');
    return order;
  }

  private async history(
    trx: Kysely<Database>,
    row: ComplaintRow,
    at: string,
    actor: string,
    event: string,
    from: string | null,
    to: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await trx
      .insertInto('complaint_events')
      .values({
        id: this.deps.ids.next(),
        workspace_id: row.workspace_id,
        complaint_id: row.id,
        at,
        actor,
        event,
        from_status: from,
        to_status: to,
        data_json: JSON.stringify(data),
      })
      .execute();
  }

  /** A complaint update to the dispatchers, the outlet's manager and subscribed webhooks (outbox, same transaction). */
  private async notify(
    trx: Kysely<Database>,
    row: ComplaintRow,
    at: string,
    key: string,
    title: { zh: string; en: string },
  ): Promise<void> {
    if (!this.notifier) return;
    let manager: string | null = null;
    if (row.outlet_id) {
      const outlet = await trx
        .selectFrom('outlets')
        .select('manager_user_id')
        .where('workspace_id', '=', row.workspace_id)
        .where('id', '=', row.outlet_id)
        .executeTakeFirst();
      manager = outlet?.manager_user_id ?? null;
    }
    await this.notifier.enqueue(trx, {
      workspaceId: row.workspace_id,
      topic: 'complaint.updated',
      subject: { type: 'complaint', id: row.id },
      title,
      body: { zh: row.description.slice(0, 200), en: row.description.slice(0, 200) },
      link: `/care/complaints/${row.id}`,
      data: { complaintId: row.id, number: row.number, status: row.status },
      recipients: [
        { kind: 'role', role: 'dispatcher' },
        ...(manager ? [{ kind: 'user' as const, userId: manager }] : []),
        { kind: 'webhooks' },
      ],
      dedupeKey: `complaint:${key}`,
      at,
    });
  }

  private summary(row: ComplaintRow, timers: readonly ComplaintTimerView[]): ComplaintSummary {
    return {
      id: row.id,
      number: row.number,
      subjectType: row.subject_type as ComplaintSubject,
      subjectId: row.subject_id,
      repairOrderId: row.repair_order_id,
      outletId: row.outlet_id,
      technicianId: row.technician_id,
      regionCode: row.region_code,
      channel: row.channel as ComplaintChannel,
      description: row.description,
      contactMasked: row.contact_masked,
      status: row.status as ComplaintStatus,
      resolution: row.resolution,
      upheld: row.upheld === null ? null : Number(row.upheld) === 1,
      reopenCount: Number(row.reopen_count),
      slaBreached: Number(row.sla_breached) === 1,
      escalationLevel: row.escalation_level,
      cycleStartedAt: row.cycle_started_at,
      acknowledgedAt: row.acknowledged_at,
      resolvedAt: row.resolved_at,
      createdAt: row.created_at,
      updatedAt: row.updated_at,
      timers,
    };
  }
}

function toContact(row: Selectable<ComplaintContactsTable>) {
  return { id: row.id, at: row.at, actor: row.actor, kind: row.kind, direction: row.direction, notes: row.notes };
}

function toEscalation(row: Selectable<ComplaintEscalationsTable>) {
  return {
    id: row.id,
    timerKind: row.timer_kind,
    level: row.level,
    recipientRole: row.recipient_role,
    recipientUserId: row.recipient_user_id,
    regionCode: row.region_code,
    message: { zh: row.message_zh, en: row.message_en },
    dueAt: row.due_at,
    createdAt: row.created_at,
  };
}
