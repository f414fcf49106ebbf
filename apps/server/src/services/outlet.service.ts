import { actorLabel, errors, requirePermission, type Actor } from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import { bumpNetworkVersion, toOutlet, type Outlet } from '../adapters/db/network.repository.js';
import type { Database } from '../adapters/db/schema.js';
import {
  changedFields,
  checkVersion,
  requireDivision,
  requirePhones,
  requireWorkspaceUser,
  updateAtVersion,
} from './network-input.js';
import {
  nowIso,
  pageSize,
  requireText,
  toPage,
  type Page,
  type PageRequest,
  type ServiceDeps,
} from './service-deps.js';

export type { Outlet };

/** Input of {@link OutletService.createOutlet}. */
export interface NewOutlet {
  /** Unique in the workspace. */
  readonly name: string;
  readonly address: string;
  /** Division code of where the outlet is. */
  readonly areaCode: string;
  readonly phones?: readonly string[];
  readonly managerUserId?: string | null;
  readonly active?: boolean;
}

/** Input of {@link OutletService.updateOutlet}: the fields to change, and the version the caller saw. */
export interface OutletPatch {
  readonly name?: string;
  readonly address?: string;
  readonly areaCode?: string;
  readonly phones?: readonly string[];
  readonly managerUserId?: string | null;
  readonly active?: boolean;
  readonly expectedVersion?: number;
}

/** Filters of {@link OutletService.listOutlets}. */
export interface OutletQuery extends PageRequest {
  readonly active?: boolean;
  /** Outlets whose own area code starts with this (e.g. `4419` for 东莞). */
  readonly areaPrefix?: string;
}

type Deps = Pick<ServiceDeps, 'db' | 'clock' | 'ids'>;

/**
 * Outlets (网点): where they are, their official numbers and manager. Every write bumps the workspace's network
 * version and is audited in its transaction. An outlet is never erased (repair orders and the audit trail name it):
 * removing one deactivates it, which takes it and its coverage out of dispatch.
 */
export class OutletService {
  constructor(private readonly deps: Deps) {}

  /** @throws {DomainError} `forbidden` without `network.admin`; `invalid_input`; `conflict` for a name in use */
  async createOutlet(actor: Actor, input: NewOutlet): Promise<Outlet> {
    requirePermission(actor, 'network.admin');
    const name = requireText('name', input.name, 200);
    const address = requireText('address', input.address, 500);
    const areaCode = requireDivision('areaCode', input.areaCode).code;
    const phones = requirePhones('phones', input.phones ?? []);
    const { db, ids, clock } = this.deps;
    const at = nowIso(clock);
    const id = ids.next();
    return db.kysely.transaction().execute(async (trx) => {
      if (input.managerUserId) await requireWorkspaceUser(trx, actor.workspaceId, 'managerUserId', input.managerUserId);
      await this.requireFreeName(trx, actor.workspaceId, name);
      const row = {
        id,
        workspace_id: actor.workspaceId,
        name,
        address,
        area_code: areaCode,
        phones_json: JSON.stringify(phones),
        manager_user_id: input.managerUserId ?? null,
        active: input.active === false ? 0 : 1,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('outlets').values(row).execute();
      const outlet = toOutlet(row);
      await this.audit(trx, actor, at, 'outlet.created', id, { ...outlet });
      return outlet;
    });
  }

  /** Outlets by id (creation order), one page at a time. @throws {DomainError} `forbidden`, `invalid_input` */
  async listOutlets(actor: Actor, request: OutletQuery = {}): Promise<Page<Outlet>> {
    requirePermission(actor, 'network.read');
    const size = pageSize(request.limit);
    if (request.areaPrefix !== undefined && !/^\d{1,9}$/.test(request.areaPrefix))
      throw errors.invalidInput('areaPrefix', { zh: '须为 1 到 9 位数字', en: 'must be 1 to 9 digits' });
    let query = this.deps.db.kysely
      .selectFrom('outlets')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id')
      .limit(size + 1);
    if (request.cursor) query = query.where('id', '>', request.cursor);
    if (request.active !== undefined) query = query.where('active', '=', request.active ? 1 : 0);
    if (request.areaPrefix) query = query.where('area_code', 'like', `${request.areaPrefix}%`);
    return toPage(await query.execute(), size, toOutlet);
  }

  /** @throws {DomainError} `not_found` (also another workspace's outlet), `forbidden` */
  async getOutlet(actor: Actor, outletId: string): Promise<Outlet> {
    requirePermission(actor, 'network.read');
    const row = await this.deps.db.kysely
      .selectFrom('outlets')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .where('id', '=', outletId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('outlet', outletId);
    return toOutlet(row);
  }

  /**
   * Changes the given fields (a `managerUserId` of null removes the manager).
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input`; `conflict` for a name in use or when
   *   `expectedVersion` is not the outlet's version
   */
  async updateOutlet(actor: Actor, outletId: string, patch: OutletPatch): Promise<Outlet> {
    requirePermission(actor, 'network.admin');
    const set: Partial<Database['outlets']> = {};
    if (patch.name !== undefined) set.name = requireText('name', patch.name, 200);
    if (patch.address !== undefined) set.address = requireText('address', patch.address, 500);
    if (patch.areaCode !== undefined) set.area_code = requireDivision('areaCode', patch.areaCode).code;
    if (patch.phones !== undefined) set.phones_json = JSON.stringify(requirePhones('phones', patch.phones));
    if (patch.managerUserId !== undefined) set.manager_user_id = patch.managerUserId;
    if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
    return this.change(actor, outletId, patch.expectedVersion, set, 'outlet.updated');
  }

  /**
   * Deactivates an outlet: it leaves dispatch with its coverage (kept, so reactivating restores it).
   * @throws {DomainError} `forbidden`; `not_found`
   */
  async deactivateOutlet(actor: Actor, outletId: string): Promise<Outlet> {
    requirePermission(actor, 'network.admin');
    return this.change(actor, outletId, undefined, { active: 0 }, 'outlet.deactivated');
  }

  private async change(
    actor: Actor,
    outletId: string,
    expectedVersion: number | undefined,
    set: Partial<Database['outlets']>,
    action: string,
  ): Promise<Outlet> {
    const { db, clock } = this.deps;
    const at = nowIso(clock);
    return db.kysely.transaction().execute(async (trx) => {
      const current = await trx
        .selectFrom('outlets')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .where('id', '=', outletId)
        .executeTakeFirst();
      if (!current) throw errors.notFound('outlet', outletId);
      checkVersion('outlet', outletId, expectedVersion, Number(current.version));
      if (set.manager_user_id) await requireWorkspaceUser(trx, actor.workspaceId, 'managerUserId', set.manager_user_id);
      if (set.name !== undefined && set.name !== current.name)
        await this.requireFreeName(trx, actor.workspaceId, set.name);
      const changed = changedFields(current, set);
      if (Object.keys(changed).length === 0) return toOutlet(current);
      const version = await updateAtVersion(
        trx,
        'outlets',
        { workspaceId: actor.workspaceId, id: outletId, version: Number(current.version) },
        changed,
        at,
        { zh: '网点已被他人修改，请刷新后重试', en: 'The outlet changed meanwhile; reload and retry' },
      );
      const outlet = toOutlet({ ...current, ...changed, version, updated_at: at });
      await this.audit(trx, actor, at, action, outletId, { changed: Object.keys(changed), outlet });
      return outlet;
    });
  }

  private async requireFreeName(trx: Kysely<Database>, workspaceId: string, name: string): Promise<void> {
    const existing = await trx
      .selectFrom('outlets')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('name', '=', name)
      .executeTakeFirst();
    if (existing)
      throw errors.conflict(
        { zh: `网点「${name}」已存在`, en: `An outlet named ${name} exists` },
        { name, outletId: existing.id },
      );
  }

  private async audit(
    trx: Kysely<Database>,
    actor: Actor,
    at: string,
    action: string,
    outletId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await appendAudit(trx, this.deps.ids, {
      workspaceId: actor.workspaceId,
      at,
      actor: actorLabel(actor),
      action,
      subjectType: 'outlet',
      subjectId: outletId,
      data,
    });
    await bumpNetworkVersion(trx, actor.workspaceId);
  }
}
