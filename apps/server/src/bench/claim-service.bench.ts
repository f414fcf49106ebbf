/**
 * The claims service's own cost, below HTTP: claim creations per second (one short transaction each: order lookup,
 * insert, audit append) with many callers at once, and claim reads by id with 10⁵ claims stored (p50/p99). On SQLite
 * (a temp file, WAL, synchronous=FULL) and PostgreSQL (the test server). The issue's targets, measured through the
 * API by `npm run bench`'s load run: ≥ 1,000 creations/s, read p99 ≤ 10 ms with 10⁵ claims.
 *
 * Run: `npm run build && node apps/server/dist/bench/claim-service.bench.js [sqlite|postgres]...`
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Actor } from '@proofdesk/domain';
import { sql } from 'kysely';
import { DEFAULT_LIMITS } from '@proofdesk/forensics';
import { FsBlobStore } from '../adapters/blob/fs.blob-store.js';
import { AesGcmContactCipher } from '../adapters/crypto/aes-gcm.contact-cipher.js';
import { HmacPseudonymiser } from '../adapters/crypto/hmac.pseudonymiser.js';
import { newClaimRow } from '../adapters/db/claim-row.js';
import type { Dialect } from '../adapters/db/database.js';
import { createForensicPorts } from '../adapters/media/forensic-ports.js';
import { systemClock } from '../adapters/system/system-clock.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { createServices, silentLogger } from '../services/index.js';
import { createTestDatabase } from '../testing/databases.js';

const CREATIONS = 5_000;
const CALLERS = 32;
const STORED = 100_000;
const READS = 5_000;

async function bench(dialect: Dialect): Promise<void> {
  const t = await createTestDatabase(dialect);
  const blobRoot = mkdtempSync(join(tmpdir(), 'proofdesk-bench-'));
  const forensic = createForensicPorts(DEFAULT_LIMITS);
  const ids = new Uuid7IdGenerator();
  const services = createServices({
    db: t.db,
    blobs: new FsBlobStore(blobRoot),
    cipher: new AesGcmContactCipher({ currentKeyId: 'k1', keys: { k1: randomBytes(32) } }),
    pseudonymiser: new HmacPseudonymiser(randomBytes(32)),
    clock: systemClock,
    ids,
    forensic,
    logger: silentLogger,
  });
  try {
    const now = new Date().toISOString();
    await t.db.kysely
      .insertInto('workspaces')
      .values({ id: 'ws', slug: 'ws', name: 'ws', policy_json: '{}', created_at: now })
      .execute();
    const agent: Actor = { kind: 'user', userId: 'u', workspaceId: 'ws', roles: ['agent'] };
    const order = await services.orders.createOrder(agent, {
      platform: 'taobao',
      platformOrderId: 'B-1',
      amountFen: 100_000,
      buyer: { accountId: 'bench' },
    });
    const input = { orderId: order.id, type: 'refund_only' as const, reason: '破损', amountFen: 1_000 };
    for (let i = 0; i < 200; i++) await services.claims.createClaim(agent, input);
    let next = 0;
    const start = performance.now();
    await Promise.all(
      Array.from({ length: CALLERS }, async () => {
        while (next++ < CREATIONS) await services.claims.createClaim(agent, input);
      }),
    );
    const seconds = (performance.now() - start) / 1000;
    console.log(`${dialect}: ${CREATIONS} createClaim with ${CALLERS} callers: ${(CREATIONS / seconds).toFixed(0)}/s`);

    // Fill to 10^5 claims with plain inserts (the creation path is measured above), then read at random.
    const have = CREATIONS + 200;
    const rows = [];
    for (let i = have; i < STORED; i++)
      rows.push(
        newClaimRow({
          id: ids.next(),
          workspaceId: 'ws',
          orderId: order.id,
          buyerId: order.buyerId,
          type: 'refund_only',
          reason: '破损',
          amountFen: 1_000,
          at: now,
        }),
      );
    for (let i = 0; i < rows.length; i += 1_000)
      await t.db.kysely
        .insertInto('claims')
        .values(rows.slice(i, i + 1_000))
        .execute();
    if (dialect === 'postgres') await sql`ANALYZE claims`.execute(t.db.kysely);
    const allIds = (await t.db.kysely.selectFrom('claims').select('id').execute()).map((r) => r.id);
    const times: number[] = [];
    for (let i = 0; i < READS; i++) {
      const id = allIds[Math.floor(Math.random() * allIds.length)]!;
      const s = performance.now();
      await services.claims.getClaim(agent, id);
      times.push(performance.now() - s);
    }
    times.sort((a, b) => a - b);
    const pct = (p: number) => times[Math.min(times.length - 1, Math.floor(times.length * p))]!.toFixed(2);
    console.log(`${dialect}: getClaim with ${allIds.length} claims stored: p50 ${pct(0.5)} ms, p99 ${pct(0.99)} ms`);
    const listStart = performance.now();
    for (let i = 0; i < 200; i++) await services.claims.listClaims(agent, { limit: 50, status: 'submitted' });
    console.log(
      `${dialect}: listClaims (50, by status): ${((performance.now() - listStart) / 200).toFixed(2)} ms each`,
    );
  } finally {
    await forensic.close();
    await t.dispose();
    rmSync(blobRoot, { recursive: true, force: true });
  }
}

const dialects = process.argv.slice(2).filter((a): a is Dialect => a === 'sqlite' || a === 'postgres');
for (const dialect of dialects.length > 0 ? dialects : (['sqlite', 'postgres'] as const)) await bench(dialect);
