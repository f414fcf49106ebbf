import { z } from 'zod';
import { DEFAULT_MAX_UPLOAD_BYTES, type AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { idParams, isoTime, pageOf, pageQuery } from '../schemas/common.schemas.js';
import { buyerContactSchema, buyerSchema, claimSchema, orderSchema } from '../schemas/claims.schemas.js';
import { referencePhotoRoutes } from '../reference-photo-routes.js';

const newOrderSchema = z.object({
  platform: z.string().min(1).max(50).describe('taobao, jd, pdd, douyin, …'),
  platformOrderId: z.string().min(1).max(100),
  productId: z.string().min(1).max(100).optional(),
  amountFen: z.int().positive(),
  orderedAt: isoTime.optional(),
  shippedAt: isoTime.optional(),
  deliveredAt: isoTime.optional(),
  buyer: z
    .object({
      accountId: z.string().min(1).max(200).describe('Only a keyed HMAC of it is stored'),
      contact: buyerContactSchema.optional().describe('Stored encrypted (AES-256-GCM)'),
    })
    .optional(),
});

/** Orders with their packing photos, and buyers. */
export function orderRoutes(deps: AppDeps): ApiRoute[] {
  const { orders, catalogue, buyers, claims } = deps.services;
  const maxBytes = deps.options?.maxUploadBytes ?? DEFAULT_MAX_UPLOAD_BYTES;
  return [
    defineRoute({
      method: 'GET',
      url: '/orders',
      access: 'claim.read',
      summary: 'List orders, newest first',
      tags: ['orders'],
      schema: { querystring: pageQuery, response: { 200: pageOf(orderSchema) } },
      handler: ({ actor, query }) => orders.listOrders(actor, query),
    }),
    defineRoute({
      method: 'POST',
      url: '/orders',
      access: 'claim.create',
      summary: 'Record an order (and its buyer)',
      tags: ['orders'],
      status: 201,
      idempotent: true,
      schema: { body: newOrderSchema, response: { 201: orderSchema } },
      handler: ({ actor, body }) => orders.createOrder(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/orders/:id',
      access: 'claim.read',
      summary: 'Get an order',
      tags: ['orders'],
      schema: { params: idParams, response: { 200: orderSchema } },
      handler: ({ actor, params }) => orders.getOrder(actor, params.id),
    }),
    ...referencePhotoRoutes(catalogue, maxBytes, {
      ownerUrl: '/orders/:id',
      tag: 'orders',
      readAccess: 'claim.read',
      listSummary: "An order's packing photos",
      uploadSummary: 'Upload a packing photo',
      uploadDescription:
        'multipart/form-data with one file in the field `file`; sniffed (415), size-limited (413), nothing stored ' +
        'when refused.',
      requireOwner: (actor, orderId) => orders.getOrder(actor, orderId),
      target: (orderId) => ({ kind: 'packing', orderId }),
    }),
    defineRoute({
      method: 'GET',
      url: '/buyers',
      access: 'claim.read',
      summary: 'Find buyers by phone number (blind index; nothing decrypted)',
      tags: ['buyers'],
      schema: {
        querystring: z.object({ phone: z.string().min(3).max(40) }),
        response: { 200: z.object({ items: z.array(buyerSchema) }) },
      },
      handler: async ({ actor, query }) => ({ items: await buyers.findBuyersByPhone(actor, query.phone) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/buyers/:id',
      access: 'claim.read',
      summary: 'Get a buyer',
      tags: ['buyers'],
      schema: { params: idParams, response: { 200: buyerSchema } },
      handler: ({ actor, params }) => buyers.getBuyer(actor, params.id),
    }),
    defineRoute({
      method: 'GET',
      url: '/buyers/:id/claims',
      access: 'claim.read',
      summary: "A buyer's claim history in the workspace, newest first",
      tags: ['buyers'],
      schema: { params: idParams, response: { 200: z.object({ items: z.array(claimSchema) }) } },
      handler: async ({ actor, params }) => ({ items: await claims.buyerHistory(actor, params.id) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/buyers/:id/contact/reveal',
      access: 'claim.respond',
      summary: "Decrypt a buyer's contact data (audited)",
      description: 'Every reveal is written to the audit log with who asked.',
      tags: ['buyers'],
      schema: { params: idParams, response: { 200: buyerContactSchema } },
      handler: ({ actor, params }) => buyers.revealBuyerContact(actor, params.id),
    }),
  ];
}
