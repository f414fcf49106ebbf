import { z } from 'zod';
import type { AppDeps } from '../app-deps.js';
import { defineRoute, type ApiRoute } from '../route.js';
import { bilingualSchema, idParams, isoTime, pageOf, pageQuery } from '../schemas/common.schemas.js';
import { workspacePolicySchema } from '../../services/workspace.service.js';

const policySchema = workspacePolicySchema.meta({ id: 'WorkspacePolicy' });

const workspaceSchema = z
  .object({ id: z.string(), slug: z.string(), name: z.string(), policy: policySchema, createdAt: isoTime })
  .meta({ id: 'Workspace' });

const auditEventSchema = z
  .object({
    id: z.string(),
    seq: z.int(),
    at: isoTime,
    actor: z.string().describe('user:<id>, apikey:<id>, buyer:<claim id> or system:<component>'),
    action: z.string(),
    subjectType: z.string(),
    subjectId: z.string(),
    data: z.unknown(),
    hash: z.string(),
  })
  .meta({ id: 'AuditEvent' });

const chainSchema = z
  .object({
    ok: z.boolean(),
    checked: z.int(),
    firstBreak: z
      .object({
        id: z.string().nullable().describe('null when the break is a missing tail row'),
        seq: z.int(),
        reason: z.enum(['sequence_gap', 'prev_hash_mismatch', 'hash_mismatch', 'head_mismatch']),
        text: bilingualSchema,
      })
      .optional(),
  })
  .meta({ id: 'AuditChainVerification' });

const deadJobSchema = z
  .object({
    id: z.string(),
    kind: z.string(),
    attempts: z.int(),
    maxAttempts: z.int(),
    lastError: z.string().nullable(),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'DeadJob' });

/** The workspace, its claim policy, its audit log and its dead jobs. */
export function workspaceRoutes(deps: AppDeps): ApiRoute[] {
  const { workspaces, audit, jobs } = deps.services;
  return [
    defineRoute({
      method: 'GET',
      url: '/workspace',
      access: 'workspace.read',
      summary: "The caller's workspace",
      tags: ['workspace'],
      schema: { response: { 200: workspaceSchema } },
      handler: ({ actor }) => workspaces.getWorkspace(actor),
    }),
    defineRoute({
      method: 'GET',
      url: '/workspace/policy',
      access: 'workspace.read',
      summary: 'The claim policy',
      tags: ['workspace'],
      schema: { response: { 200: policySchema } },
      handler: ({ actor }) => workspaces.getPolicy(actor),
    }),
    defineRoute({
      method: 'PUT',
      url: '/workspace/policy',
      access: 'workspace.admin',
      summary: 'Replace the claim policy',
      tags: ['workspace'],
      schema: { body: policySchema, response: { 200: policySchema } },
      handler: ({ actor, body }) => workspaces.updatePolicy(actor, body),
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/events',
      access: 'audit.read',
      summary: 'The audit log, newest first',
      tags: ['audit'],
      schema: { querystring: pageQuery, response: { 200: pageOf(auditEventSchema) } },
      handler: ({ actor, query }) =>
        workspaces.listAuditEvents(actor, { limit: query.limit, ...(query.cursor ? { cursor: query.cursor } : {}) }),
    }),
    defineRoute({
      method: 'GET',
      url: '/audit/verify',
      access: 'audit.read',
      summary: "Verify the workspace's audit hash chain",
      description: 'Names the first broken row when the chain does not verify.',
      tags: ['audit'],
      schema: { response: { 200: chainSchema } },
      handler: ({ actor }) => audit.verifyWorkspaceChain(actor.workspaceId),
    }),
    defineRoute({
      method: 'GET',
      url: '/jobs/dead',
      access: 'jobs.admin',
      summary: "The workspace's dead jobs, most recent first",
      tags: ['jobs'],
      schema: {
        querystring: z.object({ limit: z.coerce.number().int().min(1).max(500).default(100) }),
        response: { 200: z.object({ items: z.array(deadJobSchema) }) },
      },
      handler: async ({ actor, query }) => ({ items: [...(await jobs.listDead(actor.workspaceId, query.limit))] }),
    }),
    defineRoute({
      method: 'POST',
      url: '/jobs/:id/requeue',
      access: 'jobs.admin',
      summary: 'Queue a dead job again',
      tags: ['jobs'],
      schema: { params: idParams, response: { 200: z.object({ id: z.string(), status: z.literal('queued') }) } },
      handler: async ({ actor, params }) => {
        await jobs.requeue(params.id, actor.workspaceId);
        return { id: params.id, status: 'queued' as const };
      },
    }),
  ];
}
