import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { areaDetailSchema, areaResolutionSchema, divisionCode } from '../schemas/network.schemas.js';

/** China's administrative divisions: resolve free-form place names, read a division with its parents and children. */
export function areaRoutes(deps: AppDeps): ApiRoute[] {
  const { areas } = deps.services;
  return [
    defineRoute({
      method: 'POST',
      url: '/areas/resolve',
      access: 'network.read',
      summary: 'Resolve place names to division codes',
      description:
        'Each name as brands and customers write it (`凉山甘洛县`, `东莞市万江街道`) → resolved (code and official full ' +
        'name), ambiguous (candidates, never a guess) or unresolved (why). At most 1,000 names a call.',
      tags: ['network'],
      schema: {
        body: z.object({ names: z.array(z.string().max(200)).min(1).max(1_000) }),
        response: { 200: z.object({ results: z.array(areaResolutionSchema) }) },
      },
      handler: ({ actor, body }) => Promise.resolve({ results: areas.resolveNames(actor, body.names) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/areas/:code',
      access: 'network.read',
      summary: 'A division with its ancestors and children',
      description: 'Shared reference data (the same for every workspace). 404 for a code that names no division.',
      tags: ['network'],
      schema: { params: z.object({ code: divisionCode }), response: { 200: areaDetailSchema } },
      handler: ({ actor, params }) => Promise.resolve(areas.getArea(actor, params.code)),
    }),
  ];
}
