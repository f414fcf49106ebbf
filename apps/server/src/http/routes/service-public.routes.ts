import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import {
  availabilityQuery,
  availabilitySchema,
  customerOrderSchema,
  intakeBodySchema,
} from '../schemas/repair.schemas.js';

const slugParams = z.object({ slug: z.string().min(1).max(100) });
const tokenParams = z.object({ token: z.string().min(16).max(200) });

/** Bookings per minute per IP through the public form; status reads are looser. */
const BOOKINGS_PER_MINUTE = 10;
const READS_PER_MINUTE = 60;

/**
 * The repair customer's side, without an account: booking through the workspace's public form, the free slots to
 * book, and their order through the status link's token (masked data only). Rate-limited per IP.
 */
export function servicePublicRoutes(deps: AppDeps): ApiRoute[] {
  const { repairCustomers, dispatch } = deps.services;
  return [
    defineRoute({
      method: 'POST',
      url: '/public/workspaces/:slug/repair-orders',
      access: 'public',
      summary: 'Book a repair through the public web form',
      description:
        'Answers the status-link token (shown once) and the order as the customer sees it. Rate-limited per IP.',
      tags: ['repair customer'],
      status: 201,
      rateLimit: { max: BOOKINGS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: {
        params: slugParams,
        body: intakeBodySchema,
        response: { 201: z.object({ statusToken: z.string(), order: customerOrderSchema }) },
      },
      handler: async ({ params, body }) => {
        const booked = await repairCustomers.book(params.slug, body);
        return { statusToken: booked.statusToken, order: booked.view };
      },
    }),
    defineRoute({
      method: 'GET',
      url: '/public/workspaces/:slug/availability',
      access: 'public',
      summary: 'Free booking capacity per day and slot, for the public form',
      tags: ['repair customer'],
      rateLimit: { max: READS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: { params: slugParams, querystring: availabilityQuery, response: { 200: availabilitySchema } },
      handler: async ({ params, query }) =>
        dispatch.availabilityIn(await repairCustomers.workspaceIdOf(params.slug), query),
    }),
    defineRoute({
      method: 'GET',
      url: '/public/repair-orders/:token',
      access: 'public',
      summary: 'The customer’s order through their status link',
      tags: ['repair customer'],
      rateLimit: { max: READS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: { params: tokenParams, response: { 200: customerOrderSchema } },
      handler: ({ params }) => repairCustomers.status(params.token),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/repair-orders/:token/confirm',
      access: 'public',
      summary: 'Confirm the completed repair with a rating (closes the order)',
      tags: ['repair customer'],
      rateLimit: { max: BOOKINGS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: {
        params: tokenParams,
        body: z.object({ rating: z.int().min(1).max(5), comment: z.string().max(1000).optional() }),
        response: { 200: customerOrderSchema },
      },
      handler: ({ params, body }) => repairCustomers.confirm(params.token, body),
    }),
    defineRoute({
      method: 'POST',
      url: '/public/repair-orders/:token/cancel',
      access: 'public',
      summary: 'Cancel the order before the repair',
      tags: ['repair customer'],
      rateLimit: { max: BOOKINGS_PER_MINUTE, timeWindowMs: 60_000 },
      schema: {
        params: tokenParams,
        body: z.object({ reason: z.string().max(1000).optional() }).optional(),
        response: { 200: customerOrderSchema },
      },
      handler: ({ params, body }) => repairCustomers.cancel(params.token, body?.reason),
    }),
  ];
}
