import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { idParams, isoTime, roleSchema } from '../schemas/common.schemas.js';
import { MIN_PASSWORD_LENGTH } from '../../services/user.service.js';

export const userSchema = z
  .object({
    id: z.string(),
    workspaceId: z.string(),
    email: z.string(),
    displayName: z.string(),
    roles: z.array(roleSchema),
    locale: z.string(),
    createdAt: isoTime,
    disabledAt: isoTime.nullable(),
  })
  .meta({ id: 'User' });

const rolesBody = z.array(roleSchema).min(1).max(5);

/** Workspace admins manage console users. */
export function userRoutes(deps: AppDeps): ApiRoute[] {
  const { users } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/users',
      access: 'workspace.admin',
      summary: "List the workspace's users",
      tags: ['admin'],
      schema: { response: { 200: z.object({ items: z.array(userSchema) }) } },
      handler: async ({ actor }) => ({ items: await users.listUsers(actor) }),
    }),
    defineRoute({
      method: 'POST',
      url: '/users',
      access: 'workspace.admin',
      summary: 'Create a user',
      tags: ['admin'],
      status: 201,
      schema: {
        body: z.object({
          email: z.email().max(320),
          displayName: z.string().min(1).max(100),
          password: z.string().min(MIN_PASSWORD_LENGTH).max(1024),
          roles: rolesBody,
          locale: z.enum(['zh-CN', 'en']).optional(),
        }),
        response: { 201: userSchema },
      },
      handler: ({ actor, body }) => users.createUser(actor, body),
    }),
    defineRoute({
      method: 'PUT',
      url: '/users/:id/roles',
      access: 'workspace.admin',
      summary: "Replace a user's roles",
      description: 'Refused (409) when it would leave the workspace without an enabled admin.',
      tags: ['admin'],
      schema: { params: idParams, body: z.object({ roles: rolesBody }), response: { 200: userSchema } },
      handler: ({ actor, params, body }) => users.setRoles(actor, params.id, body.roles),
    }),
    defineRoute({
      method: 'POST',
      url: '/users/:id/disable',
      access: 'workspace.admin',
      summary: 'Disable a user and end their sessions',
      tags: ['admin'],
      schema: { params: idParams, response: { 200: userSchema } },
      handler: ({ actor, params }) => users.disableUser(actor, params.id),
    }),
  ];
}
