import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { openDatabase, type Db, type Dialect } from '../adapters/db/database.js';

/** The PostgreSQL server integration tests use (CI's machine runs one with trust auth). */
export const TEST_POSTGRES_URL = process.env.PROOFDESK_TEST_POSTGRES_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Both dialects: every integration suite runs once per entry. */
export const TEST_DIALECTS: readonly Dialect[] = ['sqlite', 'postgres'];

export interface TestDatabase {
  readonly db: Db;
  /** What `--database` would be given to reach the same database from another process. */
  readonly spec: string;
  /** Closes and deletes the database (the SQLite folder, or the PostgreSQL schema). */
  dispose(): Promise<void>;
}

/**
 * A fresh, migrated database of the given dialect: a SQLite file in a temp folder, or a new schema in the test
 * PostgreSQL database (selected with `search_path`, so suites run in parallel without seeing each other).
 */
export async function createTestDatabase(dialect: Dialect): Promise<TestDatabase> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'proofdesk-db-'));
    const spec = join(dir, 'proofdesk.db');
    const db = await openDatabase(spec);
    return {
      db,
      spec,
      dispose: async () => {
        await db.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE SCHEMA ${schema}`);
  } finally {
    await admin.end();
  }
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const spec = url.toString();
  const db = await openDatabase(spec, { poolSize: 4 });
  return {
    db,
    spec,
    dispose: async () => {
      await db.close();
      const client = new pg.Client({ connectionString: TEST_POSTGRES_URL });
      await client.connect();
      try {
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
      } finally {
        await client.end();
      }
    },
  };
}

/**
 * Inserts bare workspaces (name = slug = id, empty policy) for tests that need only the rows foreign keys point at.
 * @example await insertBareWorkspaces(t.db, ['w1', 'w2'])
 */
export async function insertBareWorkspaces(db: Db, workspaceIds: readonly string[]): Promise<void> {
  await db.kysely
    .insertInto('workspaces')
    .values(
      workspaceIds.map((id) => ({ id, slug: id, name: id, policy_json: '{}', created_at: '2026-11-01T00:00:00.000Z' })),
    )
    .execute();
}
