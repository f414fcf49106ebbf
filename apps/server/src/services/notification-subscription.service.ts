import { errors } from '@proofdesk/domain';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { sha256Hex } from '../adapters/crypto/tokens.js';
import type { NotifyDeps } from './notification-delivery.service.js';
import { nowIso } from './service-deps.js';

const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

/** `kehu@example.cn` → `k***@example.cn`: enough for the customer to recognise, nothing for anyone else. */
export function maskEmail(address: string): string {
  const at = address.lastIndexOf('@');
  return `${address.slice(0, 1)}***${address.slice(at)}`;
}

/**
 * A repair customer's status e-mails, asked for through their status link (so only its holder can): the address
 * and the link itself are sealed together, and every later status change of the order sends them an e-mail with the
 * link (see `notifyRepairChange`). A new subscription replaces the old; each change is audited.
 */
export class NotificationSubscriptionService {
  constructor(private readonly deps: NotifyDeps) {}

  /**
   * @param statusUrl the customer's status page for this token (built by the route from the request's origin)
   * @throws {DomainError} `not_found` for an unknown link; `invalid_input` for a malformed address
   */
  async subscribe(
    token: string,
    input: { readonly email: string; readonly locale?: 'zh-CN' | 'en' | undefined },
    statusUrl: string,
  ): Promise<{ email: string }> {
    const address = input.email.trim();
    if (!EMAIL.test(address) || address.length > 254)
      throw errors.invalidInput('email', { zh: '不是有效的电子邮件地址', en: 'is not a valid e-mail address' });
    const { db, ids, cipher, clock } = this.deps;
    const order = await this.orderOf(token);
    const sealed = cipher.seal(JSON.stringify({ address, link: statusUrl }));
    const at = nowIso(clock);
    const values = {
      key_id: sealed.keyId,
      ciphertext: sealed.ciphertext,
      locale: input.locale ?? 'zh-CN',
      created_at: at,
    };
    await db.kysely.transaction().execute(async (trx) => {
      await trx
        .insertInto('notification_subscriptions')
        .values({
          id: ids.next(),
          workspace_id: order.workspace_id,
          subject_type: 'repair_order',
          subject_id: order.id,
          channel: 'email',
          ...values,
        })
        .onConflict((oc) => oc.columns(['subject_type', 'subject_id', 'channel']).doUpdateSet(values))
        .execute();
      await appendAudit(trx, ids, {
        workspaceId: order.workspace_id,
        at,
        actor: `customer:${order.id}`,
        action: 'repair_order.notifications_subscribed',
        subjectType: 'repair_order',
        subjectId: order.id,
        data: { channel: 'email', email: maskEmail(address) },
      });
    });
    return { email: maskEmail(address) };
  }

  /** Stops the status e-mails of the link's order (nothing to stop is fine). @throws {DomainError} `not_found` */
  async unsubscribe(token: string): Promise<void> {
    const { db, ids, clock } = this.deps;
    const order = await this.orderOf(token);
    await db.kysely.transaction().execute(async (trx) => {
      const removed = await trx
        .deleteFrom('notification_subscriptions')
        .where('subject_type', '=', 'repair_order')
        .where('subject_id', '=', order.id)
        .executeTakeFirst();
      if (Number(removed.numDeletedRows) === 0) return;
      await appendAudit(trx, ids, {
        workspaceId: order.workspace_id,
        at: nowIso(clock),
        actor: `customer:${order.id}`,
        action: 'repair_order.notifications_unsubscribed',
        subjectType: 'repair_order',
        subjectId: order.id,
        data: { channel: 'email' },
      });
    });
  }

  private async orderOf(token: string): Promise<{ id: string; workspace_id: string }> {
    const row =
      token.length >= 16 && token.length <= 200
        ? await this.deps.db.kysely
            .selectFrom('repair_orders')
            .select(['id', 'workspace_id'])
            .where('link_token_hash', '=', sha256Hex(token))
            .executeTakeFirst()
        : undefined;
    if (!row) throw errors.notFound('repair order', 'link');
    return row;
  }
}
