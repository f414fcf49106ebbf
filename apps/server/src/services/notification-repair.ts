import {
  ESCALATION_LEVEL_LABELS,
  isRole,
  REPAIR_ORDER_STATUS_LABELS,
  SLOT_LABELS,
  type EscalationLevel,
  type IdGenerator,
  type RepairOrderStatus,
} from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import type { RepairOrderRow } from '../adapters/db/repair.repository.js';
import type { Database } from '../adapters/db/schema.js';
import { NotificationOutbox, type NotificationRecipient } from './notification-outbox.js';

/**
 * What the repair side tells people, written into the outbox in the transaction of the change (issue 8):
 * - every status change → `repair.status` to the workspace's webhooks (the brand's own systems), and by e-mail to
 *   the customer when they subscribed through their status link (the link goes with it, sealed);
 * - an assignment → `repair.assigned` to the technician's login (console and e-mail);
 * - an SLA escalation → `sla.breach` to the level's recipients (the outlet manager, or the role) and webhooks.
 * Each is keyed so a re-run of the same change writes nothing twice.
 */

const label = (status: string) => REPAIR_ORDER_STATUS_LABELS[status as RepairOrderStatus] ?? { zh: status, en: status };

/** Inside the transaction of a status change: `before` as read, `after` as changed. */
export async function notifyRepairChange(
  trx: Kysely<Database>,
  ids: IdGenerator,
  change: {
    readonly before: RepairOrderRow;
    readonly after: RepairOrderRow;
    readonly event: string;
    readonly at: string;
  },
): Promise<void> {
  const outbox = new NotificationOutbox({ ids });
  const { before, after, event, at } = change;
  const from = label(before.status);
  const to = label(after.status);
  const link = `/service/orders/${after.id}`;
  const subject = { type: 'repair_order', id: after.id };
  await outbox.enqueue(trx, {
    workspaceId: after.workspace_id,
    topic: 'repair.status',
    subject,
    title: { zh: `工单 ${after.number}：${to.zh}`, en: `Order ${after.number}: ${to.en}` },
    body: {
      zh: `维修工单 ${after.number} 由「${from.zh}」变为「${to.zh}」。`,
      en: `Repair order ${after.number} went from ${from.en.toLowerCase()} to ${to.en.toLowerCase()}.`,
    },
    link,
    data: {
      orderId: after.id,
      number: after.number,
      event,
      from: before.status,
      to: after.status,
      technicianId: after.technician_id,
      bookedDate: after.booked_date,
      bookedSlot: after.booked_slot,
    },
    recipients: [{ kind: 'webhooks' }],
    dedupeKey: `repair:${after.id}:v${after.version}`,
    at,
  });
  const subscribers = await trx
    .selectFrom('notification_subscriptions')
    .select(['key_id', 'ciphertext', 'locale'])
    .where('workspace_id', '=', after.workspace_id)
    .where('subject_type', '=', 'repair_order')
    .where('subject_id', '=', after.id)
    .execute();
  if (subscribers.length > 0)
    await outbox.enqueue(trx, {
      workspaceId: after.workspace_id,
      topic: 'repair.status',
      subject,
      title: { zh: `您的维修工单 ${after.number}：${to.zh}`, en: `Your repair order ${after.number}: ${to.en}` },
      body: {
        zh: `您的维修工单 ${after.number} 状态已更新为「${to.zh}」${after.booked_date ? `（预约 ${after.booked_date}）` : ''}。打开下面的链接查看详情：`,
        en: `Your repair order ${after.number} is now ${to.en.toLowerCase()}${after.booked_date ? ` (booked for ${after.booked_date})` : ''}. Follow the link below for details:`,
      },
      // The customer's status link travels sealed with their address, never in the row in clear.
      recipients: subscribers.map((s) => ({
        kind: 'sealed_email' as const,
        keyId: s.key_id,
        ciphertext: s.ciphertext,
        locale: s.locale,
      })),
      dedupeKey: `customer:${after.id}:v${after.version}`,
      at,
    });
  if (event !== 'assign' || !after.technician_id) return;
  const technician = await trx
    .selectFrom('technicians')
    .select(['user_id'])
    .where('workspace_id', '=', after.workspace_id)
    .where('id', '=', after.technician_id)
    .executeTakeFirst();
  if (!technician?.user_id) return;
  const slot = after.booked_slot ? SLOT_LABELS[after.booked_slot as keyof typeof SLOT_LABELS] : undefined;
  const when = {
    zh: `${after.booked_date ?? ''} ${slot?.zh ?? ''}`.trim(),
    en: `${after.booked_date ?? ''} ${slot?.en.toLowerCase() ?? ''}`.trim(),
  };
  await outbox.enqueue(trx, {
    workspaceId: after.workspace_id,
    topic: 'repair.assigned',
    subject,
    title: { zh: `新工单 ${after.number} 已派给您`, en: `New order ${after.number} assigned to you` },
    body: {
      zh: `${after.area_name}，预约 ${when.zh}。请在响应时限内接单或致电客户。`,
      en: `${after.area_name}, booked for ${when.en}. Accept it or call the customer within the response SLA.`,
    },
    link,
    data: { orderId: after.id, number: after.number, technicianId: after.technician_id },
    recipients: [{ kind: 'user', userId: technician.user_id }],
    userChannels: ['console', 'email'],
    dedupeKey: `assigned:${after.id}:v${after.version}`,
    at,
  });
}

/** Inside the SLA check's transaction, for an escalation just recorded. */
export async function notifySlaEscalation(
  trx: Kysely<Database>,
  ids: IdGenerator,
  escalation: {
    readonly id: string;
    readonly row: RepairOrderRow;
    readonly level: EscalationLevel;
    readonly recipientRole: string;
    readonly recipientUserId: string | null;
    readonly timerKind: string;
    readonly message: { readonly zh: string; readonly en: string };
    readonly dueAt: string;
    readonly at: string;
  },
): Promise<void> {
  const { row, level } = escalation;
  const recipients: NotificationRecipient[] = [{ kind: 'webhooks' }];
  if (escalation.recipientUserId) recipients.push({ kind: 'user', userId: escalation.recipientUserId });
  else if (isRole(escalation.recipientRole)) recipients.push({ kind: 'role', role: escalation.recipientRole });
  else recipients.push({ kind: 'role', role: 'admin' });
  const to = ESCALATION_LEVEL_LABELS[level];
  await new NotificationOutbox({ ids }).enqueue(trx, {
    workspaceId: row.workspace_id,
    topic: 'sla.breach',
    subject: { type: 'repair_order', id: row.id },
    title: { zh: `超时升级（${to.zh}）：工单 ${row.number}`, en: `SLA breach (${to.en}): order ${row.number}` },
    body: escalation.message,
    link: `/service/orders/${row.id}`,
    data: {
      escalationId: escalation.id,
      orderId: row.id,
      number: row.number,
      timer: escalation.timerKind,
      level,
      dueAt: escalation.dueAt,
    },
    recipients,
    userChannels: ['console', 'email'],
    dedupeKey: `sla:${escalation.id}`,
    at: escalation.at,
  });
}
