import {
  actorLabel,
  errors,
  requirePermission,
  validatePlanTerms,
  type Actor,
  type PlanTerms,
} from '@proofdesk/domain';
import type { Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { CarePlansTable } from '../adapters/db/schema-plans.js';
import { checkVersion } from './network-input.js';
import { nowIso, requireText, type ServiceDeps } from './service-deps.js';

/** A care plan as the API shows it. */
export interface CarePlan {
  readonly id: string;
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly terms: PlanTerms;
  readonly active: boolean;
  readonly version: number;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface NewCarePlan {
  readonly code: string;
  readonly name: { readonly zh: string; readonly en: string };
  readonly terms: PlanTerms;
}

export interface CarePlanPatch {
  readonly name?: { readonly zh: string; readonly en: string };
  /** New terms bind only sales made from now on (each sale keeps the terms it was sold on). */
  readonly terms?: PlanTerms;
  readonly active?: boolean;
  readonly expectedVersion?: number;
}

export function toCarePlan(row: Selectable<CarePlansTable>): CarePlan {
  return {
    id: row.id,
    code: row.code,
    name: { zh: row.name_zh, en: row.name_en },
    terms: JSON.parse(row.terms_json) as PlanTerms,
    active: Number(row.active) === 1,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function checkName(name: { zh: string; en: string } | undefined): { zh: string; en: string } {
  return { zh: requireText('name.zh', name?.zh, 100), en: requireText('name.en', name?.en, 100) };
}

/**
 * The care plans a brand sells (extended warranty, accidental damage, after-sales insurance): list and read
 * (`network.read`), create, change and withdraw (`network.admin`), each write audited.
 */
export class PlanService {
  constructor(private readonly deps: Pick<ServiceDeps, 'db' | 'clock' | 'ids'>) {}

  /** Plans, active first then by code. @throws {DomainError} `forbidden` */
  async listPlans(actor: Actor, query: { readonly includeInactive?: boolean } = {}): Promise<CarePlan[]> {
    requirePermission(actor, 'network.read');
    let q = this.deps.db.kysely.selectFrom('care_plans').selectAll().where('workspace_id', '=', actor.workspaceId);
    if (!query.includeInactive) q = q.where('active', '=', 1);
    const rows = await q.orderBy('active', 'desc').orderBy('code').execute();
    return rows.map(toCarePlan);
  }

  /** @throws {DomainError} `forbidden`; `not_found` (another workspace's plan too) */
  async getPlan(actor: Actor, id: string): Promise<CarePlan> {
    requirePermission(actor, 'network.read');
    return toCarePlan(await this.row(actor.workspaceId, id));
  }

  /**
   * Creates a plan, audited `care_plan.created`.
   * @throws {DomainError} `forbidden` without `network.admin`; `invalid_input`; `conflict` for a code in use
   */
  async createPlan(actor: Actor, input: NewCarePlan): Promise<CarePlan> {
    requirePermission(actor, 'network.admin');
    const code = requireText('code', input.code, 40);
    const name = checkName(input.name);
    const terms = validatePlanTerms(input.terms);
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    const id = ids.next();
    return db.kysely.transaction().execute(async (trx) => {
      const taken = await trx
        .selectFrom('care_plans')
        .select('id')
        .where('workspace_id', '=', actor.workspaceId)
        .where('code', '=', code)
        .executeTakeFirst();
      if (taken)
        throw errors.conflict(
          { zh: `保障计划代码「${code}」已被使用`, en: `The plan code "${code}" is taken` },
          { code, planId: taken.id },
        );
      const row = {
        id,
        workspace_id: actor.workspaceId,
        code,
        name_zh: name.zh,
        name_en: name.en,
        terms_json: JSON.stringify(terms),
        active: 1,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('care_plans').values(row).execute();
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'care_plan.created',
        subjectType: 'care_plan',
        subjectId: id,
        data: { code, name, terms },
      });
      return toCarePlan(row);
    });
  }

  /**
   * Changes a plan's name, terms or whether it is sold; audited `care_plan.updated`.
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input`; `conflict` on a stale `expectedVersion`
   */
  async updatePlan(actor: Actor, id: string, patch: CarePlanPatch): Promise<CarePlan> {
    requirePermission(actor, 'network.admin');
    const name = patch.name === undefined ? undefined : checkName(patch.name);
    const terms = patch.terms === undefined ? undefined : validatePlanTerms(patch.terms);
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    return db.kysely.transaction().execute(async (trx) => {
      const current = await this.row(actor.workspaceId, id, trx);
      checkVersion('care plan', id, patch.expectedVersion, Number(current.version));
      const next = {
        ...current,
        ...(name ? { name_zh: name.zh, name_en: name.en } : {}),
        ...(terms ? { terms_json: JSON.stringify(terms) } : {}),
        ...(patch.active === undefined ? {} : { active: patch.active ? 1 : 0 }),
        version: Number(current.version) + 1,
        updated_at: at,
      };
      const result = await trx
        .updateTable('care_plans')
        .set({
          name_zh: next.name_zh,
          name_en: next.name_en,
          terms_json: next.terms_json,
          active: next.active,
          version: next.version,
          updated_at: at,
        })
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', id)
        .where('version', '=', Number(current.version))
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1)
        throw errors.conflict({ zh: '保障计划已被他人修改，请刷新后重试', en: 'The plan changed meanwhile; reload' });
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at,
        actor: actorLabel(actor),
        action: 'care_plan.updated',
        subjectType: 'care_plan',
        subjectId: id,
        data: {
          ...(name ? { name } : {}),
          ...(terms ? { terms } : {}),
          ...(patch.active === undefined ? {} : { active: patch.active }),
        },
      });
      return toCarePlan(next);
    });
  }

  private async row(workspaceId: string, id: string, db = this.deps.db.kysely): Promise<Selectable<CarePlansTable>> {
    const row = await db
      .selectFrom('care_plans')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw errors.notFound('care plan', id);
    return row;
  }
}
