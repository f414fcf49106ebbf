import { actorLabel, errors, maskPhone, normalisePhone, requirePermission, type Actor } from '@proofdesk/domain';
import type { Kysely } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import {
  bumpNetworkVersion,
  toTechnician,
  type Technician,
  type TechnicianSkills,
} from '../adapters/db/network.repository.js';
import type { Database } from '../adapters/db/schema.js';
import {
  changedFields,
  checkVersion,
  requireCapacity,
  requireDate,
  requirePhone,
  requireRating,
  requireSkills,
  requireWorkspaceUser,
  updateAtVersion,
  type SkillsInput,
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

export type { Technician, TechnicianSkills };

/** Input of {@link TechnicianService.createTechnician}. */
export interface NewTechnician {
  readonly name: string;
  /** Sealed at rest, indexed blind, shown masked. */
  readonly phone: string;
  readonly homeOutletId: string;
  readonly skills: SkillsInput;
  /** The technician's console user (one technician per user). */
  readonly userId?: string | null;
  /** 0..5; a new technician starts at 5 unless told. */
  readonly rating?: number;
  readonly capacityOverride?: number | null;
  readonly active?: boolean;
}

/** Input of {@link TechnicianService.updateTechnician}: the fields to change, and the version the caller saw. */
export type TechnicianPatch = Partial<NewTechnician> & { readonly expectedVersion?: number };

/** Filters of {@link TechnicianService.listTechnicians}. */
export interface TechnicianQuery extends PageRequest {
  readonly homeOutletId?: string;
  readonly active?: boolean;
  /** Look-up by phone through the blind index (any notation). */
  readonly phone?: string;
}

/** A technician's own calendar: working days off, and days off (weekend, holiday) worked. */
export interface TechnicianCalendar {
  readonly technicianId: string;
  /** Sorted `YYYY-MM-DD`. */
  readonly off: readonly string[];
  readonly on: readonly string[];
}

export const MAX_CALENDAR_DATES = 1_000;

type Deps = Pick<ServiceDeps, 'db' | 'clock' | 'ids' | 'cipher' | 'pseudonymiser'>;

/**
 * Technicians: skills, home outlet, rating, capacity, their own calendar. Their phone is personal data like a
 * buyer's: sealed with the contact cipher, found through the phone blind index, masked in every answer, and shown in
 * full only through {@link TechnicianService.revealPhone}, which audits who looked. Every write bumps the network
 * version and is audited in its transaction; a technician is deactivated, never erased.
 */
export class TechnicianService {
  constructor(private readonly deps: Deps) {}

  /** @throws {DomainError} `forbidden` without `network.admin`; `invalid_input`; `conflict` for a user in use */
  async createTechnician(actor: Actor, input: NewTechnician): Promise<Technician> {
    requirePermission(actor, 'network.admin');
    const name = requireText('name', input.name, 100);
    const phone = requirePhone('phone', input.phone);
    const skills = requireSkills('skills', input.skills);
    const rating = requireRating('rating', input.rating ?? 5);
    const capacity = requireCapacity('capacityOverride', input.capacityOverride ?? null);
    const { db, ids, clock, cipher, pseudonymiser } = this.deps;
    const at = nowIso(clock);
    const id = ids.next();
    const sealed = cipher.seal(normalisePhone(phone));
    return db.kysely.transaction().execute(async (trx) => {
      await this.requireOutlet(trx, actor.workspaceId, input.homeOutletId);
      if (input.userId) await this.requireFreeUser(trx, actor.workspaceId, input.userId, id);
      const row = {
        id,
        workspace_id: actor.workspaceId,
        name,
        phone_index: pseudonymiser.phoneIndex(phone),
        phone_masked: maskPhone(phone),
        contact_key_id: sealed.keyId,
        phone_ciphertext: sealed.ciphertext,
        user_id: input.userId ?? null,
        home_outlet_id: input.homeOutletId,
        skills_json: JSON.stringify(skills),
        rating,
        capacity_override: capacity,
        active: input.active === false ? 0 : 1,
        version: 1,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('technicians').values(row).execute();
      const technician = toTechnician(row);
      await this.audit(trx, actor, at, 'technician.created', id, { ...technician });
      return technician;
    });
  }

  /** Technicians by id, one page at a time. @throws {DomainError} `forbidden`; `invalid_input` for a bad phone */
  async listTechnicians(actor: Actor, request: TechnicianQuery = {}): Promise<Page<Technician>> {
    requirePermission(actor, 'network.read');
    const size = pageSize(request.limit);
    let query = this.deps.db.kysely
      .selectFrom('technicians')
      .selectAll()
      .where('workspace_id', '=', actor.workspaceId)
      .orderBy('id')
      .limit(size + 1);
    if (request.cursor) query = query.where('id', '>', request.cursor);
    if (request.homeOutletId) query = query.where('home_outlet_id', '=', request.homeOutletId);
    if (request.active !== undefined) query = query.where('active', '=', request.active ? 1 : 0);
    if (request.phone !== undefined)
      query = query.where('phone_index', '=', this.deps.pseudonymiser.phoneIndex(requirePhone('phone', request.phone)));
    return toPage(await query.execute(), size, toTechnician);
  }

  /** @throws {DomainError} `not_found` (also another workspace's), `forbidden` */
  async getTechnician(actor: Actor, technicianId: string): Promise<Technician> {
    requirePermission(actor, 'network.read');
    return toTechnician(await this.requireRow(this.deps.db.kysely, actor.workspaceId, technicianId));
  }

  /**
   * Changes the given fields (a `userId` of null unlinks the console user).
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input`; `conflict` for a user in use or a stale
   *   `expectedVersion`
   */
  async updateTechnician(actor: Actor, technicianId: string, patch: TechnicianPatch): Promise<Technician> {
    requirePermission(actor, 'network.admin');
    const set: Partial<Database['technicians']> = {};
    if (patch.name !== undefined) set.name = requireText('name', patch.name, 100);
    if (patch.phone !== undefined) {
      const phone = requirePhone('phone', patch.phone);
      const sealed = this.deps.cipher.seal(normalisePhone(phone));
      Object.assign(set, {
        phone_index: this.deps.pseudonymiser.phoneIndex(phone),
        phone_masked: maskPhone(phone),
        contact_key_id: sealed.keyId,
        phone_ciphertext: sealed.ciphertext,
      });
    }
    if (patch.skills !== undefined) set.skills_json = JSON.stringify(requireSkills('skills', patch.skills));
    if (patch.rating !== undefined) set.rating = requireRating('rating', patch.rating);
    if (patch.capacityOverride !== undefined)
      set.capacity_override = requireCapacity('capacityOverride', patch.capacityOverride);
    if (patch.active !== undefined) set.active = patch.active ? 1 : 0;
    if (patch.homeOutletId !== undefined) set.home_outlet_id = patch.homeOutletId;
    if (patch.userId !== undefined) set.user_id = patch.userId;
    return this.change(actor, technicianId, patch.expectedVersion, set, 'technician.updated');
  }

  /** Takes a technician out of dispatch. @throws {DomainError} `forbidden`; `not_found` */
  async deactivateTechnician(actor: Actor, technicianId: string): Promise<Technician> {
    requirePermission(actor, 'network.admin');
    return this.change(actor, technicianId, undefined, { active: 0 }, 'technician.deactivated');
  }

  /** @throws {DomainError} `forbidden`; `not_found` */
  async getCalendar(actor: Actor, technicianId: string): Promise<TechnicianCalendar> {
    requirePermission(actor, 'network.read');
    const db = this.deps.db.kysely;
    await this.requireRow(db, actor.workspaceId, technicianId);
    return this.readCalendar(db, actor.workspaceId, technicianId);
  }

  /**
   * Replaces the technician's calendar exceptions: `off` = working days they do not work, `on` = days off they do.
   * @throws {DomainError} `forbidden`; `not_found`; `invalid_input` for a bad date, a date in both lists, or more
   *   than 1,000 dates
   */
  async setCalendar(
    actor: Actor,
    technicianId: string,
    input: { readonly off: readonly string[]; readonly on: readonly string[] },
  ): Promise<TechnicianCalendar> {
    requirePermission(actor, 'network.admin');
    const off = [...new Set(input.off.map((d, i) => requireDate(`off[${i}]`, d)))].sort();
    const on = [...new Set(input.on.map((d, i) => requireDate(`on[${i}]`, d)))].sort();
    if (off.length + on.length > MAX_CALENDAR_DATES)
      throw errors.invalidInput('calendar', {
        zh: `最多 ${MAX_CALENDAR_DATES} 个日期`,
        en: `at most ${MAX_CALENDAR_DATES} dates`,
      });
    const both = off.find((d) => on.includes(d));
    if (both)
      throw errors.invalidInput('calendar', {
        zh: `${both} 不能既休息又上班`,
        en: `${both} cannot be both off and on`,
      });
    const { db, clock } = this.deps;
    const at = nowIso(clock);
    return db.kysely.transaction().execute(async (trx) => {
      await this.requireRow(trx, actor.workspaceId, technicianId);
      await trx
        .deleteFrom('technician_calendar')
        .where('workspace_id', '=', actor.workspaceId)
        .where('technician_id', '=', technicianId)
        .execute();
      const rows = [
        ...off.map((date) => ({ date, kind: 'off' as const })),
        ...on.map((date) => ({ date, kind: 'on' as const })),
      ].map((r) => ({ ...r, workspace_id: actor.workspaceId, technician_id: technicianId }));
      for (let i = 0; i < rows.length; i += 1_000)
        await trx
          .insertInto('technician_calendar')
          .values(rows.slice(i, i + 1_000))
          .execute();
      await this.audit(trx, actor, at, 'technician.calendar_set', technicianId, { off, on });
      return { technicianId, off, on };
    });
  }

  /**
   * Decrypts a technician's phone for someone who must call them, and records who did in the same transaction.
   * @throws {DomainError} `forbidden` without `service.contact_reveal`; `not_found`
   */
  async revealPhone(actor: Actor, technicianId: string): Promise<{ phone: string }> {
    requirePermission(actor, 'service.contact_reveal');
    const { db, ids, clock, cipher } = this.deps;
    return db.kysely.transaction().execute(async (trx) => {
      const row = await this.requireRow(trx, actor.workspaceId, technicianId);
      await appendAudit(trx, ids, {
        workspaceId: actor.workspaceId,
        at: nowIso(clock),
        actor: actorLabel(actor),
        action: 'technician.phone_revealed',
        subjectType: 'technician',
        subjectId: technicianId,
        data: { keyId: row.contact_key_id },
      });
      return { phone: cipher.open(row.contact_key_id, row.phone_ciphertext) };
    });
  }

  private async change(
    actor: Actor,
    technicianId: string,
    expectedVersion: number | undefined,
    set: Partial<Database['technicians']>,
    action: string,
  ): Promise<Technician> {
    const { db, clock } = this.deps;
    const at = nowIso(clock);
    return db.kysely.transaction().execute(async (trx) => {
      const current = await this.requireRow(trx, actor.workspaceId, technicianId);
      checkVersion('technician', technicianId, expectedVersion, Number(current.version));
      if (set.home_outlet_id !== undefined && set.home_outlet_id !== current.home_outlet_id)
        await this.requireOutlet(trx, actor.workspaceId, set.home_outlet_id);
      if (set.user_id && set.user_id !== current.user_id)
        await this.requireFreeUser(trx, actor.workspaceId, set.user_id, technicianId);
      // The same number again seals to new bytes: it is no change.
      const unchanged =
        set.phone_index === current.phone_index ? new Set(['contact_key_id', 'phone_ciphertext']) : null;
      const changed = changedFields(current, set, unchanged);
      if (Object.keys(changed).length === 0) return toTechnician(current);
      const version = await updateAtVersion(
        trx,
        'technicians',
        { workspaceId: actor.workspaceId, id: technicianId, version: Number(current.version) },
        changed,
        at,
        { zh: '师傅资料已被他人修改，请刷新后重试', en: 'The technician changed meanwhile; reload and retry' },
      );
      const technician = toTechnician({ ...current, ...changed, version, updated_at: at });
      // The audit names the changed fields; a new phone appears only masked, never in the clear.
      await this.audit(trx, actor, at, action, technicianId, { changed: Object.keys(changed), technician });
      return technician;
    });
  }

  private async requireRow(db: Kysely<Database>, workspaceId: string, technicianId: string) {
    const row = await db
      .selectFrom('technicians')
      .selectAll()
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', technicianId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('technician', technicianId);
    return row;
  }

  private async requireOutlet(db: Kysely<Database>, workspaceId: string, outletId: string): Promise<void> {
    const found = await db
      .selectFrom('outlets')
      .select('id')
      .where('workspace_id', '=', workspaceId)
      .where('id', '=', outletId)
      .executeTakeFirst();
    if (!found)
      throw errors.invalidInput('homeOutletId', {
        zh: `工作区中没有此网点：${outletId}`,
        en: `no outlet ${outletId} in this workspace`,
      });
  }

  private async requireFreeUser(
    db: Kysely<Database>,
    workspaceId: string,
    userId: string,
    technicianId: string,
  ): Promise<void> {
    await requireWorkspaceUser(db, workspaceId, 'userId', userId);
    const taken = await db
      .selectFrom('technicians')
      .select('id')
      .where('user_id', '=', userId)
      .where('id', '!=', technicianId)
      .executeTakeFirst();
    if (taken)
      throw errors.conflict(
        { zh: '该用户已关联另一位师傅', en: 'This user is already linked to another technician' },
        { userId, technicianId: taken.id },
      );
  }

  private async readCalendar(
    db: Kysely<Database>,
    workspaceId: string,
    technicianId: string,
  ): Promise<TechnicianCalendar> {
    const rows = await db
      .selectFrom('technician_calendar')
      .select(['date', 'kind'])
      .where('workspace_id', '=', workspaceId)
      .where('technician_id', '=', technicianId)
      .orderBy('date')
      .execute();
    return {
      technicianId,
      off: rows.filter((r) => r.kind === 'off').map((r) => r.date),
      on: rows.filter((r) => r.kind === 'on').map((r) => r.date),
    };
  }

  private async audit(
    trx: Kysely<Database>,
    actor: Actor,
    at: string,
    action: string,
    technicianId: string,
    data: Record<string, unknown>,
  ): Promise<void> {
    await appendAudit(trx, this.deps.ids, {
      workspaceId: actor.workspaceId,
      at,
      actor: actorLabel(actor),
      action,
      subjectType: 'technician',
      subjectId: technicianId,
      data,
    });
    await bumpNetworkVersion(trx, actor.workspaceId);
  }
}
