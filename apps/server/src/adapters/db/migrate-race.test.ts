import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createTestDatabase, TEST_POSTGRES_URL } from '../../testing/databases.js';
import { migrateToLatest } from './database.js';

describe('migrations beside other clients’ DDL', () => {
  it('on postgres, checks its migrations while another client creates and drops sibling schemas (Kysely’s own introspector failed this)', async () => {
    const t = await createTestDatabase('postgres');
    const admin = new pg.Client({ connectionString: TEST_POSTGRES_URL });
    await admin.connect();
    let churning = true;
    const churn = (async () => {
      for (let i = 0; churning; i++) {
        const schema = `race_${process.pid}_${i}`;
        await admin.query(`CREATE SCHEMA ${schema}; CREATE TABLE ${schema}.t (id serial primary key, v text)`);
        await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      }
    })();
    try {
      for (let i = 0; i < 40; i++) await migrateToLatest(t.db);
      // The introspector sees this schema's tables only, the migrator's own among them.
      const tables = await t.db.kysely.introspection.getTables({ withInternalKyselyTables: true });
      assert.ok(tables.some((table) => table.name === 'kysely_migration'));
      assert.ok(tables.some((table) => table.name === 'claims'));
      assert.deepEqual(
        [...new Set(tables.map((table) => table.schema))],
        [new URL(t.spec).searchParams.get('options')!.split('=')[1]],
      );
    } finally {
      churning = false;
      await churn;
      await admin.end();
      await t.dispose();
    }
  });
});
