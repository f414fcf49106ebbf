/**
 * Durability: the real server in a child process takes a burst of claim creations with evidence photos from eight
 * concurrent clients, and is killed with SIGKILL in the middle of it. After a restart on the same data, every
 * claim and photo whose creation was acknowledged (201) must be there intact, the audit chains must verify, and
 * SQLite must pass its integrity check. Buyer contact data sent through the API must not appear in plaintext in the
 * database files or the server's logs. Runs on SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import BetterSqlite3 from 'better-sqlite3';
import { sql } from 'kysely';
import { openDatabase } from '../adapters/db/database.js';
import { prepareApiWorkspace } from '../testing/api-workspace.js';
import { createTestDatabase, TEST_DIALECTS } from '../testing/databases.js';
import { fixturePath, REPO_ROOT } from '../testing/paths.js';
import { startServer, type ServerProcess } from '../testing/server-process.js';

const PHOTO = readFileSync(fixturePath('listing', 'cap-red-front.jpg'));
const CONTACT = {
  name: '欧阳明月',
  phone: '13912340987',
  address: '云南省大理白族自治州巍山彝族回族自治县南诏镇文华路 8 号',
};

interface AckedClaim {
  readonly id: string;
  readonly orderId: string;
  readonly reason: string;
}
interface AckedEvidence {
  readonly claimId: string;
  readonly evidenceId: string;
  readonly sha256: string;
}

/** A unique photo each time: the same JPEG with random bytes after its end marker (decoders ignore them). */
function uniquePhoto(): Buffer {
  return Buffer.concat([PHOTO, randomBytes(32)]);
}

interface Acked {
  readonly claims: AckedClaim[];
  readonly evidence: AckedEvidence[];
}

async function burst(
  server: ServerProcess,
  apiKey: string,
  orderIds: readonly string[],
  until: () => boolean,
  acked: Acked,
): Promise<Acked> {
  const { claims, evidence } = acked;
  const headers = { authorization: `Bearer ${apiKey}` };
  let n = 0;
  const client = async () => {
    while (!until()) {
      const i = n++;
      const reason = `破损 #${i} ${randomBytes(4).toString('hex')}`;
      const orderId = orderIds[i % orderIds.length]!;
      try {
        const res = await fetch(`${server.url}/api/v1/claims`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ orderId, type: 'refund_only', reason, amountFen: 1_000 }),
        });
        if (res.status !== 201) continue;
        const claim = (await res.json()) as { id: string };
        claims.push({ id: claim.id, orderId, reason });
        if (i % 2 === 0) {
          const photo = uniquePhoto();
          const form = new FormData();
          form.append('file', new Blob([photo], { type: 'image/jpeg' }), `photo-${i}.jpg`);
          const up = await fetch(`${server.url}/api/v1/claims/${claim.id}/evidence`, {
            method: 'POST',
            headers,
            body: form,
          });
          if (up.status === 201) {
            const ev = (await up.json()) as { id: string };
            evidence.push({
              claimId: claim.id,
              evidenceId: ev.id,
              sha256: createHash('sha256').update(photo).digest('hex'),
            });
          }
        }
      } catch {
        // The server died under us: what was not acknowledged is not owed.
        return;
      }
    }
  };
  await Promise.all(Array.from({ length: 8 }, client));
  return { claims, evidence };
}

function auditVerify(database: string, dataDir: string): { status: number | null; output: string } {
  const result = spawnSync(
    process.execPath,
    [
      join(REPO_ROOT, 'apps', 'server', 'bin', 'proofdesk.js'),
      'audit',
      'verify',
      '--database',
      database,
      '--data',
      dataDir,
    ],
    { encoding: 'utf8' },
  );
  return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

for (const dialect of TEST_DIALECTS) {
  describe(`kill -9 during a burst of claims with photos (${dialect})`, () => {
    it('keeps every acknowledged claim and photo, a verifying audit chain, and no plaintext contact data', async (t) => {
      const dataDir = mkdtempSync(join(tmpdir(), 'proofdesk-kill9-'));
      const pg = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
      const database = pg?.spec ?? join(dataDir, 'proofdesk.db');
      let server: ServerProcess | undefined;
      try {
        const db = pg?.db ?? (await openDatabase(database));
        const ws = await prepareApiWorkspace(db, dataDir, 5, 'kill9');
        if (!pg) await db.close();
        const env = { PROOFDESK_RATE_LIMIT_PER_MINUTE: '1000000', PROOFDESK_LOG_LEVEL: 'debug' };
        server = await startServer({ dataDir, database, env });
        const headers = { authorization: `Bearer ${ws.apiKey}`, 'content-type': 'application/json' };

        // Contact data through the API, and a reveal, before the crash.
        const order = await fetch(`${server.url}/api/v1/orders`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            platform: 'jd',
            platformOrderId: 'JD-CONTACT-1',
            amountFen: 50_000,
            buyer: { accountId: 'ouyang', contact: CONTACT },
          }),
        });
        assert.equal(order.status, 201, await order.clone().text());
        const { buyerId } = (await order.json()) as { buyerId: string };
        const reveal = await fetch(`${server.url}/api/v1/buyers/${buyerId}/contact/reveal`, {
          method: 'POST',
          headers: { authorization: headers.authorization },
        });
        assert.equal(reveal.status, 200, await reveal.clone().text());
        assert.equal(((await reveal.json()) as { phone: string }).phone, CONTACT.phone);
        // A repair order for the same person: its contact and address are sealed too (checked below with the rest).
        const repair = await fetch(`${server.url}/api/v1/repair-orders`, {
          method: 'POST',
          headers,
          body: JSON.stringify({
            channel: 'phone',
            customer: CONTACT,
            areaText: '大理巍山彝族回族自治县',
            faultCategory: 'motor_jammed',
            description: '电机卡死',
            preferredDate: '2026-11-02',
            preferredSlot: 'morning',
            productLine: 'smart_lock',
          }),
        });
        assert.equal(repair.status, 201, await repair.clone().text());
        const repairId = ((await repair.json()) as { order: { id: string } }).order.id;

        let killed = false;
        const live: Acked = { claims: [], evidence: [] };
        const running = burst(server, ws.apiKey, ws.orderIds, () => killed, live);
        // Kill once the burst is well under way (counted, not timed: CI machines are shared), with requests in flight.
        const deadline = Date.now() + 60_000;
        while ((live.claims.length < 40 || live.evidence.length < 10) && Date.now() < deadline)
          await new Promise((r) => setTimeout(r, 20));
        const victim = server;
        await victim.kill9();
        killed = true;
        const acked = await running;
        const firstLog = victim.output();
        t.diagnostic(`acknowledged before kill -9: ${acked.claims.length} claims, ${acked.evidence.length} photos`);
        assert.ok(acked.claims.length >= 20, `only ${acked.claims.length} claims acknowledged before the kill`);
        assert.ok(acked.evidence.length >= 5, `only ${acked.evidence.length} photos acknowledged before the kill`);

        server = await startServer({ dataDir, database, env });
        for (const claim of acked.claims) {
          const res = await fetch(`${server.url}/api/v1/claims/${claim.id}`, { headers });
          assert.equal(res.status, 200, `acknowledged claim ${claim.id} lost`);
          const body = (await res.json()) as { orderId: string; reason: string };
          assert.equal(body.orderId, claim.orderId);
          assert.equal(body.reason, claim.reason);
        }
        for (const ev of acked.evidence) {
          const res = await fetch(`${server.url}/api/v1/claims/${ev.claimId}/evidence/${ev.evidenceId}/image`, {
            headers,
          });
          assert.equal(res.status, 200, `acknowledged photo ${ev.evidenceId} lost`);
          const sha = createHash('sha256')
            .update(Buffer.from(await res.arrayBuffer()))
            .digest('hex');
          assert.equal(sha, ev.sha256, `photo ${ev.evidenceId} changed`);
        }
        const repaired = await fetch(`${server.url}/api/v1/repair-orders/${repairId}`, { headers });
        assert.equal(repaired.status, 200, 'the acknowledged repair order survives');
        assert.equal(((await repaired.json()) as { customerPhoneMasked: string }).customerPhoneMasked, '139****0987');
        await server.stop();
        const logs = `${firstLog}${server.output()}`;
        server = undefined;

        const verify = auditVerify(database, dataDir);
        assert.equal(verify.status, 0, verify.output);

        for (const secret of [CONTACT.phone, CONTACT.name, CONTACT.address])
          assert.ok(!logs.includes(secret), `contact data in the server log: ${secret}`);
        if (pg) {
          const tables = await sql<{ table_name: string }>`
            SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema()`.execute(
            pg.db.kysely,
          );
          for (const { table_name } of tables.rows) {
            const dump = await sql<{ row: string }>`SELECT t::text AS row FROM ${sql.table(table_name)} t`.execute(
              pg.db.kysely,
            );
            const text = dump.rows.map((r) => r.row).join('\n');
            for (const secret of [CONTACT.phone, CONTACT.name, CONTACT.address])
              assert.ok(!text.includes(secret), `contact data in plaintext in ${table_name}`);
          }
        } else {
          const sqlite = new BetterSqlite3(database);
          try {
            assert.equal(sqlite.pragma('integrity_check', { simple: true }), 'ok');
          } finally {
            sqlite.close();
          }
          for (const file of readdirSync(dataDir).filter((f) => f.startsWith('proofdesk.db'))) {
            const bytes = readFileSync(join(dataDir, file));
            for (const secret of [CONTACT.phone, CONTACT.name, CONTACT.address])
              assert.equal(bytes.indexOf(Buffer.from(secret)), -1, `contact data in plaintext in ${file}`);
          }
        }
      } finally {
        if (server) await server.kill9();
        if (pg) await pg.dispose();
        rmSync(dataDir, { recursive: true, force: true });
      }
    });
  });
}
