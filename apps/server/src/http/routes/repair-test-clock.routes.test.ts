import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { shanghaiDateOf, type Actor } from '@proofdesk/domain';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { FsBlobStore } from '../../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../../adapters/crypto/aes-gcm.contact-cipher.js';
import { HmacPseudonymiser } from '../../adapters/crypto/hmac.pseudonymiser.js';
import { loadOrCreateKeyFile } from '../../adapters/crypto/keyring-config.js';
import { openDatabase } from '../../adapters/db/database.js';
import { createForensicPorts } from '../../adapters/media/forensic-ports.js';
import { systemClock } from '../../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../../adapters/system/uuid7.id-generator.js';
import { createServices, silentLogger } from '../../services/index.js';
import { insertRepairNetwork, intakeOf } from '../../services/repair-test-fixtures.js';
import { prepareApiWorkspace } from '../../testing/api-workspace.js';
import { startServer, type ServerProcess } from '../../testing/server-process.js';

/** An assigned repair order in a fresh data folder, made with the keys the server will load. */
async function assignedOrder(dataDir: string): Promise<{ database: string; apiKey: string; orderId: string }> {
  const database = join(dataDir, 'proofdesk.db');
  const db = await openDatabase(database);
  const forensic = createForensicPorts(DEFAULT_LIMITS);
  try {
    const ws = await prepareApiWorkspace(db, dataDir, 0, 'clock');
    const keys = await loadOrCreateKeyFile(join(dataDir, 'keys.json'));
    const services = createServices({
      db,
      blobs: new FsBlobStore(join(dataDir, 'blobs')),
      cipher: new AesGcmContactCipher(keys.contactKeys),
      pseudonymiser: new HmacPseudonymiser(keys.hmacKey),
      clock: systemClock,
      ids: new Uuid7IdGenerator(),
      forensic,
      logger: silentLogger,
    });
    const net = await insertRepairNetwork(db.kysely, {
      workspaceId: ws.workspaceId,
      managerUserId: null,
      technicianUserId: null,
      at: new Date().toISOString(),
    });
    const system: Actor = { kind: 'system', component: 'test', workspaceId: ws.workspaceId };
    const today = shanghaiDateOf(Date.now());
    const { order } = await services.repairOrders.intake(system, intakeOf({ preferredDate: today }));
    await services.repairWorkflow.assign(
      system,
      order.id,
      { technicianId: net.ownTechnicianId, date: today, slot: 'evening' },
      { mode: 'manual' },
    );
    return { database, apiKey: ws.apiKey, orderId: order.id };
  } finally {
    await forensic.close();
    await db.close();
  }
}

describe('proofdesk serve with PROOFDESK_TEST_CLOCK=1', () => {
  it('lets a test move time so the worker escalates a breached SLA, and has no clock route without the variable', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'proofdesk-test-clock-'));
    let server: ServerProcess | undefined;
    try {
      const { database, apiKey, orderId } = await assignedOrder(dataDir);
      const headers = { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' };
      server = await startServer({ dataDir, database, env: { PROOFDESK_TEST_CLOCK: '1' } });
      const order = async () =>
        (await (await fetch(`${server!.url}/api/v1/repair-orders/${orderId}`, { headers })).json()) as {
          slaBreached: boolean;
          slaTimers: { kind: string; escalationLevel: string | null }[];
        };
      assert.equal((await order()).slaBreached, false);
      // Two weeks: past the response due time whatever today is (weekends, a Golden Week), and past every ladder level.
      const advanced = await fetch(`${server.url}/api/v1/test-clock/advance`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ minutes: 14 * 24 * 60 }),
      });
      assert.equal(advanced.status, 200, await advanced.clone().text());
      assert.equal(((await advanced.json()) as { aheadMs: number }).aheadMs, 14 * 24 * 3_600_000);
      let seen = await order();
      for (let i = 0; i < 100 && !seen.slaBreached; i++) {
        await new Promise((r) => setTimeout(r, 100));
        seen = await order();
      }
      assert.equal(seen.slaBreached, true, 'the worker ran the sla.check job the advance made due');
      assert.equal(seen.slaTimers.find((t) => t.kind === 'response')?.escalationLevel, 'brand');
      await server.stop();
      server = await startServer({ dataDir, database });
      const absent = await fetch(`${server.url}/api/v1/test-clock`, { headers });
      assert.equal(absent.status, 404, 'refused without the variable: the route does not exist');
    } finally {
      await server?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
