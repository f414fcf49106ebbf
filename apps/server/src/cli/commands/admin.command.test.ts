/**
 * `proofdesk admin create-workspace` end to end: the built CLI in a child process against a real SQLite file and a
 * real PostgreSQL schema, then the new admin signs in through the API of an in-process app over the same database.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { createForensicPorts } from '../../adapters/media/forensic-ports.js';
import { composeServer } from '../../http/compose.js';
import { SESSION_COOKIE } from '../../http/principal.js';
import { verifyWorkspaceChain } from '../../services/audit.service.js';
import { createTestDatabase, TEST_DIALECTS, type TestDatabase } from '../../testing/databases.js';
import { runCli } from '../../testing/cli-process.js';

/** Signs in over the API of an app composed over `database`; answers the status and the user's roles. */
async function signIn(database: string, email: string, password: string) {
  const dir = mkdtempSync(join(tmpdir(), 'proofdesk-admin-cli-app-'));
  const forensic = createForensicPorts(DEFAULT_LIMITS);
  try {
    const server = await composeServer({
      database,
      blobDir: join(dir, 'blobs'),
      keys: { contactKeys: { currentKeyId: 'k1', keys: { k1: randomBytes(32) } }, hmacKey: randomBytes(32) },
      forensic,
      worker: false,
      poolSize: 2,
    });
    try {
      const res = await server.app.inject({
        method: 'POST',
        url: '/api/v1/auth/sign-in',
        payload: { email, password },
      });
      const session = res.cookies.find((c) => c.name === SESSION_COOKIE)?.value;
      const me = session
        ? await server.app.inject({ method: 'GET', url: '/api/v1/workspace', cookies: { [SESSION_COOKIE]: session } })
        : undefined;
      return {
        status: res.statusCode,
        roles: res.statusCode === 200 ? res.json<{ user: { roles: string[] } }>().user.roles : [],
        workspace: me?.json<{ slug: string; name: string }>(),
      };
    } finally {
      await server.close();
    }
  } finally {
    await forensic.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const PASSWORD_LINE = /^初始密码（只显示这一次）\/ Password \(shown once\): (\S+)$/m;

for (const dialect of TEST_DIALECTS) {
  describe(`proofdesk admin create-workspace on ${dialect} (built CLI)`, () => {
    let t: TestDatabase;
    before(async () => {
      t = await createTestDatabase(dialect);
    });
    after(() => t.dispose());

    it('creates the workspace and its admin, prints the generated password once, and the admin can sign in', async () => {
      const run = await runCli([
        'admin',
        'create-workspace',
        '--slug',
        'lock-shop',
        '--name',
        '锁匠旗舰店',
        '--admin-email',
        'Owner@Lock-Shop.example',
        '--admin-name',
        '王店长',
        '--database',
        t.spec,
      ]);
      assert.equal(run.stderr, '');
      assert.equal(run.status, 0);
      assert.match(run.stdout, /^已创建工作区 \/ Workspace created: lock-shop\t\S+\t锁匠旗舰店$/m);
      assert.match(run.stdout, /^管理员 \/ Admin: owner@lock-shop\.example\t\S+\t王店长$/m);
      const password = PASSWORD_LINE.exec(run.stdout)?.[1];
      assert.ok(password && password.length >= 20, run.stdout);

      const signedIn = await signIn(t.spec, 'owner@lock-shop.example', password);
      assert.equal(signedIn.status, 200);
      assert.deepEqual(signedIn.roles, ['admin']);
      assert.equal(signedIn.workspace?.slug, 'lock-shop');
      assert.equal(signedIn.workspace.name, '锁匠旗舰店');
      assert.equal((await signIn(t.spec, 'owner@lock-shop.example', 'not-the-password')).status, 401);

      const workspace = await t.db.kysely
        .selectFrom('workspaces')
        .select('id')
        .where('slug', '=', 'lock-shop')
        .executeTakeFirstOrThrow();
      const events = await t.db.kysely
        .selectFrom('audit_events')
        .select(['action', 'actor', 'data_json'])
        .where('workspace_id', '=', workspace.id)
        .orderBy('seq')
        .execute();
      assert.deepEqual(
        events.slice(0, 2).map((e) => [e.action, e.actor]),
        [
          ['workspace.created', 'system:bootstrap'],
          ['user.created', 'system:admin-cli'],
        ],
      );
      assert.doesNotMatch(events.map((e) => e.data_json).join(''), new RegExp(password), 'no password in the log');
      assert.equal((await verifyWorkspaceChain(t.db, workspace.id)).ok, true);
    });

    it('takes the password from stdin, and refuses a taken slug or email and a bad email with exit 2', async () => {
      const args = (slug: string, email: string) => [
        'admin',
        'create-workspace',
        '--slug',
        slug,
        '--name',
        '第二家店',
        '--admin-email',
        email,
        '--database',
        t.spec,
      ];
      const piped = await runCli(
        [...args('second-shop', 'boss@second.example'), '--password-stdin'],
        'chosen-password-1\n',
      );
      assert.equal(piped.stderr, '');
      assert.equal(piped.status, 0);
      assert.doesNotMatch(piped.stdout, /Password/, 'a password read from stdin is not printed');
      assert.equal((await signIn(t.spec, 'boss@second.example', 'chosen-password-1')).status, 200);

      const slugTaken = await runCli(args('second-shop', 'other@second.example'));
      assert.equal(slugTaken.status, 2);
      assert.match(slugTaken.stderr, /工作区标识已被使用：second-shop \/ Workspace slug taken: second-shop/);
      const emailTaken = await runCli(args('third-shop', 'BOSS@second.example'));
      assert.equal(emailTaken.status, 2);
      assert.match(emailTaken.stderr, /Email already in use: boss@second\.example/);
      const badSlug = await runCli(args('Third Shop', 'third@third.example'));
      assert.equal(badSlug.status, 2);
      assert.match(badSlug.stderr, /slug: use 2–63 lowercase letters, digits and hyphens/);
      const badEmail = await runCli(args('third-shop', 'not-an-email'));
      assert.equal(badEmail.status, 2);
      assert.match(badEmail.stderr, /--admin-email is not an email address: "not-an-email"/);
      const shortPassword = await runCli([...args('third-shop', 'third@third.example'), '--password-stdin'], 'short\n');
      assert.equal(shortPassword.status, 2);
      assert.match(shortPassword.stderr, /at least 10 characters/);

      const shops = await t.db.kysely.selectFrom('workspaces').select('slug').orderBy('slug').execute();
      assert.deepEqual(
        shops.map((s) => s.slug),
        ['lock-shop', 'second-shop'],
        'a refused run creates nothing',
      );
      assert.equal((await t.db.kysely.selectFrom('users').select('id').execute()).length, 2);
    });
  });
}

describe('proofdesk admin usage', () => {
  const dir = mkdtempSync(join(tmpdir(), 'proofdesk-admin-cli-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('exits 2 without the subcommand, an option it needs, or with an unknown flag, and creates no database', async () => {
    const base = ['--data', dir];
    for (const args of [
      ['admin', ...base],
      ['admin', 'create', ...base],
      ['admin', 'create-workspace', '--name', 'x', '--admin-email', 'a@b.c', ...base],
      ['admin', 'create-workspace', '--slug', 'shop', '--admin-email', 'a@b.c', ...base],
      ['admin', 'create-workspace', '--slug', 'shop', '--name', 'x', ...base],
      ['admin', 'create-workspace', '--slug', 'shop', '--name', 'x', '--admin-email', 'a@b.c', '--bogus', ...base],
    ]) {
      const { status, stderr } = await runCli(args);
      assert.equal(status, 2, args.join(' '));
      assert.match(stderr, /proofdesk admin create-workspace --slug <slug>/, 'prints the usage');
    }
    assert.equal(existsSync(join(dir, 'proofdesk.db')), false);
  });
});
