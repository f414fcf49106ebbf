import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DomainError, type Actor } from '@proofdesk/domain';
import { ScryptPasswordHasher } from '../adapters/crypto/scrypt.password-hasher.js';
import { ManualClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../testing/databases.js';
import { createApiKeyService } from './api-key.service.js';
import { createAuthService } from './auth.service.js';
import { createUserService } from './user.service.js';
import { createWorkspaceService } from './workspace.service.js';

async function code(promise: Promise<unknown> | (() => unknown)): Promise<string> {
  try {
    await (typeof promise === 'function' ? promise() : promise);
    return 'resolved';
  } catch (error) {
    return error instanceof DomainError ? error.code : String(error);
  }
}

for (const dialect of TEST_DIALECTS) {
  describe(`auth, users, API keys and workspaces on ${dialect}`, () => {
    let t: TestDatabase;
    const clock = new ManualClock();
    const ids = new Uuid7IdGenerator(clock);
    const hasher = new ScryptPasswordHasher({ N: 1024, r: 8, p: 1 });
    let services: ReturnType<typeof make>;
    const make = (test: TestDatabase) => {
      const deps = { db: test.db, clock, ids };
      return {
        workspaces: createWorkspaceService(deps),
        users: createUserService({ ...deps, hasher }),
        apiKeys: createApiKeyService(deps),
        auth: createAuthService({ ...deps, hasher, buyerLinkKey: Buffer.alloc(32, 1), sessionTtlMs: 3_600_000 }),
      };
    };
    let system: Actor;
    let admin: Actor;
    let otherAdmin: Actor;

    before(async () => {
      t = await createTestDatabase(dialect);
      services = make(t);
      const ws = await services.workspaces.createWorkspace({ slug: 'acme', name: '极客锁业' });
      const other = await services.workspaces.createWorkspace({ slug: 'other', name: 'Other' });
      system = { kind: 'system', component: 'test', workspaceId: ws.id };
      const a = await services.users.createUser(system, {
        email: 'Admin@Example.com',
        displayName: '管理员',
        password: 'admin-password-1',
        roles: ['admin'],
      });
      admin = { kind: 'user', userId: a.id, workspaceId: ws.id, roles: ['admin'] };
      const b = await services.users.createUser(
        { kind: 'system', component: 'test', workspaceId: other.id },
        { email: 'b@example.com', displayName: 'B', password: 'other-password-1', roles: ['admin'] },
      );
      otherAdmin = { kind: 'user', userId: b.id, workspaceId: other.id, roles: ['admin'] };
    });
    after(() => t.dispose());

    it('signs in with any case of the email, resolves the session until it expires, and signs out', async () => {
      const session = await services.auth.signIn('admin@example.COM', 'admin-password-1');
      const principal = await services.auth.authenticateSession(session.token);
      assert.equal(principal.user.email, 'admin@example.com');
      assert.equal(principal.csrfToken, session.csrfToken);
      assert.deepEqual(principal.actor.roles, ['admin']);
      const stored = await t.db.kysely.selectFrom('sessions').select('token_hash').execute();
      assert.ok(
        stored.every((s) => s.token_hash !== session.token),
        'the token is stored hashed',
      );
      clock.advance(3_600_000);
      assert.equal(await code(services.auth.authenticateSession(session.token)), 'unauthenticated');
      const again = await services.auth.signIn('admin@example.com', 'admin-password-1');
      await services.auth.signOut(again.token);
      assert.equal(await code(services.auth.authenticateSession(again.token)), 'unauthenticated');
    });

    it('refuses a wrong password, an unknown email and a disabled user alike', async () => {
      assert.equal(await code(services.auth.signIn('admin@example.com', 'wrong-password')), 'unauthenticated');
      assert.equal(await code(services.auth.signIn('nobody@example.com', 'admin-password-1')), 'unauthenticated');
      const agent = await services.users.createUser(admin, {
        email: 'agent@example.com',
        displayName: '客服',
        password: 'agent-password-1',
        roles: ['agent'],
      });
      const session = await services.auth.signIn('agent@example.com', 'agent-password-1');
      await services.users.disableUser(admin, agent.id);
      assert.equal(await code(services.auth.authenticateSession(session.token)), 'unauthenticated');
      assert.equal(await code(services.auth.signIn('agent@example.com', 'agent-password-1')), 'unauthenticated');
    });

    it('keeps users to their workspace and never removes the last admin', async () => {
      const adminId = admin.kind === 'user' ? admin.userId : '';
      assert.equal(await code(services.users.setRoles(otherAdmin, adminId, ['agent'])), 'not_found');
      assert.equal(await code(services.users.disableUser(otherAdmin, adminId)), 'not_found');
      assert.equal(await code(services.users.setRoles(admin, adminId, ['agent'])), 'conflict');
      assert.equal(await code(services.users.disableUser(admin, adminId)), 'conflict');
      assert.ok((await services.users.listUsers(otherAdmin)).every((u) => u.workspaceId === otherAdmin.workspaceId));
      const agentActor: Actor = { kind: 'user', userId: 'x', workspaceId: admin.workspaceId, roles: ['agent'] };
      assert.equal(await code(services.users.listUsers(agentActor)), 'forbidden');
      const dup = {
        email: 'ADMIN@example.com',
        displayName: 'x',
        password: 'long-enough-1',
        roles: ['agent'] as const,
      };
      assert.equal(await code(services.users.createUser(admin, dup)), 'conflict');
      const short = { ...dup, email: 'new@example.com', password: 'short' };
      assert.equal(await code(services.users.createUser(admin, short)), 'invalid_input');
    });

    it('authenticates an API key by its hash until it is revoked, in its own workspace only', async () => {
      const { key, apiKey } = await services.apiKeys.createApiKey(admin, { name: '淘宝对接', roles: ['agent'] });
      assert.match(key, /^pdk_/);
      assert.ok(key.startsWith(apiKey.prefix));
      const actor = await services.apiKeys.authenticate(key);
      assert.deepEqual(actor, { kind: 'api_key', keyId: apiKey.id, workspaceId: admin.workspaceId, roles: ['agent'] });
      const row = await t.db.kysely.selectFrom('api_keys').selectAll().where('id', '=', apiKey.id).executeTakeFirst();
      assert.notEqual(row?.key_hash, key);
      assert.ok(row?.last_used_at);
      assert.equal(await code(services.apiKeys.revokeApiKey(otherAdmin, apiKey.id)), 'not_found');
      await services.apiKeys.revokeApiKey(admin, apiKey.id);
      assert.equal(await code(services.apiKeys.authenticate(key)), 'unauthenticated');
      assert.equal(await code(services.apiKeys.authenticate('pdk_unknown')), 'unauthenticated');
    });

    it('validates and audits a policy change, and pages the audit log by cursor', async () => {
      const policy = await services.workspaces.getPolicy(admin);
      const changed = { ...policy, merchantResponseHours: 24 };
      assert.deepEqual(await services.workspaces.updatePolicy(admin, changed), changed);
      assert.deepEqual(await services.workspaces.getPolicy(admin), changed);
      assert.equal(
        await code(services.workspaces.updatePolicy(admin, { ...policy, merchantResponseHours: 0 })),
        'invalid_input',
      );
      const first = await services.workspaces.listAuditEvents(admin, { limit: 2 });
      assert.equal(first.items[0]?.action, 'workspace.policy_changed');
      assert.ok(first.nextCursor);
      const second = await services.workspaces.listAuditEvents(admin, { limit: 200, cursor: first.nextCursor });
      const seqs = [...first.items, ...second.items].map((e) => e.seq);
      assert.deepEqual(
        seqs,
        [...seqs].sort((a, b) => b - a),
      );
      assert.equal(new Set(seqs).size, seqs.length);
      assert.equal(second.items.at(-1)?.action, 'workspace.created');
      assert.equal(second.nextCursor, null);
    });
  });
}
