import {
  actorLabel,
  errors,
  isRole,
  requirePermission,
  type Actor,
  type Clock,
  type IdGenerator,
  type Role,
} from '@proofdesk/domain';
import type { Kysely, Selectable } from 'kysely';
import { appendAudit } from '../adapters/db/audit.repository.js';
import type { Db } from '../adapters/db/database.js';
import type { Database, UsersTable } from '../adapters/db/schema.js';
import type { PasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import { isoAt } from '../adapters/system/system-clock.js';

/** A user as the API shows it: never the password hash. */
export interface UserView {
  readonly id: string;
  readonly workspaceId: string;
  readonly email: string;
  readonly displayName: string;
  readonly roles: readonly Role[];
  readonly locale: string;
  readonly createdAt: string;
  readonly disabledAt: string | null;
}

export interface NewUser {
  readonly email: string;
  readonly displayName: string;
  readonly password: string;
  readonly roles: readonly Role[];
  /** Default zh-CN. */
  readonly locale?: string;
}

/** Shortest password accepted, in characters. */
export const MIN_PASSWORD_LENGTH = 10;

export interface UserServiceDeps {
  readonly db: Db;
  readonly clock: Clock;
  readonly ids: IdGenerator;
  readonly hasher: PasswordHasher;
}

export type UserService = ReturnType<typeof createUserService>;

/** Parses stored roles, dropping any the code no longer knows. */
export function parseRoles(json: string): Role[] {
  const value = JSON.parse(json) as unknown;
  return Array.isArray(value) ? value.filter((r): r is Role => typeof r === 'string' && isRole(r)) : [];
}

export function toUserView(row: Selectable<UsersTable>): UserView {
  return {
    id: row.id,
    workspaceId: row.workspace_id,
    email: row.email,
    displayName: row.display_name,
    roles: parseRoles(row.roles_json),
    locale: row.locale,
    createdAt: row.created_at,
    disabledAt: row.disabled_at,
  };
}

/** Lowercased, trimmed: one account per address whatever the case. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** Whether `email` reads as an address (something@something, no spaces) once normalised. */
export function isEmailAddress(email: string): boolean {
  return /^[^\s@]+@[^\s@]+$/.test(normaliseEmail(email));
}

function uniqueRoles(roles: readonly Role[]): Role[] {
  if (roles.length === 0) throw errors.invalidInput('roles', { zh: '至少需要一个角色', en: 'at least one role' });
  return [...new Set(roles)];
}

/** Console users of a workspace: admins create them, change their roles and disable them. */
export function createUserService({ db, clock, ids, hasher }: UserServiceDeps) {
  async function loadInWorkspace(trx: Kysely<Database>, actor: Actor, userId: string) {
    const row = await trx
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .where('workspace_id', '=', actor.workspaceId)
      .executeTakeFirst();
    if (!row) throw errors.notFound('user', userId);
    return row;
  }

  /** Refuses a change that would leave the workspace without an enabled admin. */
  async function keepAnAdmin(trx: Kysely<Database>, workspaceId: string, exceptUserId: string): Promise<void> {
    const others = await trx
      .selectFrom('users')
      .select('roles_json')
      .where('workspace_id', '=', workspaceId)
      .where('id', '!=', exceptUserId)
      .where('disabled_at', 'is', null)
      .execute();
    if (!others.some((u) => parseRoles(u.roles_json).includes('admin')))
      throw errors.conflict({
        zh: '工作区至少需要保留一名启用的管理员',
        en: 'The workspace must keep at least one enabled admin',
      });
  }

  async function audit(trx: Kysely<Database>, actor: Actor, action: string, userId: string, data: object) {
    await appendAudit(trx, ids, {
      workspaceId: actor.workspaceId,
      at: isoAt(clock.nowMs()),
      actor: actorLabel(actor),
      action,
      subjectType: 'user',
      subjectId: userId,
      data: { ...data },
    });
  }

  return {
    /**
     * Creates a user in the actor's workspace (the system actor creates the first admin).
     * @throws {DomainError} `conflict` when the email is taken, `invalid_input` for a short password or no roles
     */
    async createUser(actor: Actor, input: NewUser): Promise<UserView> {
      requirePermission(actor, 'workspace.admin');
      const email = normaliseEmail(input.email);
      if (!isEmailAddress(email))
        throw errors.invalidInput('email', { zh: '邮箱格式不正确', en: 'not an email address' });
      if ([...input.password].length < MIN_PASSWORD_LENGTH)
        throw errors.invalidInput('password', {
          zh: `至少 ${MIN_PASSWORD_LENGTH} 个字符`,
          en: `at least ${MIN_PASSWORD_LENGTH} characters`,
        });
      const roles = uniqueRoles(input.roles);
      const passwordHash = await hasher.hash(input.password);
      const id = ids.next();
      const at = isoAt(clock.nowMs());
      return db.kysely.transaction().execute(async (trx) => {
        const taken = await trx.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
        if (taken) throw errors.conflict({ zh: `邮箱已被使用：${email}`, en: `Email already in use: ${email}` });
        const row = {
          id,
          workspace_id: actor.workspaceId,
          email,
          display_name: input.displayName.trim() || email,
          password_hash: passwordHash,
          roles_json: JSON.stringify(roles),
          locale: input.locale ?? 'zh-CN',
          created_at: at,
          disabled_at: null,
        };
        await trx.insertInto('users').values(row).execute();
        await audit(trx, actor, 'user.created', id, { email, roles });
        return toUserView(row);
      });
    },

    /** Every user of the actor's workspace, oldest first. */
    async listUsers(actor: Actor): Promise<UserView[]> {
      requirePermission(actor, 'workspace.admin');
      const rows = await db.kysely
        .selectFrom('users')
        .selectAll()
        .where('workspace_id', '=', actor.workspaceId)
        .orderBy('id')
        .execute();
      return rows.map(toUserView);
    },

    /**
     * Replaces a user's roles.
     * @throws {DomainError} `not_found` outside the workspace, `conflict` when it would remove the last admin
     */
    async setRoles(actor: Actor, userId: string, roles: readonly Role[]): Promise<UserView> {
      requirePermission(actor, 'workspace.admin');
      const next = uniqueRoles(roles);
      return db.kysely.transaction().execute(async (trx) => {
        const row = await loadInWorkspace(trx, actor, userId);
        if (!next.includes('admin')) await keepAnAdmin(trx, actor.workspaceId, userId);
        await trx
          .updateTable('users')
          .set({ roles_json: JSON.stringify(next) })
          .where('id', '=', userId)
          .execute();
        await audit(trx, actor, 'user.roles_changed', userId, { before: parseRoles(row.roles_json), after: next });
        return toUserView({ ...row, roles_json: JSON.stringify(next) });
      });
    },

    /**
     * Disables a user and ends their sessions. Idempotent.
     * @throws {DomainError} `not_found` outside the workspace, `conflict` when it is the last admin
     */
    async disableUser(actor: Actor, userId: string): Promise<UserView> {
      requirePermission(actor, 'workspace.admin');
      return db.kysely.transaction().execute(async (trx) => {
        const row = await loadInWorkspace(trx, actor, userId);
        if (row.disabled_at) return toUserView(row);
        await keepAnAdmin(trx, actor.workspaceId, userId);
        const at = isoAt(clock.nowMs());
        await trx.updateTable('users').set({ disabled_at: at }).where('id', '=', userId).execute();
        await trx.deleteFrom('sessions').where('user_id', '=', userId).execute();
        await audit(trx, actor, 'user.disabled', userId, {});
        return toUserView({ ...row, disabled_at: at });
      });
    },
  };
}
