import { actorLabel, errors, type Actor } from '@proofdesk/domain';
import {
  appendRepairOrderEvent,
  loadRepairOrderRow,
  toRepairVisit,
  toVisitMedia,
  type RepairVisit,
  type VisitMedia,
  type VisitPart,
} from '../adapters/db/repair.repository.js';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { requireOrderAccess } from './repair-access.js';
import { isoOrNull, nowIso, requireText, type ServiceDeps } from './service-deps.js';
import type { PhotoUpload } from './upload.js';
import { storeVisitMedia } from './visit-media.js';

/** What a technician records of a visit; absent fields keep their value. */
export interface VisitInput {
  readonly checkedInAt?: string | null;
  readonly checkedOutAt?: string | null;
  readonly notes?: string | null;
  readonly parts?: readonly VisitPart[];
  /** Labour and call-out fees, in fen (parts are priced on their own lines). */
  readonly feeFen?: number;
}

const MAX_PARTS = 50;
/** Statuses in which a visit can be recorded: from setting off until the order is closed or cancelled. */
const VISIT_STATUSES = new Set(['on_the_way', 'on_site', 'completed', 'needs_parts', 'rescheduled']);
const MEDIA_STATUSES = new Set(['accepted', 'on_the_way', 'on_site', 'completed', 'needs_parts', 'rescheduled']);

function checkParts(parts: readonly VisitPart[]): VisitPart[] {
  const list: readonly VisitPart[] = Array.isArray(parts) ? parts : [];
  if (!Array.isArray(parts) || list.length > MAX_PARTS)
    throw errors.invalidInput('parts', { zh: `至多 ${MAX_PARTS} 项`, en: `at most ${MAX_PARTS} lines` });
  return list.map((p, i) => {
    const name = requireText(`parts[${i}].name`, p.name, 200);
    if (!Number.isInteger(p.quantity) || p.quantity < 1 || p.quantity > 1000)
      throw errors.invalidInput(`parts[${i}].quantity`, { zh: '须为 1–1000 的整数', en: 'must be 1 to 1000' });
    if (!Number.isSafeInteger(p.priceFen) || p.priceFen < 0)
      throw errors.invalidInput(`parts[${i}].priceFen`, {
        zh: '须为非负整数（单位：分）',
        en: 'must be a non-negative whole number of fen',
      });
    return { name, quantity: p.quantity, priceFen: p.priceFen };
  });
}

/**
 * The visit of a repair order: check-in and check-out, notes, parts and fees recorded by the assigned technician,
 * and the photos and recordings of the call or visit (stored in the blob store like evidence: sniffed, size-limited).
 */
export class VisitService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Records (or updates) the visit; audited `repair_order.visit_recorded` with a history entry.
   * @throws {DomainError} `forbidden` without `service.work`; `not_found` (another technician's order);
   *   `invalid_input`; `invalid_state` before the technician sets off or once closed
   */
  async recordVisit(actor: Actor, orderId: string, input: VisitInput): Promise<RepairVisit> {
    const parts = input.parts === undefined ? undefined : checkParts(input.parts);
    if (input.feeFen !== undefined && (!Number.isSafeInteger(input.feeFen) || input.feeFen < 0))
      throw errors.invalidInput('feeFen', {
        zh: '须为非负整数（单位：分）',
        en: 'must be a non-negative whole number of fen',
      });
    const notes =
      input.notes === undefined
        ? undefined
        : input.notes === null || input.notes.trim() === ''
          ? null
          : requireText('notes', input.notes, 5000);
    const checkedInAt = input.checkedInAt === undefined ? undefined : isoOrNull('checkedInAt', input.checkedInAt);
    const checkedOutAt = input.checkedOutAt === undefined ? undefined : isoOrNull('checkedOutAt', input.checkedOutAt);
    if (checkedInAt && checkedOutAt && checkedOutAt < checkedInAt)
      throw errors.invalidInput('checkedOutAt', { zh: '须晚于签到时间', en: 'must be after the check-in' });
    const { db, ids, clock } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const row = await loadRepairOrderRow(trx, actor.workspaceId, orderId);
      await requireOrderAccess(trx, actor, row, 'service.work');
      if (!VISIT_STATUSES.has(row.status)) throw errors.invalidState('repair order', row.status, 'record_visit');
      const at = nowIso(clock);
      const existing = await trx
        .selectFrom('repair_visits')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('order_id', '=', orderId)
        .executeTakeFirst();
      const values = {
        technician_id: row.technician_id,
        checked_in_at: checkedInAt === undefined ? (existing?.checked_in_at ?? null) : checkedInAt,
        checked_out_at: checkedOutAt === undefined ? (existing?.checked_out_at ?? null) : checkedOutAt,
        notes: notes === undefined ? (existing?.notes ?? null) : notes,
        parts_json: parts === undefined ? (existing?.parts_json ?? '[]') : JSON.stringify(parts),
        fee_fen: input.feeFen ?? (existing ? Number(existing.fee_fen) : 0),
        updated_at: at,
      };
      if (values.checked_in_at && values.checked_out_at && values.checked_out_at < values.checked_in_at)
        throw errors.invalidInput('checkedOutAt', { zh: '须晚于签到时间', en: 'must be after the check-in' });
      if (existing) await trx.updateTable('repair_visits').set(values).where('order_id', '=', orderId).execute();
      else
        await trx
          .insertInto('repair_visits')
          .values({
            ...values,
            order_id: orderId,
            workspace_id: actor.workspaceId,
            confirmed_at: null,
            rating: null,
            rating_comment: null,
          })
          .execute();
      const label = actorLabel(actor);
      const summary = {
        checkedInAt: values.checked_in_at,
        checkedOutAt: values.checked_out_at,
        feeFen: values.fee_fen,
        parts: (JSON.parse(values.parts_json) as VisitPart[]).length,
      };
      await appendRepairOrderEvent(trx, ids, {
        workspaceId: actor.workspaceId,
        orderId,
        at,
        actor: label,
        event: 'visit_recorded',
        fromStatus: row.status,
        toStatus: row.status,
        explanation: summary,
      });
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: label,
        action: 'repair_order.visit_recorded',
        subjectType: 'repair_order',
        subjectId: orderId,
        data: summary,
      });
      const saved = await trx
        .selectFrom('repair_visits')
        .selectAll()
        .where('order_id', '=', orderId)
        .executeTakeFirstOrThrow();
      return toRepairVisit(saved);
    });
  }

  /**
   * Adds a photo or a recording to the visit: the bytes are sniffed (images as for evidence; audio M4A, MP3, AMR,
   * WAV, OGG) and stored durably first, then the row and its audit row in one transaction.
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_state`; `payload_too_large`; `unsupported_media_type`
   */
  async addMedia(actor: Actor, orderId: string, upload: PhotoUpload): Promise<VisitMedia> {
    const filename = requireText('filename', upload.filename, 255);
    const { db, ids, clock, blobs } = this.deps;
    const before = await loadRepairOrderRow(db.kysely, actor.workspaceId, orderId);
    await requireOrderAccess(db.kysely, actor, before, 'service.work');
    if (!MEDIA_STATUSES.has(before.status)) throw errors.invalidState('repair order', before.status, 'add_media');
    const stored = await storeVisitMedia(blobs, { ...upload, filename });
    return db.kysely.transaction().execute(async (trx) => {
      const row = await loadRepairOrderRow(trx, actor.workspaceId, orderId);
      if (!MEDIA_STATUSES.has(row.status)) throw errors.invalidState('repair order', row.status, 'add_media');
      const at = nowIso(clock);
      const media = {
        id: ids.next(),
        workspace_id: actor.workspaceId,
        order_id: orderId,
        kind: stored.media.kind,
        mime: stored.media.mime,
        blob_sha256: stored.blob.sha256,
        bytes: stored.blob.bytes,
        filename,
        created_by: actorLabel(actor),
        created_at: at,
      };
      await trx.insertInto('visit_media').values(media).execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: media.created_by,
        action: 'repair_order.media_added',
        subjectType: 'repair_order',
        subjectId: orderId,
        data: { mediaId: media.id, kind: media.kind, mime: media.mime, sha256: media.blob_sha256, bytes: media.bytes },
      });
      return toVisitMedia(media);
    });
  }

  /** The visit's photos and recordings, oldest first. @throws {DomainError} `forbidden`, `not_found` */
  async listMedia(actor: Actor, orderId: string): Promise<VisitMedia[]> {
    const db = this.deps.db.kysely;
    const row = await loadRepairOrderRow(db, actor.workspaceId, orderId);
    await requireOrderAccess(db, actor, row, 'network.read');
    const rows = await db
      .selectFrom('visit_media')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('order_id', '=', orderId)
      .orderBy('id')
      .execute();
    return rows.map(toVisitMedia);
  }

  /** One media file and its bytes. @throws {DomainError} `forbidden`, `not_found` */
  async getMedia(actor: Actor, orderId: string, mediaId: string): Promise<{ media: VisitMedia; bytes: Uint8Array }> {
    const media = (await this.listMedia(actor, orderId)).find((m) => m.id === mediaId);
    if (!media) throw errors.notFound('visit media', mediaId);
    return { media, bytes: await this.deps.blobs.get(media.sha256) };
  }
}
