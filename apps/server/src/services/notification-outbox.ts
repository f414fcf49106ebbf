import { errors, type ContactCipher, type IdGenerator } from '@proofdesk/domain';
import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../adapters/db/schema.js';
import type { NotificationsTable } from '../adapters/db/schema-notify.js';
import { enqueueJob } from '../adapters/queue/enqueue-job.js';

/** Topics the product writes today; any `word.word` topic is accepted (complaints add their own). */
export const NOTIFICATION_TOPICS = [
  'sla.breach',
  'repair.assigned',
  'repair.status',
  'complaint.updated',
  'complaint.breach',
] as const;

export const NOTIFICATION_CHANNELS = ['console', 'email', 'webhook', 'sms'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

export const NOTIFICATION_STATUSES = ['pending', 'sending', 'sent', 'failed', 'dead'] as const;
export type NotificationStatus = (typeof NOTIFICATION_STATUSES)[number];

/** Deliveries tried before a notification is dead (the first try and seven retries over about 22 hours). */
export const DEFAULT_MAX_ATTEMPTS = 8;

/**
 * Who hears of it.
 * - `user`: one user of the workspace — in the console, and by e-mail too when `email` is among the channels and the
 *   workspace has an SMTP server.
 * - `role`: every active user holding the role, each as a `user` recipient.
 * - `email`: a bare address (a customer's), sealed at rest; written in `locale` (default zh-CN).
 * - `webhooks`: every enabled webhook endpoint of the workspace subscribed to the topic.
 */
export type NotificationRecipient =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'role'; readonly role: string }
  | { readonly kind: 'email'; readonly address: string; readonly locale?: 'zh-CN' | 'en' }
  /** Already sealed (a customer's subscription): the address, or JSON `{ address, link }` with a secret link. */
  | { readonly kind: 'sealed_email'; readonly keyId: string; readonly ciphertext: string; readonly locale: string }
  | { readonly kind: 'webhooks' };

/** One event to tell people of: what, to whom, in both languages. */
export interface NotificationMessage {
  readonly workspaceId: string;
  /** e.g. `sla.breach`; see {@link NOTIFICATION_TOPICS}. */
  readonly topic: string;
  /** What it is about, e.g. `{ type: 'repair_order', id }`. */
  readonly subject?: { readonly type: string; readonly id: string };
  readonly title: { readonly zh: string; readonly en: string };
  readonly body: { readonly zh: string; readonly en: string };
  /** A console path (`/service/orders/…`) or the customer's status link. */
  readonly link?: string;
  /** The event's fields, sent as the webhook payload's `data` (no sealed contact data here). */
  readonly data?: Readonly<Record<string, unknown>>;
  readonly recipients: readonly NotificationRecipient[];
  /** Channels for `user` and `role` recipients (default console only). */
  readonly userChannels?: readonly ('console' | 'email')[];
  /**
   * Makes the enqueue idempotent: a message with the same key (per recipient and channel) in the workspace is
   * written once, so a re-run job or a retried request does not notify twice. E.g. the escalation id.
   */
  readonly dedupeKey?: string;
  /** ISO time of the change (the transaction's `at`). */
  readonly at: string;
}

const TOPIC = /^[a-z][a-z_]*(\.[a-z][a-z_]*)+$/;
const EMAIL = /^[^\s@<>()]+@[^\s@<>()]+\.[^\s@<>()]+$/;

/** What `enqueue` wrote: one row per recipient and channel (rows already there by `dedupeKey` are not counted). */
export interface EnqueueResult {
  readonly ids: readonly string[];
  /** Rows that wait for delivery by the `notify.deliver` job (the console ones are delivered by being written). */
  readonly queued: number;
}

/**
 * The notification outbox. Call {@link enqueue} inside the transaction of the change it tells of: the rows, and a
 * `notify.deliver` job for each row that leaves the building, commit with the change or not at all. Delivery runs
 * after the commit (see `NotificationDeliveryService`), so a mail server or webhook receiver being down never fails
 * or slows the change, and a crash after the commit loses nothing: the next worker run delivers.
 */
export class NotificationOutbox {
  /** `cipher` seals bare e-mail addresses; without one, `email` recipients are refused. */
  constructor(private readonly deps: { readonly ids: IdGenerator; readonly cipher?: ContactCipher }) {}

  /**
   * Writes the notification for each recipient and channel in the caller's transaction.
   * @example
   * await outbox.enqueue(trx, { workspaceId, topic: 'repair.assigned', subject: { type: 'repair_order', id },
   *   title: { zh: '新工单', en: 'New order' }, body: { zh: '…', en: '…' },
   *   recipients: [{ kind: 'user', userId }], userChannels: ['console', 'email'], dedupeKey: `assign:${eventId}`, at });
   * @throws {DomainError} `invalid_input` for a malformed topic or e-mail address
   */
  async enqueue(trx: Kysely<Database>, message: NotificationMessage): Promise<EnqueueResult> {
    if (!TOPIC.test(message.topic))
      throw errors.invalidInput('topic', { zh: '通知主题格式不正确', en: 'is not a topic like sla.breach' });
    const rows: Insertable<NotificationsTable>[] = [];
    const base = {
      workspace_id: message.workspaceId,
      topic: message.topic,
      subject_type: message.subject?.type ?? null,
      subject_id: message.subject?.id ?? null,
      title_zh: message.title.zh,
      title_en: message.title.en,
      body_zh: message.body.zh,
      body_en: message.body.en,
      link: message.link ?? null,
      data_json: JSON.stringify(message.data ?? {}),
      status: 'pending',
      attempts: 0,
      max_attempts: DEFAULT_MAX_ATTEMPTS,
      next_attempt_at: message.at,
      last_error: null,
      created_at: message.at,
      sent_at: null,
      read_at: null,
      address_key_id: null,
      address_ciphertext: null,
    } as const;
    const key = (suffix: string): string | null => (message.dedupeKey ? `${message.dedupeKey}|${suffix}` : null);
    const userChannels = message.userChannels ?? ['console'];
    const users = await this.usersOf(trx, message.workspaceId, message.recipients);
    const emailOn = userChannels.includes('email') && (await this.smtpConfigured(trx, message.workspaceId));
    for (const user of users) {
      if (userChannels.includes('console'))
        rows.push({
          ...base,
          id: this.deps.ids.next(),
          channel: 'console',
          recipient_kind: 'user',
          recipient_ref: user.id,
          locale: user.locale,
          dedupe_key: key(`console:${user.id}`),
          // The in-app list is the delivery: the row is there when the change commits.
          status: 'sent',
          sent_at: message.at,
          next_attempt_at: null,
        });
      if (emailOn)
        rows.push({
          ...base,
          id: this.deps.ids.next(),
          channel: 'email',
          recipient_kind: 'user',
          recipient_ref: user.id,
          locale: user.locale,
          dedupe_key: key(`email:${user.id}`),
        });
    }
    for (const [index, recipient] of message.recipients.entries()) {
      if (recipient.kind === 'email') {
        const address = recipient.address.trim();
        if (!EMAIL.test(address) || address.length > 254)
          throw errors.invalidInput('email', { zh: '不是有效的电子邮件地址', en: 'is not a valid e-mail address' });
        if (!this.deps.cipher) throw new Error('NotificationOutbox: an e-mail recipient needs the contact cipher');
        const sealed = this.deps.cipher.seal(address);
        rows.push({
          ...base,
          id: this.deps.ids.next(),
          channel: 'email',
          recipient_kind: 'email',
          recipient_ref: null,
          address_key_id: sealed.keyId,
          address_ciphertext: sealed.ciphertext,
          locale: recipient.locale ?? 'zh-CN',
          // By position, so the key holds no address in plaintext.
          dedupe_key: key(`email#${index}`),
        });
      } else if (recipient.kind === 'sealed_email') {
        rows.push({
          ...base,
          id: this.deps.ids.next(),
          channel: 'email',
          recipient_kind: 'email',
          recipient_ref: null,
          address_key_id: recipient.keyId,
          address_ciphertext: recipient.ciphertext,
          locale: recipient.locale === 'en' ? 'en' : 'zh-CN',
          dedupe_key: key(`email#${index}`),
        });
      } else if (recipient.kind === 'webhooks') {
        for (const endpoint of await this.webhooksFor(trx, message.workspaceId, message.topic))
          rows.push({
            ...base,
            id: this.deps.ids.next(),
            channel: 'webhook',
            recipient_kind: 'webhook',
            recipient_ref: endpoint,
            locale: 'zh-CN',
            dedupe_key: key(`webhook:${endpoint}`),
          });
      }
    }
    const ids: string[] = [];
    let queued = 0;
    for (const row of rows) {
      const inserted = await trx
        .insertInto('notifications')
        .values(row)
        .onConflict((oc) => oc.columns(['workspace_id', 'dedupe_key']).doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) continue;
      ids.push(row.id);
      if (row.status === 'pending') {
        await enqueueDelivery(trx, this.deps.ids, message.workspaceId, row.id, message.at);
        queued += 1;
      }
    }
    return { ids, queued };
  }

  /** The active users among the recipients (a role expanded to its holders), each once. */
  private async usersOf(
    trx: Kysely<Database>,
    workspaceId: string,
    recipients: readonly NotificationRecipient[],
  ): Promise<{ id: string; locale: string }[]> {
    const userIds = recipients.flatMap((r) => (r.kind === 'user' ? [r.userId] : []));
    const roles = new Set(recipients.flatMap((r) => (r.kind === 'role' ? [r.role] : [])));
    if (userIds.length === 0 && roles.size === 0) return [];
    let select = trx
      .selectFrom('users')
      .select(['id', 'locale', 'roles_json'])
      .where('workspace_id', '=', workspaceId)
      .where('disabled_at', 'is', null)
      .orderBy('id');
    // Users by id alone (an assignment, an outlet manager) need not read the workspace's whole member list.
    if (roles.size === 0) select = select.where('id', 'in', userIds);
    const rows = await select.execute();
    const wanted = new Set(userIds);
    return rows
      .filter((row) => {
        if (wanted.has(row.id)) return true;
        if (roles.size === 0) return false;
        const held = JSON.parse(row.roles_json) as string[];
        return held.some((role) => roles.has(role));
      })
      .map((row) => ({ id: row.id, locale: row.locale === 'en' ? 'en' : 'zh-CN' }));
  }

  private async smtpConfigured(trx: Kysely<Database>, workspaceId: string): Promise<boolean> {
    const row = await trx
      .selectFrom('notification_settings')
      .select(['smtp_host', 'mail_from'])
      .where('workspace_id', '=', workspaceId)
      .executeTakeFirst();
    return Boolean(row?.smtp_host && row.mail_from);
  }

  private async webhooksFor(trx: Kysely<Database>, workspaceId: string, topic: string): Promise<string[]> {
    const rows = await trx
      .selectFrom('notification_webhooks')
      .select(['id', 'topics_json'])
      .where('workspace_id', '=', workspaceId)
      .where('enabled', '=', 1)
      .orderBy('id')
      .execute();
    return rows
      .filter((row) => {
        const topics = JSON.parse(row.topics_json) as string[];
        return topics.includes('*') || topics.includes(topic);
      })
      .map((row) => row.id);
  }
}

/** Queues the `notify.deliver` job of one outbox row, due at `runAt`, in the caller's transaction. */
export async function enqueueDelivery(
  trx: Kysely<Database>,
  ids: IdGenerator,
  workspaceId: string,
  notificationId: string,
  runAt: string,
): Promise<void> {
  // The job's own attempts only cover a worker dying mid-delivery; the outbox row counts delivery attempts.
  await enqueueJob(trx, ids, { kind: 'notify.deliver', workspaceId, notificationId }, { runAt, maxAttempts: 3 });
}
