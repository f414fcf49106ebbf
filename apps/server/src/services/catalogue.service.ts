import { actorLabel, DomainError, errors, requirePermission, type Actor } from '@proofdesk/domain';
import { DEFAULT_LIMITS, hashPhoto } from '@proofdesk/forensics';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { toProduct, toReferencePhoto, type Product, type ReferencePhoto } from '../adapters/db/catalogue.repository.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';
import {
  nowIso,
  pageSize,
  requireText,
  toPage,
  type Page,
  type PageRequest,
  type ServiceDeps,
} from './service-deps.js';
import { storePhoto, type PhotoUpload } from './upload.js';

export type { Product, ReferencePhoto };

/** Input of {@link CatalogueService.createProduct}. */
export interface NewProduct {
  /** The merchant's stock-keeping unit, unique in the workspace. */
  readonly sku: string;
  readonly name: string;
}

/** Where a reference photo belongs: a product's listing photos or an order's packing photos. */
export type ReferenceTarget =
  { readonly kind: 'listing'; readonly productId: string } | { readonly kind: 'packing'; readonly orderId: string };

/**
 * The catalogue: products and the merchant's reference photos (listing and packing photos) every claim photo is
 * matched against. A change to the reference photos re-analyses the evidence of the workspace's undecided claims.
 */
export class CatalogueService {
  constructor(private readonly deps: ServiceDeps) {}

  /**
   * Creates a product.
   * @throws {DomainError} `forbidden` without `catalogue.write`; `invalid_input`; `conflict` when the SKU exists
   */
  async createProduct(actor: Actor, input: NewProduct): Promise<Product> {
    requirePermission(actor, 'catalogue.write');
    const sku = requireText('sku', input.sku, 100);
    const name = requireText('name', input.name, 500);
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    const id = ids.next();
    return db.kysely.transaction().execute(async (trx) => {
      const existing = await trx
        .selectFrom('products')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('sku', '=', sku)
        .executeTakeFirst();
      if (existing)
        throw errors.conflict(
          { zh: `商品编码 ${sku} 已存在`, en: `A product with SKU ${sku} exists` },
          { sku, productId: existing.id },
        );
      const row = { id, workspace_id: actor.workspaceId, sku, name, created_at: at };
      await trx.insertInto('products').values(row).execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'product.created',
        subjectType: 'product',
        subjectId: id,
        data: { sku, name },
      });
      return toProduct(row);
    });
  }

  /** Products by id (creation order), one page at a time. @throws {DomainError} `forbidden` */
  async listProducts(actor: Actor, request: PageRequest = {}): Promise<Page<Product>> {
    requirePermission(actor, 'catalogue.read');
    const size = pageSize(request.limit);
    let query = this.deps.db.kysely
      .selectFrom('products')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id')
      .limit(size + 1);
    if (request.cursor) query = query.where('id', '>', request.cursor);
    return toPage(await query.execute(), size, toProduct);
  }

  /** @throws {DomainError} `not_found` (also for another workspace's product), `forbidden` */
  async getProduct(actor: Actor, productId: string): Promise<Product> {
    requirePermission(actor, 'catalogue.read');
    const row = await this.deps.db.kysely
      .selectFrom('products')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', productId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('product', productId);
    return toProduct(row);
  }

  /**
   * Uploads a reference photo: streams it to the blob store (durable first), sniffs the format from the bytes,
   * hashes it with PDQ, then in one transaction stores the row, appends `reference_photo.added` to the audit log
   * and enqueues `reanalyse_workspace`.
   * @throws {DomainError} `forbidden`; `not_found` for an unknown product/order; `payload_too_large`;
   *   `unsupported_media_type` when the bytes are not an image that can be decoded
   */
  async addReferencePhoto(actor: Actor, target: ReferenceTarget, upload: PhotoUpload): Promise<ReferencePhoto> {
    requirePermission(actor, 'catalogue.write');
    const filename = requireText('filename', upload.filename, 255);
    await this.requireTarget(actor, target);
    const { db, ids, clock, blobs, forensic } = this.deps;
    const limits = this.deps.limits ?? DEFAULT_LIMITS;
    const stored = await storePhoto(blobs, {
      ...upload,
      filename,
      maxBytes: Math.min(upload.maxBytes, limits.maxBytes),
    });
    const hashed = await hashPhoto(stored.bytes, forensic, limits);
    if (!hashed.ok)
      throw new DomainError(
        'unsupported_media_type',
        {
          zh: `参考照片「${filename}」无法解码（${hashed.reason}）：${hashed.message}`,
          en: `The reference photo "${filename}" cannot be decoded (${hashed.reason}): ${hashed.message}`,
        },
        { filename, reason: hashed.reason },
      );
    const swap = hashed.orientation >= 5 && hashed.orientation <= 8;
    const at = nowIso(clock);
    const id = ids.next();
    const row = {
      id,
      workspace_id: actor.workspaceId,
      kind: target.kind,
      product_id: target.kind === 'listing' ? target.productId : null,
      order_id: target.kind === 'packing' ? target.orderId : null,
      blob_sha256: stored.blob.sha256,
      filename,
      pdq_hash: hashed.hash,
      pdq_quality: hashed.quality,
      width: swap ? hashed.height : hashed.width,
      height: swap ? hashed.width : hashed.height,
      created_at: at,
      deleted_at: null,
    };
    await db.kysely.transaction().execute(async (trx) => {
      await trx.insertInto('reference_photos').values(row).execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'reference_photo.added',
        subjectType: 'reference_photo',
        subjectId: id,
        data: { kind: target.kind, productId: row.product_id, orderId: row.order_id, sha256: row.blob_sha256 },
      });
      await enqueueJob(
        trx,
        ids,
        { kind: 'reanalyse_workspace', workspaceId: actor.workspaceId, referencePhotoId: id },
        { runAt: at },
      );
    });
    this.deps.onJobsEnqueued?.();
    return toReferencePhoto(row);
  }

  /** The live reference photos of a product, of an order, or (no filter) of the whole workspace, oldest first. */
  async listReferencePhotos(
    actor: Actor,
    filter: { readonly productId?: string; readonly orderId?: string } = {},
  ): Promise<ReferencePhoto[]> {
    requirePermission(actor, 'catalogue.read');
    let query = this.deps.db.kysely
      .selectFrom('reference_photos')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('deleted_at', 'is', null)
      .orderBy('id');
    if (filter.productId) query = query.where('product_id', '=', filter.productId);
    if (filter.orderId) query = query.where('order_id', '=', filter.orderId);
    return (await query.execute()).map(toReferencePhoto);
  }

  /** @throws {DomainError} `not_found` (deleted, or another workspace's) */
  async getReferencePhoto(actor: Actor, referencePhotoId: string): Promise<ReferencePhoto> {
    requirePermission(actor, 'catalogue.read');
    const row = await this.deps.db.kysely
      .selectFrom('reference_photos')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', referencePhotoId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) throw errors.notFound('reference photo', referencePhotoId);
    return toReferencePhoto(row);
  }

  /** The bytes of a reference photo. @throws {DomainError} `not_found` */
  async getReferenceBlob(
    actor: Actor,
    referencePhotoId: string,
  ): Promise<{ photo: ReferencePhoto; bytes: Uint8Array }> {
    const photo = await this.getReferencePhoto(actor, referencePhotoId);
    return { photo, bytes: await this.deps.blobs.get(photo.sha256) };
  }

  /**
   * Soft-deletes a reference photo (the blob and row stay for the audit trail) and, in the same transaction,
   * audits it and enqueues `reanalyse_workspace`.
   * @throws {DomainError} `forbidden`; `not_found` (unknown, already deleted, or another workspace's)
   */
  async deleteReferencePhoto(actor: Actor, referencePhotoId: string): Promise<void> {
    requirePermission(actor, 'catalogue.write');
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    await db.kysely.transaction().execute(async (trx) => {
      const result = await trx
        .updateTable('reference_photos')
        .set({ deleted_at: at })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', referencePhotoId)
        .where('deleted_at', 'is', null)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) throw errors.notFound('reference photo', referencePhotoId);
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'reference_photo.deleted',
        subjectType: 'reference_photo',
        subjectId: referencePhotoId,
        data: {},
      });
      await enqueueJob(
        trx,
        ids,
        { kind: 'reanalyse_workspace', workspaceId: actor.workspaceId, referencePhotoId },
        { runAt: at },
      );
    });
    this.deps.onJobsEnqueued?.();
  }

  private async requireTarget(actor: Actor, target: ReferenceTarget): Promise<void> {
    const db = this.deps.db.kysely;
    if (target.kind === 'listing') {
      const found = await db
        .selectFrom('products')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', target.productId)
        .executeTakeFirst();
      if (!found) throw errors.notFound('product', target.productId);
    } else {
      const found = await db
        .selectFrom('orders')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', target.orderId)
        .executeTakeFirst();
      if (!found) throw errors.notFound('order', target.orderId);
    }
  }
}
