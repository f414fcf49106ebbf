import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { idParams, isoTime, roleSchema } from '../schemas/common.schemas.js';

const apiKeySchema = z
  .object({
    id: z.string(),
    name: z.string(),
    prefix: z.string().describe('The first characters of the key, to tell keys apart'),
    roles: z.array(roleSchema),
    createdBy: z.string(),
    createdAt: isoTime,
    revokedAt: isoTime.nullable(),
    lastUsedAt: isoTime.nullable(),
  })
  .meta({ id: 'ApiKey' });

/** Workspace admins manage API keys for platform integrations. */
export function apiKeyRoutes(deps: AppDeps): ApiRoute[] {
  const { apiKeys } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/api-keys',
      access: 'workspace.admin',
      summary: "List the workspace's API keys",
      tags: ['admin'],
      schema: { response: { 200: z.object({ items: z.array(apiKeySchema) }) } },
      handler: async ({ actor }) => ({ items: await apiKeys.listApiKeys(actor) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/api-keys',
      access: 'workspace.admin',
      summary: 'Create an API key (the key is shown once)',
      description: 'Use it as `Authorization: Bearer pdk_…`. Only its SHA-256 is stored.',
      tags: ['admin'],
      status: 201,
      schema: {
        body: z.object({ name: z.string().min(1).max(100), roles: z.array(roleSchema).min(1).max(5) }),
        response: { 201: z.object({ key: z.string(), apiKey: apiKeySchema }) },
      },
      handler: ({ actor, body }) => apiKeys.createApiKey(actor, body),
    }),
    defineRoute({
      method: 'DELETE',
      url: '/api-keys/:id',
      access: 'workspace.admin',
      summary: 'Revoke an API key',
      tags: ['admin'],
      schema: { params: idParams, response: { 200: apiKeySchema } },
      handler: ({ actor, params }) => apiKeys.revokeApiKey(actor, params.id),
    }),
  ];
}
