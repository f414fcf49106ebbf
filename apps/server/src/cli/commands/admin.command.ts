import { randomBytes } from 'node:crypto';
import { DomainError, type Actor } from '@proofdesk/domain';
import { ScryptPasswordHasher, type PasswordHasher } from '../../adapters/crypto/scrypt.password-hasher.js';
import { openDatabase } from '../../adapters/db/database.js';
import { systemClock } from '../../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../../adapters/system/uuid7.id-generator.js';
import { createUserService, isEmailAddress, MIN_PASSWORD_LENGTH, normaliseEmail } from '../../services/user.service.js';
import { createWorkspaceService } from '../../services/workspace.service.js';
import { databaseSpec } from '../data-paths.js';
import { parseCommandArgs, UsageError } from '../usage-error.js';

export const ADMIN_USAGE = `proofdesk admin create-workspace --slug <slug> --name <name> --admin-email <email> [--admin-name <name>] [--password-stdin] [--database <sqlite path | postgres URL>] [--data ./data]

  Creates a workspace (a shop or brand) and its first admin, without the demo seed; both land in the workspace's
  audit log. Prints the admin's generated password once, unless --password-stdin reads it from stdin. The database
  is created and migrated when it does not exist yet (serve then skips the demo seed: the database is not empty).
  --slug <slug>           the workspace's short name: 2–63 lowercase letters, digits and hyphens
  --name <name>           its display name (1–200 characters)
  --admin-email <email>   the admin's sign-in email
  --admin-name <name>     the admin's display name (default: the email)
  --password-stdin        read the admin's password from stdin (its first line; at least ${MIN_PASSWORD_LENGTH} characters)
  --database <spec>       SQLite file or postgres:// URL (default: <data>/proofdesk.db)
  --data <dir>            data folder (default: ./data)
Exit status: 0 once created; 2 for usage errors (a missing or bad option, a slug or email already taken).`;

/** What the admin command needs from the composition root. */
export interface AdminCommandDeps {
  readonly stdout: NodeJS.WritableStream;
  readonly stderr: NodeJS.WritableStream;
  /** Read for `--password-stdin`. */
  readonly stdin: AsyncIterable<string | Uint8Array>;
  /** Default: scrypt with the production cost. */
  readonly hasher?: PasswordHasher;
}

/** The component named in the audit log as the actor that created the admin (`system:admin-cli`). */
export const ADMIN_CLI_COMPONENT = 'admin-cli';

/** A generated first password: 18 random bytes, 24 base64url characters. */
function generatePassword(): string {
  return randomBytes(18).toString('base64url');
}

/** The first line of stdin, without its line ending. */
async function readPassword(stdin: AsyncIterable<string | Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/, 1)[0] ?? '';
}

function required(values: Record<string, unknown>, flag: string): string {
  const value = values[flag];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`admin create-workspace needs --${flag}`);
  return value;
}

/** `proofdesk admin create-workspace`: see {@link ADMIN_USAGE}. Returns the exit status. */
export async function runAdmin(args: readonly string[], deps: AdminCommandDeps): Promise<number> {
  const { values, positionals } = parseCommandArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      slug: { type: 'string' },
      name: { type: 'string' },
      'admin-email': { type: 'string' },
      'admin-name': { type: 'string' },
      'password-stdin': { type: 'boolean' },
      database: { type: 'string' },
      data: { type: 'string' },
    },
  });
  const [sub, ...rest] = positionals;
  if (sub !== 'create-workspace')
    throw new UsageError(`admin needs the subcommand "create-workspace"${sub ? `; got "${sub}"` : ''}`);
  if (rest.length > 0) throw new UsageError(`admin create-workspace takes no arguments; got "${rest.join(' ')}"`);
  const slug = required(values, 'slug');
  const name = required(values, 'name');
  const email = normaliseEmail(required(values, 'admin-email'));
  if (!isEmailAddress(email)) throw new UsageError(`--admin-email is not an email address: "${email}"`);
  const password = values['password-stdin'] ? await readPassword(deps.stdin) : generatePassword();
  if ([...password].length < MIN_PASSWORD_LENGTH)
    throw new UsageError(`the password read from stdin needs at least ${MIN_PASSWORD_LENGTH} characters`);

  const db = await openDatabase(databaseSpec(values), { poolSize: 2 });
  try {
    const ids = new Uuid7IdGenerator(systemClock);
    const base = { db, clock: systemClock, ids };
    const workspaces = createWorkspaceService(base);
    const users = createUserService({ ...base, hasher: deps.hasher ?? new ScryptPasswordHasher() });
    // Checked before the workspace is made, so a taken email does not leave a workspace without an admin.
    const taken = await db.kysely.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
    if (taken) return refuse(deps, { zh: `邮箱已被使用：${email}`, en: `Email already in use: ${email}` });
    let workspace;
    try {
      workspace = await workspaces.createWorkspace({ slug, name });
    } catch (error) {
      if (error instanceof DomainError && (error.code === 'invalid_input' || error.code === 'conflict'))
        return refuse(deps, error.text);
      throw error;
    }
    const bootstrap: Actor = { kind: 'system', component: ADMIN_CLI_COMPONENT, workspaceId: workspace.id };
    const admin = await users.createUser(bootstrap, {
      email,
      displayName: values['admin-name'] ?? '',
      password,
      roles: ['admin'],
    });
    deps.stdout.write(
      `已创建工作区 / Workspace created: ${workspace.slug}\t${workspace.id}\t${workspace.name}\n` +
        `管理员 / Admin: ${admin.email}\t${admin.id}\t${admin.displayName}\n` +
        (values['password-stdin'] ? '' : `初始密码（只显示这一次）/ Password (shown once): ${password}\n`),
    );
    return 0;
  } finally {
    await db.close();
  }
}

function refuse(deps: AdminCommandDeps, text: { zh: string; en: string }): number {
  deps.stderr.write(`proofdesk admin create-workspace: ${text.zh} / ${text.en}\n`);
  return 2;
}
