import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { bilingualSchema, idParams, isoTime, okSchema, pageOf } from '../schemas/common.schemas.js';
import { NOTIFICATION_CHANNELS, NOTIFICATION_STATUSES } from '../../services/notification-outbox.js';

const notificationSchema = z
  .object({
    id: z.string().describe('Also the delivery id receivers de-duplicate on'),
    topic: z.string(),
    channel: z.enum(NOTIFICATION_CHANNELS),
    recipient: z
      .string()
      .describe('`user:<id>`, `webhook:<endpoint id>` or `email:(customer)` (the address is sealed)'),
    subject: z.object({ type: z.string(), id: z.string() }).nullable(),
    title: bilingualSchema,
    body: bilingualSchema,
    link: z.string().nullable(),
    status: z.enum(NOTIFICATION_STATUSES),
    attempts: z.number().int(),
    nextAttemptAt: isoTime.nullable(),
    lastError: z.string().nullable(),
    createdAt: isoTime,
    sentAt: isoTime.nullable(),
    readAt: isoTime.nullable(),
  })
  .meta({ id: 'Notification' });

const emailSettingsSchema = z
  .object({
    smtpHost: z.string().nullable(),
    smtpPort: z.number().int().nullable(),
    smtpSecure: z.boolean(),
    smtpUser: z.string().nullable(),
    passwordSet: z.boolean().describe('The password itself is sealed and never returned'),
    mailFrom: z.string().nullable(),
    updatedAt: isoTime.nullable(),
  })
  .meta({ id: 'NotificationEmailSettings' });

const emailSettingsBody = z.object({
  smtpHost: z.string().min(1).max(253).nullable().describe('null turns e-mail off'),
  smtpPort: z.number().int().min(1).max(65_535).optional().describe('Default 465 when secure, else 587'),
  smtpSecure: z.boolean().optional().describe('TLS from the start (465); otherwise STARTTLS when offered'),
  smtpUser: z.string().max(320).nullable().optional(),
  smtpPassword: z.string().max(500).nullable().optional().describe('Omitted keeps the stored one; null removes it'),
  mailFrom: z.string().max(320).nullable().optional().describe('e.g. 售后服务 <service@brand.example>'),
});

const webhookSchema = z
  .object({
    id: z.string(),
    name: z.string(),
    url: z.string(),
    topics: z.array(z.string()),
    enabled: z.boolean(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'NotificationWebhook' });

const topicSchema = z
  .string()
  .regex(/^(\*|[a-z][a-z_]*(\.[a-z][a-z_]*)+)$/)
  .describe('sla.breach, repair.assigned, repair.status, complaint.updated, … or * for all');

const listQuery = z.object({
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

/** Notifications: each user's in-app list; for admins the outbox, requeueing, and the channels' settings. */
export function notificationRoutes(deps: AppDeps): ApiRoute[] {
  const { notifications, notificationSubscriptions } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/notifications/mine',
      access: 'session',
      summary: 'My notifications in the console, newest first',
      description: 'For a signed-in user (a session): API keys have no inbox.',
      tags: ['notifications'],
      schema: {
        querystring: listQuery.extend({
          unread: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional(),
        }),
        response: { 200: pageOf(notificationSchema) },
      },
      handler: ({ actor, query }) => notifications.mine(actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/mine/:id/read',
      access: 'session',
      summary: 'Mark one of my notifications read',
      tags: ['notifications'],
      schema: { params: idParams, response: { 200: notificationSchema } },
      handler: ({ actor, params }) => notifications.markRead(actor, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/repair-orders/:token/notifications',
      access: 'public',
      summary: 'The customer asks for status e-mails through their status link',
      description:
        'Every later status change of the order is e-mailed to the address with the status link. The address and ' +
        'the link are sealed at rest; a new address replaces the old. Answers the address masked.',
      tags: ['repair customer'],
      status: 201,
      rateLimit: { max: 10, timeWindowMs: 60_000 },
      schema: {
        params: z.object({ token: z.string().min(16).max(200) }),
        body: z.object({ email: z.string().min(3).max(254), locale: z.enum(['zh-CN', 'en']).optional() }),
        response: { 201: z.object({ email: z.string().describe('Masked: k***@example.cn') }) },
      },
      handler: ({ params, body, request }) =>
        notificationSubscriptions.subscribe(
          params.token,
          body,
          `${request.protocol}://${request.host}/repair/status?token=${encodeURIComponent(params.token)}`,
        ),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/public/repair-orders/:token/notifications',
      access: 'public',
      summary: 'The customer stops the status e-mails',
      tags: ['repair customer'],
      rateLimit: { max: 10, timeWindowMs: 60_000 },
      schema: { params: z.object({ token: z.string().min(16).max(200) }), response: { 200: okSchema } },
      handler: async ({ params }) => {
        await notificationSubscriptions.unsubscribe(params.token);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/outbox',
      access: 'workspace.admin',
      summary: 'The outbox: every notification with its delivery state',
      description:
        'pending → sending → sent; a failed delivery is retried with exponential backoff (`nextAttemptAt`) and is ' +
        'dead after its last attempt or a permanent refusal.',
      tags: ['notifications'],
      schema: {
        querystring: listQuery.extend({
          status: z.enum(NOTIFICATION_STATUSES).optional(),
          channel: z.enum(NOTIFICATION_CHANNELS).optional(),
          topic: z.string().max(100).optional(),
        }),
        response: { 200: pageOf(notificationSchema) },
      },
      handler: ({ actor, query }) => notifications.outbox(actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/outbox/:id/requeue',
      access: 'workspace.admin',
      summary: 'Send a dead or failed notification again (attempts reset; audited)',
      description: '409 unless the notification is dead or failed.',
      tags: ['notifications'],
      schema: { params: idParams, response: { 200: okSchema } },
      handler: async ({ actor, params }) => {
        await notifications.requeue(actor, params.id);
        return { ok: true as const };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/settings/email',
      access: 'workspace.admin',
      summary: 'The e-mail channel’s SMTP settings (without the password)',
      tags: ['notifications'],
      schema: { response: { 200: emailSettingsSchema } },
      handler: ({ actor }) => notifications.emailSettings(actor),
    }),
    defineRoute({
      method: 'PUT',
      url: '/notifications/settings/email',
      access: 'workspace.admin',
      summary: 'Set the SMTP server and sender (the password is sealed at rest)',
      tags: ['notifications'],
      schema: { body: emailSettingsBody, response: { 200: emailSettingsSchema } },
      handler: ({ actor, body }) => notifications.putEmailSettings(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/notifications/webhooks',
      access: 'workspace.admin',
      summary: 'Webhook endpoints',
      tags: ['notifications'],
      schema: { response: { 200: z.object({ items: z.array(webhookSchema) }) } },
      handler: async ({ actor }) => ({ items: await notifications.webhooks(actor) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/notifications/webhooks',
      access: 'workspace.admin',
      summary: 'Add a webhook endpoint; answers its signing secret this once',
      description:
        'Each request carries `Proofdesk-Delivery` (the same on retries), `Proofdesk-Timestamp` (unix seconds) ' +
        'and `Proofdesk-Signature: v1=<hex HMAC-SHA256 of "<timestamp>.<raw body>">`; see docs/notifications.md.',
      tags: ['notifications'],
      status: 201,
      schema: {
        body: z.object({
          name: z.string().min(1).max(100),
          url: z.url({ protocol: /^https?$/ }).max(2000),
          topics: z.array(topicSchema).min(1).max(20),
        }),
        response: { 201: webhookSchema.extend({ secret: z.string() }) },
      },
      handler: ({ actor, body }) => notifications.createWebhook(actor, body),
    }),
    defineRoute({
      method: 'PATCH',
      url: '/notifications/webhooks/:id',
      access: 'workspace.admin',
      summary: 'Enable or disable a webhook endpoint',
      tags: ['notifications'],
      schema: { params: idParams, body: z.object({ enabled: z.boolean() }), response: { 200: webhookSchema } },
      handler: ({ actor, params, body }) => notifications.setWebhookEnabled(actor, params.id, body.enabled),
    }),
  ];
}
