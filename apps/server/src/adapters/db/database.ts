import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import {
  Kysely,
  Migrator,
  SqliteDialect,
  sql,
  type Migration,
  type SqliteDatabase,
  type MigrationProvider,
} from 'kysely';
import pg from 'pg';
import { CurrentSchemaPostgresDialect } from './current-schema.postgres-dialect.js';
import * as m0001 from './migrations/0001-claims.js';
import * as m0002 from './migrations/0002-claim-analysis.js';
import * as m0003 from './migrations/0003-claim-list-indexes.js';
import * as m0004 from './migrations/0004-job-queue-order.js';
import * as m0005 from './migrations/0005-service-network.js';
import * as m0006 from './migrations/0006-repair-orders.js';
import * as m0007 from './migrations/0007-notifications.js';
import * as m0008 from './migrations/0008-complaints.js';
import * as m0009 from './migrations/0009-warranty-plans.js';
import * as m0010 from './migrations/0010-official-channels.js';
import * as m0011 from './migrations/0011-notification-subscriptions.js';
import * as m0012 from './migrations/0012-buyer-credit.js';
import * as m0013 from './migrations/0013-trust-feeds.js';
import * as m0014 from './migrations/0014-package-signing.js';
import type { Database } from './schema.js';

export type Dialect = 'sqlite' | 'postgres';

/** An open database: the typed query builder, which dialect it speaks, and how to close it. */
export interface Db {
  readonly kysely: Kysely<Database>;
  /**
   * For reads outside a transaction that need only committed data (authentication, reading one claim). On SQLite a
   * second, query-only connection: Kysely runs every query of `kysely` on one connection behind a mutex, so a read
   * there waits for the whole group-commit transaction in flight, while a WAL reader never waits for the writer. It
   * sees every write committed before the read starts. On PostgreSQL the same pool as `kysely`.
   */
  readonly reader: Kysely<Database>;
  readonly dialect: Dialect;
  /** Where it is: the SQLite file path or the PostgreSQL URL without its password. */
  readonly location: string;
  close(): Promise<void>;
}

/** Every migration, in order. One set for both dialects. */
const MIGRATIONS: Readonly<Record<string, Migration>> = {
  '0001-claims': m0001,
  '0002-claim-analysis': m0002,
  '0003-claim-list-indexes': m0003,
  '0004-job-queue-order': m0004,
  '0005-service-network': m0005,
  '0006-repair-orders': m0006,
  '0010-official-channels': m0010,
  '0007-notifications': m0007,
  '0008-complaints': m0008,
  '0009-warranty-plans': m0009,
  '0011-notification-subscriptions': m0011,
  '0012-buyer-credit': m0012,
  '0013-trust-feeds': m0013,
  '0014-package-signing': m0014,
};

const provider: MigrationProvider = { getMigrations: () => Promise.resolve({ ...MIGRATIONS }) };

/** Whether a `--database` value names PostgreSQL (a `postgres://` or `postgresql://` URL) rather than a SQLite file. */
export function isPostgresUrl(spec: string): boolean {
  return /^postgres(ql)?:\/\//i.test(spec);
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://…';
  }
}

export interface OpenDatabaseOptions {
  /** PostgreSQL pool size (default 10). */
  readonly poolSize?: number;
  /** Run pending migrations on open (default true). */
  readonly migrate?: boolean;
}

/**
 * Opens SQLite (a file path; its folder is created) or PostgreSQL (a URL) and brings the schema up to date.
 *
 * SQLite runs in WAL mode with `synchronous=FULL`, so a write is on disk when its transaction commits: an
 * acknowledged write survives `kill -9` and power loss. Foreign keys are enforced; a busy timeout lets a CLI read
 * while the server writes.
 * @throws when the database cannot be opened or a migration fails
 */
export async function openDatabase(spec: string, options: OpenDatabaseOptions = {}): Promise<Db> {
  let db: Db;
  if (isPostgresUrl(spec)) {
    const pool = new pg.Pool({ connectionString: spec, max: options.poolSize ?? 10 });
    const kysely = new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) });
    db = { kysely, reader: kysely, dialect: 'postgres', location: redact(spec), close: () => kysely.destroy() };
  } else {
    if (spec !== ':memory:') mkdirSync(dirname(spec), { recursive: true });
    const sqlite = new BetterSqlite3(spec);
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const kysely = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
    db = { kysely, reader: kysely, dialect: 'sqlite', location: spec, close: () => kysely.destroy() };
  }
  if (options.migrate ?? true) await migrateToLatest(db);
  if (db.dialect === 'sqlite' && spec !== ':memory:') {
    // Opened after the migrations, so it never reads a half-migrated schema.
    const reader = openSqliteReader(spec);
    const writer = db;
    db = {
      ...writer,
      reader,
      // The writer last: the last connection to close checkpoints the WAL into the database file.
      close: async () => {
        await reader.destroy();
        await writer.close();
      },
    };
  }
  return db;
}

/** A second connection to a SQLite file that only reads (see {@link Db.reader}). */
function openSqliteReader(spec: string): Kysely<Database> {
  const sqlite = new BetterSqlite3(spec);
  sqlite.pragma('query_only = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

/** Applies pending migrations; fails with the first migration's error. */
export async function migrateToLatest(db: Db): Promise<void> {
  // Kysely looks for its migration tables in every schema unless told which one: name the current schema, so
  // databases in sibling schemas (test suites running side by side) never take each other's tables for their own.
  const migrationTableSchema =
    db.dialect === 'postgres'
      ? (await sql<{ schema: string }>`select current_schema() as schema`.execute(db.kysely)).rows[0]?.schema
      : undefined;
  const migrator = new Migrator({ db: db.kysely, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Migration ${failed} failed on ${db.location}`, { cause: error });
  }
}

/** Most prepared statements kept per SQLite connection; the set is cleared when it fills. */
const STATEMENT_CACHE_SIZE = 1_000;

/**
 * Kysely prepares every query anew; better-sqlite3's `prepare` parses and plans the SQL each time (about 7 % of the
 * server's CPU under a claim-creation load). The same SQL text always gets the same statement here. Safe because
 * Kysely runs each statement to completion before the next (no interleaved iteration of one statement).
 */
function withStatementCache(sqlite: BetterSqlite3.Database): SqliteDatabase {
  const cache = new Map<string, BetterSqlite3.Statement>();
  return {
    close: () => sqlite.close(),
    prepare: (text: string) => {
      let statement = cache.get(text);
      if (!statement) {
        if (cache.size >= STATEMENT_CACHE_SIZE) cache.clear();
        statement = sqlite.prepare(text);
        cache.set(text, statement);
      }
      return statement;
    },
  };
}
