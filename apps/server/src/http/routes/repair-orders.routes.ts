import { z } from 'zod';
import type { RepairOrderEvent, Slot } from '@proofdesk/domain';
import { DEFAULT_MAX_UPLOAD_BYTES, type AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { idParams, imageBytesSchema, pageOf } from '../schemas/common.schemas.js';
import {
  availabilityQuery,
  availabilitySchema,
  contactSchema,
  dispatchDecisionSchema,
  escalationSchema,
  eventBodySchema,
  isoDate,
  repairOrderDetailSchema,
  repairOrderSchema,
  repairStatusSchema,
  slotSchema,
  staffIntakeBodySchema,
  visitMediaSchema,
  visitPartSchema,
  visitSchema,
} from '../schemas/repair.schemas.js';
import { readUpload } from '../uploads.js';

const listQuery = z.object({
  date: isoDate.optional().describe('Booked date, or the preferred date before booking'),
  slot: slotSchema.optional(),
  areaPrefix: z
    .string()
    .regex(/^\d{2,9}$/)
    .optional()
    .describe('Division code prefix: 4601 for 海口市, 460106 for 龙华区'),
  status: repairStatusSchema.optional(),
  outletId: z.string().min(1).max(100).optional(),
  technicianId: z.string().min(1).max(100).optional(),
  sla: z.enum(['breached', 'ok']).optional(),
  cursor: z.string().min(1).max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

const whenQuery = z.object({ date: isoDate.optional(), slot: slotSchema.optional() });
const mediaParams = z.object({ id: z.string().min(1).max(100), mediaId: z.string().min(1).max(100) });

const MEDIA_NOTE =
  'multipart/form-data with one file in the field `file`: a photo (JPEG, PNG, WebP, HEIC…) or a recording of the ' +
  'call or visit (M4A, MP3, AMR, WAV, OGG), recognised by its bytes (415 otherwise), 413 over the size limit, ' +
  'nothing stored when refused.';

/** Repair orders for staff: intake, board, detail, dispatch, events, visit and media, reveal; availability, escalations. */
export function repairOrderRoutes(deps: AppDeps): ApiRoute[] {
  const { repairOrders, repairWorkflow, dispatch, visits, sla } = deps.services;
  const maxBytes = deps.options?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  return [
    defineRoute({
      method: 'GET',
      url: '/repair-orders',
      access: 'network.read',
      summary: 'List repair orders, newest first, with the board’s filters',
      description: 'A technician sees only the orders assigned to them. Contact data is masked.',
      tags: ['repair orders'],
      schema: { querystring: listQuery, response: { 200: pageOf(repairOrderSchema) } },
      handler: ({ actor, query }) => repairOrders.listOrders(actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/repair-orders',
      access: 'service.intake',
      summary: 'Take a repair order in (phone, counter)',
      description:
        'The customer is found by phone (blind index) or created; contact and address are sealed. The area is a ' +
        'division code or free text resolved to one county or township (an ambiguous text answers 422 with its ' +
        'candidates in `details.candidates`). Answers the order and the customer’s status-link token, shown once ' +
        '(only its hash is stored; so this create is not replayed by Idempotency-Key).',
      tags: ['repair orders'],
      status: 201,
      schema: {
        body: staffIntakeBodySchema,
        response: { 201: z.object({ order: repairOrderDetailSchema, statusToken: z.string() }) },
      },
      handler: ({ actor, body }) => repairOrders.intake(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/repair-orders/:id',
      access: 'network.read',
      summary: 'One repair order: history with dispatch explanations, SLA timers, visit and media',
      tags: ['repair orders'],
      schema: { params: idParams, response: { 200: repairOrderDetailSchema } },
      handler: ({ actor, params }) => repairOrders.getOrder(actor, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/repair-orders/:id/dispatch-candidates',
      access: 'service.dispatch',
      summary: 'Ranked technicians for the order’s (or the given) date and slot, each explained',
      tags: ['dispatch'],
      schema: { params: idParams, querystring: whenQuery, response: { 200: dispatchDecisionSchema } },
      handler: ({ actor, params, query }) => dispatch.candidates(actor, params.id, when(query)),
    }),
    defineRoute({
      method: 'POST',
      url: '/repair-orders/:id/dispatch',
      access: 'service.dispatch',
      summary: 'Dispatch automatically to the best-ranked technician',
      description: '409 `invalid_state` when nobody is eligible (the message says who was left out and why).',
      tags: ['dispatch'],
      schema: { params: idParams, body: whenQuery, response: { 200: repairOrderDetailSchema } },
      handler: ({ actor, params, body }) => dispatch.autoDispatch(actor, params.id, when(body)),
    }),
    defineRoute({
      method: 'POST',
      url: '/repair-orders/:id/assign',
      access: 'service.dispatch',
      summary: 'Assign or reassign by hand, with a reason',
      description: 'May override the hard filters (a full slot, outside the coverage); the override is recorded.',
      tags: ['dispatch'],
      schema: {
        params: idParams,
        body: z.object({
          technicianId: z.string().min(1).max(100),
          date: isoDate,
          slot: slotSchema,
          reason: z.string().min(1).max(1000),
        }),
        response: { 200: repairOrderDetailSchema },
      },
      handler: ({ actor, params, body }) => dispatch.manualAssign(actor, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/repair-orders/:id/events',
      access: 'network.read',
      summary:
        'Move the order on: accept, call_customer, depart, arrive, complete, parts_needed, reschedule, close, cancel',
      description:
        'The technician’s steps need `service.work` (a technician only on their own order; another’s answers 404); ' +
        '`reschedule` (with `date`, `slot`, `reason`) and `close` need `service.dispatch`; `cancel` (with `reason`) ' +
        'needs `service.intake`. 409 `invalid_state` when the status machine does not allow the event.',
      tags: ['repair orders'],
      schema: { params: idParams, body: eventBodySchema, response: { 200: repairOrderDetailSchema } },
      handler: ({ actor, params, body }) =>
        repairWorkflow.applyEvent(actor, params.id, {
          ...body,
          event: body.event as Exclude<RepairOrderEvent, 'assign'>,
        }),
    }),
    defineRoute({
      method: 'PUT',
      url: '/repair-orders/:id/visit',
      access: 'service.work',
      summary: 'Record the visit: check-in and check-out, notes, parts and fees (fen)',
      tags: ['visits'],
      schema: {
        params: idParams,
        body: z.object({
          checkedInAt: z.string().max(40).nullable().optional(),
          checkedOutAt: z.string().max(40).nullable().optional(),
          notes: z.string().max(5000).nullable().optional(),
          parts: z.array(visitPartSchema).max(50).optional(),
          feeFen: z.int().min(0).optional(),
        }),
        response: { 200: visitSchema },
      },
      handler: ({ actor, params, body }) => visits.recordVisit(actor, params.id, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/repair-orders/:id/visit/media',
      access: 'service.work',
      summary: 'Add a photo or a recording to the visit',
      description: MEDIA_NOTE,
      tags: ['visits'],
      status: 201,
      multipart: { field: 'file' },
      schema: { params: idParams, response: { 201: visitMediaSchema } },
      handler: async ({ actor, params, request }) =>
        visits.addMedia(actor, params.id, await readUpload(request, maxBytes)),
    }),
    defineRoute({
      method: 'GET',
      url: '/repair-orders/:id/visit/media',
      access: 'network.read',
      summary: 'The visit’s photos and recordings',
      tags: ['visits'],
      schema: { params: idParams, response: { 200: z.array(visitMediaSchema) } },
      handler: ({ actor, params }) => visits.listMedia(actor, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/repair-orders/:id/visit/media/:mediaId',
      access: 'network.read',
      summary: 'The bytes of one photo or recording (its type sniffed at upload)',
      tags: ['visits'],
      schema: { params: mediaParams, response: { 200: imageBytesSchema } },
      handler: async ({ actor, params, reply }) => {
        const { media, bytes } = await visits.getMedia(actor, params.id, params.mediaId);
        return reply
          .type(media.mime)
          .header('x-content-type-options', 'nosniff')
          .header('cache-control', 'private, max-age=3600')
          .header('content-disposition', `inline; filename*=UTF-8''${encodeURIComponent(media.filename)}`)
          .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
      },
    }),
    defineRoute({
      method: 'POST',
      url: '/repair-orders/:id/contact/reveal',
      access: 'network.read',
      summary: 'The customer’s full name, phone and address (audited)',
      description:
        'With `service.contact_reveal`, or as the technician assigned to the order; 403 otherwise. Every reveal is ' +
        'written to the audit log with who asked.',
      tags: ['repair orders'],
      schema: {
        params: idParams,
        body: z.object({ reason: z.string().min(1).max(500).optional() }).optional(),
        response: { 200: contactSchema },
      },
      handler: ({ actor, params, body }) => repairOrders.revealContact(actor, params.id, body?.reason),
    }),
    defineRoute({
      method: 'GET',
      url: '/service/availability',
      access: 'network.read',
      summary: 'Free booking capacity per day and slot for an area, product line and fault',
      description: 'Counts the technicians who pass every hard filter and their free bookings; at most 31 days.',
      tags: ['dispatch'],
      schema: { querystring: availabilityQuery, response: { 200: availabilitySchema } },
      handler: ({ actor, query }) => dispatch.availability(actor, query),
    }),
    defineRoute({
      method: 'GET',
      url: '/service/escalations',
      access: 'service.dispatch',
      summary: 'SLA escalations, newest first',
      tags: ['sla'],
      schema: {
        querystring: z.object({
          open: z
            .enum(['true', 'false'])
            .transform((v) => v === 'true')
            .optional()
            .describe('Only the unacknowledged'),
          orderId: z.string().min(1).max(100).optional(),
          cursor: z.string().min(1).max(200).optional(),
          limit: z.coerce.number().int().min(1).max(200).default(50),
        }),
        response: { 200: pageOf(escalationSchema) },
      },
      handler: ({ actor, query }) => sla.listEscalations(actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/service/escalations/:id/ack',
      access: 'service.dispatch',
      summary: 'Acknowledge an escalation (audited)',
      tags: ['sla'],
      schema: { params: idParams, response: { 200: escalationSchema } },
      handler: ({ actor, params }) => sla.ack(actor, params.id),
    }),
  ];
}

function when(input: { date?: string | undefined; slot?: Slot | undefined } | undefined): {
  date?: string;
  slot?: Slot;
} {
  return {
    ...(input?.date ? { date: input.date } : {}),
    ...(input?.slot ? { slot: input.slot } : {}),
  };
}
