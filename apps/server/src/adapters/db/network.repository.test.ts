import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createTestDatabase, insertBareWorkspaces, TEST_DIALECTS } from '../../testing/databases.js';
import { bumpNetworkVersion, readNetworkVersion } from './network.repository.js';

for (const dialect of TEST_DIALECTS) {
  describe(`network version on ${dialect}`, () => {
    it('counts every bump once, per workspace, also when the first bumps of a workspace race', async () => {
      const t = await createTestDatabase(dialect);
      try {
        await insertBareWorkspaces(t.db, ['ws1', 'ws2']);
        assert.equal(await readNetworkVersion(t.db.kysely, 'ws1'), 0);
        const bumps = await Promise.all(
          [1, 2, 3, 4].map(() => t.db.kysely.transaction().execute((trx) => bumpNetworkVersion(trx, 'ws1'))),
        );
        assert.deepEqual(
          bumps.sort((a, b) => a - b),
          [1, 2, 3, 4],
        );
        await t.db.kysely.transaction().execute((trx) => bumpNetworkVersion(trx, 'ws2'));
        assert.deepEqual(
          [await readNetworkVersion(t.db.kysely, 'ws1'), await readNetworkVersion(t.db.reader, 'ws2')],
          [4, 1],
        );
      } finally {
        await t.dispose();
      }
    });
  });
}
