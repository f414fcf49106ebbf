import {
  actorLabel,
  errors,
  requirePermission,
  resolvePolicy,
  type Actor,
  type Clock,
  type IdGenerator,
  type WorkspacePolicy,
} from '@proofdesk/domain';
import { z } from 'zod';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Db } from '../adapters/db/database.js';
import { isoAt } from '../adapters/system/system-clock.js';
import type { Page } from './service-deps.js';

/** A workspace policy as the API accepts it: every field, within sane ranges. */
export const workspacePolicySchema = z
  .object({
    autoApproveEnabled: z.boolean(),
    autoApproveMaxAmountFen: z.int().min(0).max(100_000_000),
    autoApproveMaxPriorClaims: z.int().min(0).max(1000),
    autoApproveBlockIfPriorRejection: z.boolean(),
    autoApproveMinCreditScore: z.int().min(0).max(100),
    merchantResponseHours: z
      .int()
      .min(1)
      .max(24 * 30),
    onMerchantTimeout: z.enum(['approve_if_clean', 'review']),
    appealWindowDays: z.int().min(0).max(365),
  })
  .strict() satisfies z.ZodType<WorkspacePolicy>;

export interface WorkspaceView {
  readonly id: string;
  readonly slug: string;
  readonly name: string;
  readonly policy: WorkspacePolicy;
  readonly createdAt: string;
}

/** One audit event as admins read it. */
export interface AuditEventView {
  readonly id: string;
  readonly seq: number;
  readonly at: string;
  readonly actor: string;
  readonly action: string;
  readonly subjectType: string;
  readonly subjectId: string;
  readonly data: unknown;
  readonly hash: string;
}

export interface WorkspaceServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly ids: IdGenerator;
}

export type WorkspaceService = ReturnType<typeof createWorkspaceService>;

/** Workspaces (tenants): creation at bootstrap, the claim policy, and the audit log as admins page through it. */
export function createWorkspaceService({ db, clock, ids }: WorkspaceServiceDeps) {
  async function load(workspaceId: string): Promise<WorkspaceView> {
    const row = await db.kysely.selectFrom('workspaces').selectAll().where('id', '=', workspaceId).executeTakeFirst();
    if (!row) throw errors.notFound('workspace', workspaceId);
    return {
      id: row.id,
      slug: row.slug,
      name: row.name,
      policy: resolvePolicy(JSON.parse(row.policy_json) as Partial<WorkspacePolicy>),
      createdAt: row.created_at,
    };
  }

  return {
    /**
     * Creates a workspace (bootstrap and seeding; no actor: nobody belongs to it yet).
     * @throws {DomainError} `conflict` when the slug is taken, `invalid_input` for a bad slug or name
     */
    async createWorkspace(input: {
      slug: string;
      name: string;
      policy?: Partial<WorkspacePolicy>;
    }): Promise<WorkspaceView> {
      if (!/^[a-z0-9][a-z0-9-]{1,62}$/.test(input.slug))
        throw errors.invalidInput('slug', {
          zh: '只能包含小写字母、数字和连字符，2–63 个字符',
          en: 'use 2–63 lowercase letters, digits and hyphens',
        });
      const name = input.name.trim();
      if (name.length === 0 || name.length > 200)
        throw errors.invalidInput('name', { zh: '长度须为 1–200 个字符', en: 'must be 1–200 characters' });
      const id = ids.next();
      const at = isoAt(clock.nowMs());
      const taken = await db.kysely
        .selectFrom('workspaces')
        .select('id')
        .where('slug', '=', input.slug)
        .executeTakeFirst();
      if (taken)
        throw errors.conflict({ zh: `工作区标识已被使用：${input.slug}`, en: `Workspace slug taken: ${input.slug}` });
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .insertInto('workspaces')
          .values({ id, slug: input.slug, name, policy_json: JSON.stringify(input.policy ?? {}), created_at: at })
          .execute();
        await appendAudit(trx, ids, {
          workspaceId: id,
          at,
          actor: 'system:bootstrap',
          action: 'workspace.created',
          subjectType: 'workspace',
          subjectId: id,
          data: { slug: input.slug, name },
        });
      });
      return load(id);
    },

    /** The actor's workspace. */
    async getWorkspace(actor: Actor): Promise<WorkspaceView> {
      requirePermission(actor, 'workspace.read');
      return load(actor.workspaceId);
    },

    /** The workspace's whole claim policy (defaults filled in). */
    async getPolicy(actor: Actor): Promise<WorkspacePolicy> {
      requirePermission(actor, 'workspace.read');
      return (await load(actor.workspaceId)).policy;
    },

    /**
     * Replaces the claim policy; the change and the old value go to the audit log.
     * @throws {DomainError} `invalid_input` naming the first bad field
     */
    async updatePolicy(actor: Actor, policy: WorkspacePolicy): Promise<WorkspacePolicy> {
      requirePermission(actor, 'workspace.admin');
      const parsed = workspacePolicySchema.safeParse(policy);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw errors.invalidInput(`policy.${issue?.path.join('.') ?? ''}`, {
          zh: '取值无效',
          en: issue?.message ?? 'invalid value',
        });
      }
      const before = (await load(actor.workspaceId)).policy;
      await db.kysely.transaction().execute(async (trx) => {
        await trx
          .updateTable('workspaces')
          .set({ policy_json: JSON.stringify(parsed.data) })
          .where('id', '=', actor.workspaceId)
          .execute();
        await appendAudit(trx, ids, {
          workspaceId: actor.workspaceId,
          at: isoAt(clock.nowMs()),
          actor: actorLabel(actor),
          action: 'workspace.policy_changed',
          subjectType: 'workspace',
          subjectId: actor.workspaceId,
          data: { before, after: parsed.data },
        });
      });
      return parsed.data;
    },

    /**
     * The workspace's audit log, newest first, `limit` (1–200) events a page; `cursor` is the last page's
     * `nextCursor` (a sequence number).
     */
    async listAuditEvents(actor: Actor, query: { cursor?: string; limit: number }): Promise<Page<AuditEventView>> {
      requirePermission(actor, 'audit.read');
      const limit = Math.min(Math.max(Math.trunc(query.limit), 1), 200);
      const before = query.cursor === undefined ? undefined : Number(query.cursor);
      if (before !== undefined && !Number.isSafeInteger(before))
        throw errors.invalidInput('cursor', { zh: '游标无效', en: 'not a cursor from this list' });
      let q = db.kysely
        .selectFrom('audit_events')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .orderBy('seq', 'desc')
        .limit(limit + 1);
      if (before !== undefined) q = q.where('seq', '<', before);
      const rows = await q.execute();
      const items = rows.slice(0, limit).map((row) => ({
        id: row.id,
        seq: Number(row.seq),
        at: row.at,
        actor: row.actor,
        action: row.action,
        subjectType: row.subject_type,
        subjectId: row.subject_id,
        data: JSON.parse(row.data_json) as unknown,
        hash: row.hash,
      }));
      const last = items.at(-1);
      return { items, nextCursor: rows.length > limit && last ? String(last.seq) : null };
    },
  };
}
