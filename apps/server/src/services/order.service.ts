import { actorLabel, errors, requirePermission, type Actor } from '@proofdesk/domain';
import type { Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { OrdersTable } from '../adapters/db/schema.js';
import type { BuyerInput, BuyerService } from './buyer.service.js';
import {
  isoOrNull,
  nowIso,
  pageSize,
  requireFen,
  requireText,
  toPage,
  type Page,
  type PageRequest,
  type ServiceDeps,
} from './service-deps.js';

/** An order from a sales platform. Times are ISO 8601 UTC; amounts in fen. */
export interface Order {
  readonly id: string;
  readonly platform: string;
  readonly platformOrderId: string;
  readonly productId: string | null;
  readonly buyerId: string | null;
  readonly amountFen: number;
  readonly orderedAt: string | null;
  readonly shippedAt: string | null;
  readonly deliveredAt: string | null;
  readonly createdAt: string;
}

/** Input of {@link OrderService.createOrder}. */
export interface NewOrder {
  /** The sales platform, e.g. `taobao`, `jd`, `pdd`, `douyin`. */
  readonly platform: string;
  /** The platform's order number, unique per platform in the workspace. */
  readonly platformOrderId: string;
  readonly productId?: string;
  readonly amountFen: number;
  readonly orderedAt?: string;
  readonly shippedAt?: string;
  /** When the parcel was delivered; evidence photos taken before it are flagged. */
  readonly deliveredAt?: string;
  readonly buyer?: BuyerInput;
}

export function toOrder(row: Selectable<OrdersTable>): Order {
  return {
    id: row.id,
    platform: row.platform,
    platformOrderId: row.platform_order_id,
    productId: row.product_id,
    buyerId: row.buyer_id,
    amountFen: Number(row.amount_fen),
    orderedAt: row.ordered_at,
    shippedAt: row.shipped_at,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
  };
}

/** Orders with their buyer: the ground a claim stands on. */
export class OrderService {
  constructor(
    private readonly deps: ServiceDeps,
    private readonly buyers: BuyerService,
  ) {}

  /**
   * Creates an order and, when given, finds or creates its buyer (pseudonymous identity, sealed contact) in one
   * transaction with its audit row.
   * @throws {DomainError} `forbidden` without `claim.create`; `invalid_input`; `not_found` for another workspace's
   *   product; `conflict` when the platform order id exists in the workspace
   */
  async createOrder(actor: Actor, input: NewOrder): Promise<Order> {
    requirePermission(actor, 'claim.create');
    const platform = requireText('platform', input.platform, 50).toLowerCase();
    const platformOrderId = requireText('platformOrderId', input.platformOrderId, 200);
    const amountFen = requireFen('amountFen', input.amountFen);
    const orderedAt = isoOrNull('orderedAt', input.orderedAt);
    const shippedAt = isoOrNull('shippedAt', input.shippedAt);
    const deliveredAt = isoOrNull('deliveredAt', input.deliveredAt);
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    const id = ids.next();
    return db.kysely.transaction().execute(async (trx) => {
      if (input.productId !== undefined) {
        const product = await trx
          .selectFrom('products')
          .select('id')
          .where('workspace_id', '=', actor.workspaceId)
          .where('id', '=', input.productId)
          .executeTakeFirst();
        if (!product) throw errors.notFound('product', input.productId);
      }
      const existing = await trx
        .selectFrom('orders')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('platform', '=', platform)
        .where('platform_order_id', '=', platformOrderId)
        .executeTakeFirst();
      if (existing)
        throw errors.conflict(
          {
            zh: `平台 ${platform} 的订单 ${platformOrderId} 已存在`,
            en: `Order ${platformOrderId} on ${platform} exists`,
          },
          { orderId: existing.id },
        );
      const buyerId = input.buyer
        ? await this.buyers.findOrCreate(trx, ids, actor.workspaceId, platform, input.buyer)
        : null;
      const row = {
        id,
        workspace_id: actor.workspaceId,
        platform,
        platform_order_id: platformOrderId,
        product_id: input.productId ?? null,
        buyer_id: buyerId,
        amount_fen: amountFen,
        ordered_at: orderedAt,
        shipped_at: shippedAt,
        delivered_at: deliveredAt,
        created_at: at,
      };
      await trx.insertInto('orders').values(row).execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'order.created',
        subjectType: 'order',
        subjectId: id,
        data: { platform, platformOrderId, amountFen, buyerId, productId: row.product_id },
      });
      return toOrder(row);
    });
  }

  /** @throws {DomainError} `not_found` (also another workspace's order), `forbidden` without `claim.read` */
  async getOrder(actor: Actor, orderId: string): Promise<Order> {
    requirePermission(actor, 'claim.read');
    const row = await this.deps.db.kysely
      .selectFrom('orders')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', orderId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('order', orderId);
    return toOrder(row);
  }

  /** Orders newest first, one page at a time. @throws {DomainError} `forbidden` */
  async listOrders(actor: Actor, request: PageRequest = {}): Promise<Page<Order>> {
    requirePermission(actor, 'claim.read');
    const size = pageSize(request.limit);
    let query = this.deps.db.kysely
      .selectFrom('orders')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id', 'desc')
      .limit(size + 1);
    if (request.cursor) query = query.where('id', '<', request.cursor);
    return toPage(await query.execute(), size, toOrder);
  }
}
