import { z } from 'zod';
import {
  COMPLAINT_CONTACT_KINDS,
  COMPLAINT_ESCALATION_LEVELS,
  COMPLAINT_EVENTS,
  COMPLAINT_STATUSES,
  COMPLAINT_SUBJECTS,
} from '@proofdesk/domain';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { bilingualSchema, idParams, isoTime, pageOf } from '../schemas/common.schemas.js';

const complaintTimerSchema = z
  .object({
    kind: z.enum(['acknowledge', 'resolve']),
    startedAt: isoTime,
    dueAt: isoTime,
    remainingMinutes: z.number().describe('Working minutes; negative when overdue'),
    breachedAt: isoTime.optional(),
    stoppedAt: isoTime.optional(),
    met: z.boolean().optional(),
    state: z.enum(['running', 'met', 'breached', 'stopped']),
    escalationLevel: z.enum(COMPLAINT_ESCALATION_LEVELS).nullable(),
  })
  .meta({ id: 'ComplaintTimer' });

const complaintSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    subjectType: z.enum(COMPLAINT_SUBJECTS),
    subjectId: z.string(),
    repairOrderId: z.string().nullable(),
    outletId: z.string().nullable(),
    technicianId: z.string().nullable(),
    regionCode: z.string().nullable().describe('The outlet’s province: the region level of the ladder'),
    channel: z.enum(['status_page', 'hotline', 'merchant']),
    description: z.string(),
    contactMasked: z.string().nullable(),
    status: z.enum(COMPLAINT_STATUSES),
    resolution: z.string().nullable(),
    upheld: z.boolean().nullable(),
    reopenCount: z.int(),
    slaBreached: z.boolean(),
    escalationLevel: z.string().nullable(),
    cycleStartedAt: isoTime,
    acknowledgedAt: isoTime.nullable(),
    resolvedAt: isoTime.nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
    timers: z.array(complaintTimerSchema),
  })
  .meta({ id: 'Complaint' });

const complaintDetailSchema = complaintSchema
  .extend({
    filedBy: z.string(),
    allowedEvents: z.array(z.enum(COMPLAINT_EVENTS)),
    events: z.array(
      z.object({
        id: z.string(),
        at: isoTime,
        actor: z.string(),
        event: z.string(),
        fromStatus: z.string().nullable(),
        toStatus: z.string(),
        data: z.record(z.string(), z.unknown()),
      }),
    ),
    contacts: z.array(
      z.object({
        id: z.string(),
        at: isoTime,
        actor: z.string(),
        kind: z.string(),
        direction: z.string(),
        notes: z.string(),
      }),
    ),
    escalations: z.array(
      z.object({
        id: z.string(),
        timerKind: z.string(),
        level: z.string(),
        recipientRole: z.string(),
        recipientUserId: z.string().nullable(),
        regionCode: z.string().nullable(),
        message: bilingualSchema,
        dueAt: isoTime,
        createdAt: isoTime,
      }),
    ),
  })
  .meta({ id: 'ComplaintDetail' });

const customerComplaintSchema = z
  .object({
    id: z.string(),
    number: z.string(),
    subjectType: z.enum(COMPLAINT_SUBJECTS),
    description: z.string(),
    status: z.enum(COMPLAINT_STATUSES),
    statusLabel: bilingualSchema,
    resolution: z.string().nullable(),
    acknowledgedAt: isoTime.nullable(),
    resolvedAt: isoTime.nullable(),
    canConfirm: z.boolean(),
    canReopen: z.boolean(),
    timeline: z.array(z.object({ status: z.string(), at: isoTime })),
    createdAt: isoTime,
  })
  .meta({ id: 'CustomerComplaint' });

const rateRowSchema = z.object({
  id: z.string(),
  name: z.string().nullable(),
  orders: z.int(),
  complaints: z.int(),
  rawRate: z.number().nullable(),
  rate: z.number().nullable().describe('Smoothed: (complaints + priorRate × priorWeight) / (orders + priorWeight)'),
});

const rateReportSchema = z
  .object({
    window: z.object({ from: isoTime, to: isoTime }),
    smoothing: z.object({ priorRate: z.number(), priorWeight: z.number() }),
    outlets: z.array(rateRowSchema),
    technicians: z.array(rateRowSchema),
  })
  .meta({ id: 'ComplaintRateReport' });

const listQuery = z.object({
  status: z.enum(COMPLAINT_STATUSES).optional(),
  open: z.stringbool().optional().describe('Only open, acknowledged, in progress or reopened'),
  breached: z.stringbool().optional(),
  outletId: z.string().min(1).max(100).optional(),
  technicianId: z.string().min(1).max(100).optional(),
  repairOrderId: z.string().min(1).max(100).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const tokenParams = z.object({ token: z.string().min(16).max(200) });
const orderComplaintParams = tokenParams.extend({ complaintId: z.string().min(1).max(100) });
const answerBody = z.object({ comment: z.string().max(2000).optional() });
const reopenBody = z.object({ comment: z.string().min(1).max(2000).describe('Why the resolution did not help') });

const CUSTOMER_WRITES_PER_MINUTE = 10;
const CUSTOMER_READS_PER_MINUTE = 60;

/**
 * Complaints: the staff queue and detail with SLA timers, filing by a hotline agent (service.intake) or a merchant
 * (claim.respond), contacts log, status events (service.dispatch), the rates report; and the customer's side through
 * their repair status link or the complaint's own link (file, follow, confirm, reopen; rate-limited, no contact data).
 */
export function complaintRoutes(deps: AppDeps): ApiRoute[] {
  const { complaints, complaintRates } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/complaints',
      access: 'service.intake',
      summary: 'The complaints queue, newest first, with live SLA timers',
      tags: ['complaints'],
      schema: { querystring: listQuery, response: { 200: pageOf(complaintSchema) } },
      handler: ({ actor, query }) => complaints.list(actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/complaints',
      access: 'workspace.read',
      summary: 'File a complaint (hotline agent or merchant) against a repair order, technician, outlet or claim',
      description:
        'channel `hotline` needs service.intake, `merchant` claim.respond. The customer’s contact is sealed and ' +
        'masked. Answers the customer’s confirm / reopen link token once (only its hash is stored).',
      tags: ['complaints'],
      status: 201,
      schema: {
        body: z.object({
          subjectType: z.enum(COMPLAINT_SUBJECTS),
          subjectId: z.string().min(1).max(100),
          channel: z.enum(['hotline', 'merchant']),
          description: z.string().min(1).max(4000),
          contact: z.object({ name: z.string().min(1).max(100), phone: z.string().min(5).max(40) }).optional(),
        }),
        response: { 201: z.object({ complaint: complaintDetailSchema, linkToken: z.string() }) },
      },
      handler: ({ actor, body }) => complaints.file(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/complaints/report/rates',
      access: 'service.dispatch',
      summary: 'Complaint rates per outlet and technician over a window, smoothed',
      tags: ['complaints'],
      schema: {
        querystring: z.object({
          days: z.coerce.number().int().min(1).max(730).optional(),
          priorRate: z.coerce.number().min(0).max(1).optional(),
          priorWeight: z.coerce.number().min(0).max(10_000).optional(),
        }),
        response: { 200: rateReportSchema },
      },
      handler: ({ actor, query }) => complaintRates.report(actor, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/complaints/:id',
      access: 'service.intake',
      summary: 'One complaint: history, contacts log, escalations, timers and the events allowed now',
      tags: ['complaints'],
      schema: { params: idParams, response: { 200: complaintDetailSchema } },
      handler: ({ actor, params }) => complaints.get(actor, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/complaints/:id/contacts',
      access: 'service.intake',
      summary: 'Record a call, message or visit with the customer, with notes',
      tags: ['complaints'],
      status: 201,
      schema: {
        params: idParams,
        body: z.object({
          kind: z.enum(COMPLAINT_CONTACT_KINDS),
          direction: z.enum(['outbound', 'inbound']).default('outbound'),
          notes: z.string().min(1).max(4000),
        }),
        response: { 201: complaintDetailSchema },
      },
      handler: ({ actor, params, body }) => complaints.recordContact(actor, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/complaints/:id/contact/reveal',
      access: 'service.contact_reveal',
      summary: 'The customer’s full name and phone of a hotline or merchant filing (audited)',
      description:
        '404 when the complaint was filed without a contact (a status-page complaint: see its repair order).',
      tags: ['complaints'],
      schema: {
        params: idParams,
        response: { 200: z.object({ name: z.string(), phone: z.string() }).meta({ id: 'ComplaintContact' }) },
      },
      handler: ({ actor, params }) => complaints.revealContact(actor, params.id),
    }),
    defineRoute({
      method: 'POST',
      url: '/complaints/:id/events',
      access: 'service.dispatch',
      summary: 'Acknowledge, start, resolve (resolution text + upheld) or close',
      description: '409 `invalid_state` when the status machine has no such transition from the current status.',
      tags: ['complaints'],
      schema: {
        params: idParams,
        body: z.object({
          event: z.enum(['acknowledge', 'start', 'resolve', 'close']),
          resolution: z.string().max(4000).optional(),
          upheld: z.boolean().optional(),
          note: z.string().max(2000).optional(),
        }),
        response: { 200: complaintDetailSchema },
      },
      handler: ({ actor, params, body }) => complaints.applyEvent(actor, params.id, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/public/repair-orders/:token/complaints',
      access: 'public',
      summary: 'The complaints of the customer’s repair order, through its status link',
      tags: ['repair customer'],
      rateLimit: { max: CUSTOMER_READS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: { params: tokenParams, response: { 200: z.array(customerComplaintSchema) } },
      handler: ({ params }) => complaints.customerComplaintsOfOrder(params.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/repair-orders/:token/complaints',
      access: 'public',
      summary: 'The customer files a complaint about their repair order, its technician or outlet',
      tags: ['repair customer'],
      status: 201,
      rateLimit: { max: CUSTOMER_WRITES_PER_MINUTE, timeWindowMs: 60_000 },
      schema: {
        params: tokenParams,
        body: z.object({
          about: z.enum(['repair_order', 'technician', 'outlet']).optional(),
          description: z.string().min(1).max(4000),
        }),
        response: { 201: z.object({ complaint: customerComplaintSchema, linkToken: z.string() }) },
      },
      handler: ({ params, body }) => complaints.fileByCustomer(params.token, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/repair-orders/:token/complaints/:complaintId/confirm',
      access: 'public',
      summary: 'The customer confirms the resolution (through the order’s status link)',
      tags: ['repair customer'],
      rateLimit: { max: CUSTOMER_WRITES_PER_MINUTE, timeWindowMs: 60_000 },
      schema: { params: orderComplaintParams, body: answerBody.optional(), response: { 200: customerComplaintSchema } },
      handler: ({ params, body }) =>
        complaints.customerAnswer(
          { orderToken: params.token, complaintId: params.complaintId },
          { answer: 'confirm', ...(body?.comment ? { comment: body.comment } : {}) },
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/repair-orders/:token/complaints/:complaintId/reopen',
      access: 'public',
      summary: 'The customer reopens the complaint, saying why (through the order’s status link)',
      tags: ['repair customer'],
      rateLimit: { max: CUSTOMER_WRITES_PER_MINUTE, timeWindowMs: 60_000 },
      schema: { params: orderComplaintParams, body: reopenBody, response: { 200: customerComplaintSchema } },
      handler: ({ params, body }) =>
        complaints.customerAnswer(
          { orderToken: params.token, complaintId: params.complaintId },
          { answer: 'reopen', comment: body.comment },
        ),
    }),
    defineRoute({
      method: 'GET',
      url: '/public/complaints/:token',
      access: 'public',
      summary: 'A complaint through its own link (given to a hotline or merchant customer)',
      tags: ['complaint customer'],
      rateLimit: { max: CUSTOMER_READS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: { params: tokenParams, response: { 200: customerComplaintSchema } },
      handler: ({ params }) => complaints.customerView(params.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/complaints/:token/confirm',
      access: 'public',
      summary: 'The customer confirms the resolution',
      tags: ['complaint customer'],
      rateLimit: { max: CUSTOMER_WRITES_PER_MINUTE, timeWindowMs: 60_000 },
      schema: { params: tokenParams, body: answerBody.optional(), response: { 200: customerComplaintSchema } },
      handler: ({ params, body }) =>
        complaints.customerAnswer(
          { complaintToken: params.token },
          { answer: 'confirm', ...(body?.comment ? { comment: body.comment } : {}) },
        ),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/complaints/:token/reopen',
      access: 'public',
      summary: 'The customer reopens the complaint, saying why',
      tags: ['complaint customer'],
      rateLimit: { max: CUSTOMER_WRITES_PER_MINUTE, timeWindowMs: 60_000 },
      schema: { params: tokenParams, body: reopenBody, response: { 200: customerComplaintSchema } },
      handler: ({ params, body }) =>
        complaints.customerAnswer({ complaintToken: params.token }, { answer: 'reopen', comment: body.comment }),
    }),
  ];
}
