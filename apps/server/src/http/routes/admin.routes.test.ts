import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { enqueueJob } from '../../adapters/queue/enqueue-job.js';
import { Uuid7IdGenerator } from '../../adapters/system/uuid7.id-generator.js';
import { TEST_DIALECTS } from '../../testing/databases.js';
import { createTestApp, type TestApp } from '../test-app.js';

for (const dialect of TEST_DIALECTS) {
  describe(`admin routes on ${dialect}`, () => {
    let h: TestApp;
    before(async () => {
      h = await createTestApp(dialect);
    });
    after(() => h.dispose());

    it('creates a user who can sign in, changes their roles, and disables them (sessions end)', async () => {
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: h.as.admin,
        payload: {
          email: 'Reviewer2@Example.com',
          displayName: '审核员二',
          password: 'reviewer-pass-2',
          roles: ['reviewer'],
        },
      });
      assert.equal(created.statusCode, 201, created.body);
      const user = created.json<{ id: string; email: string; roles: string[] }>();
      assert.equal(user.email, 'reviewer2@example.com');
      assert.equal('password' in user || 'passwordHash' in user, false);
      const dup = await h.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: h.as.admin,
        payload: { email: 'reviewer2@example.com', displayName: 'x', password: 'reviewer-pass-2', roles: ['agent'] },
      });
      assert.equal(dup.statusCode, 409);
      const short = await h.app.inject({
        method: 'POST',
        url: '/api/v1/users',
        headers: h.as.admin,
        payload: { email: 'x@example.com', displayName: 'x', password: 'short', roles: ['agent'] },
      });
      assert.equal(short.statusCode, 422);
      const signIn = await h.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email: 'reviewer2@example.com', password: 'reviewer-pass-2' },
      });
      assert.equal(signIn.statusCode, 200);
      const cookie = signIn.cookies.find((c) => c.name === 'pd_session')?.value ?? '';
      const roles = await h.app.inject({
        method: 'PUT',
        url: `/api/v1/users/${user.id}/roles`,
        headers: h.as.admin,
        payload: { roles: ['reviewer', 'agent'] },
      });
      assert.deepEqual(roles.json<{ roles: string[] }>().roles, ['reviewer', 'agent']);
      const me = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { pd_session: cookie } });
      assert.deepEqual(
        me.json<{ user: { roles: string[] } }>().user.roles,
        ['reviewer', 'agent'],
        'roles apply at once',
      );
      const disabled = await h.app.inject({
        method: 'POST',
        url: `/api/v1/users/${user.id}/disable`,
        headers: h.as.admin,
      });
      assert.ok(disabled.json<{ disabledAt: string | null }>().disabledAt);
      const after = await h.app.inject({ method: 'GET', url: '/api/v1/auth/me', cookies: { pd_session: cookie } });
      assert.equal(after.statusCode, 401);
      const list = await h.app.inject({ method: 'GET', url: '/api/v1/users', headers: h.as.admin });
      const emails = list.json<{ items: { email: string }[] }>().items.map((u) => u.email);
      assert.ok(emails.includes('reviewer2@example.com'));
      assert.ok(!emails.includes('outsider@example.com'), 'another workspace’s users stay out');
    });

    it('shows a new API key once, authenticates with it until revoked, and never lists the key', async () => {
      const created = await h.app.inject({
        method: 'POST',
        url: '/api/v1/api-keys',
        headers: h.as.admin,
        payload: { name: '拼多多对接', roles: ['agent'] },
      });
      assert.equal(created.statusCode, 201);
      const { key, apiKey } = created.json<{ key: string; apiKey: { id: string; prefix: string } }>();
      const bearer = { authorization: `Bearer ${key}` };
      const claims = await h.app.inject({ method: 'GET', url: '/api/v1/claims', headers: bearer });
      assert.equal(claims.statusCode, 200);
      const post = await h.app.inject({
        method: 'POST',
        url: '/api/v1/products',
        headers: bearer,
        payload: { sku: 'K-1', name: '指纹锁' },
      });
      assert.equal(post.statusCode, 201, 'API keys need no CSRF token');
      const list = await h.app.inject({ method: 'GET', url: '/api/v1/api-keys', headers: h.as.admin });
      assert.ok(!list.body.includes(key));
      assert.ok(list.body.includes(apiKey.prefix));
      const revoked = await h.app.inject({
        method: 'DELETE',
        url: `/api/v1/api-keys/${apiKey.id}`,
        headers: h.as.admin,
      });
      assert.ok(revoked.json<{ revokedAt: string | null }>().revokedAt);
      assert.equal((await h.app.inject({ method: 'GET', url: '/api/v1/claims', headers: bearer })).statusCode, 401);
      const junk = await h.app.inject({ method: 'GET', url: '/api/v1/claims', headers: { authorization: 'Basic x' } });
      assert.equal(junk.statusCode, 401);
    });

    it('validates and stores the claim policy', async () => {
      const policy = (await h.app.inject({ method: 'GET', url: '/api/v1/workspace/policy', headers: h.as.agent })).json<
        Record<string, unknown>
      >();
      const bad = await h.app.inject({
        method: 'PUT',
        url: '/api/v1/workspace/policy',
        headers: h.as.admin,
        payload: { ...policy, onMerchantTimeout: 'approve_everything' },
      });
      assert.equal(bad.statusCode, 422);
      const extra = await h.app.inject({
        method: 'PUT',
        url: '/api/v1/workspace/policy',
        headers: h.as.admin,
        payload: { ...policy, surprise: true },
      });
      assert.equal(extra.statusCode, 422, 'unknown fields are refused, not ignored');
      const ok = await h.app.inject({
        method: 'PUT',
        url: '/api/v1/workspace/policy',
        headers: h.as.admin,
        payload: { ...policy, autoApproveMaxAmountFen: 12_345 },
      });
      assert.equal(ok.statusCode, 200);
      const again = await h.app.inject({ method: 'GET', url: '/api/v1/workspace', headers: h.as.technician });
      assert.equal(
        again.json<{ policy: { autoApproveMaxAmountFen: number } }>().policy.autoApproveMaxAmountFen,
        12_345,
      );
    });

    it('pages the audit log and reports the chain verified', async () => {
      const first = await h.app.inject({ method: 'GET', url: '/api/v1/audit/events?limit=3', headers: h.as.reviewer });
      const page = first.json<{ items: { seq: number; action: string }[]; nextCursor: string }>();
      assert.equal(page.items.length, 3);
      assert.equal(page.items[0]?.action, 'workspace.policy_changed');
      const second = await h.app.inject({
        method: 'GET',
        url: `/api/v1/audit/events?limit=3&cursor=${page.nextCursor}`,
        headers: h.as.reviewer,
      });
      const next = second.json<{ items: { seq: number }[] }>().items;
      assert.ok((next[0]?.seq ?? 0) < (page.items[2]?.seq ?? 0));
      const verify = await h.app.inject({ method: 'GET', url: '/api/v1/audit/verify', headers: h.as.admin });
      const report = verify.json<{ ok: boolean; checked: number }>();
      assert.equal(report.ok, true);
      assert.ok(report.checked > 5);
    });

    it('lists dead jobs of the workspace only and requeues one; a job that is not dead answers 409', async () => {
      const ids = new Uuid7IdGenerator(h.clock);
      const now = new Date(h.clock.nowMs()).toISOString();
      const [mine, theirs, live] = await h.t.db.kysely
        .transaction()
        .execute(async (trx) => [
          await enqueueJob(
            trx,
            ids,
            { kind: 'reanalyse_workspace', workspaceId: h.workspaceId, referencePhotoId: 'r1' },
            { runAt: now },
          ),
          await enqueueJob(
            trx,
            ids,
            { kind: 'reanalyse_workspace', workspaceId: h.otherWorkspaceId, referencePhotoId: 'r2' },
            { runAt: now },
          ),
          await enqueueJob(
            trx,
            ids,
            { kind: 'reanalyse_workspace', workspaceId: h.workspaceId, referencePhotoId: 'r3' },
            { runAt: '2099-01-01T00:00:00.000Z' },
          ),
        ]);
      await h.t.db.kysely
        .updateTable('jobs')
        .set({ status: 'dead', last_error: 'boom' })
        .where('id', 'in', [mine, theirs])
        .execute();
      const dead = await h.app.inject({ method: 'GET', url: '/api/v1/jobs/dead', headers: h.as.admin });
      assert.deepEqual(
        dead.json<{ items: { id: string }[] }>().items.map((j) => j.id),
        [mine],
      );
      const requeued = await h.app.inject({ method: 'POST', url: `/api/v1/jobs/${mine}/requeue`, headers: h.as.admin });
      assert.deepEqual(requeued.json(), { id: mine, status: 'queued' });
      const notDead = await h.app.inject({ method: 'POST', url: `/api/v1/jobs/${live}/requeue`, headers: h.as.admin });
      assert.equal(notDead.statusCode, 409);
      const other = await h.app.inject({ method: 'POST', url: `/api/v1/jobs/${theirs}/requeue`, headers: h.as.admin });
      assert.equal(other.statusCode, 404);
    });
  });
}
