/**
 * API load run against the real server (`proofdesk serve` in a child process, no worker) on SQLite and PostgreSQL:
 * claim creation without photos (POST /api/v1/claims) and claim reads by id (GET /api/v1/claims/:id) with 10⁵ claims
 * stored, driven by autocannon from this process. `/healthz` is measured in the same run as the floor of the
 * HTTP stack on this machine, so the claim figures can be read as ratios to it.
 * Targets (issue 4, 2-core machine): ≥ 1,000 creations/s, read p99 ≤ 10 ms.
 * Then repair orders (issue 6): intake (POST /api/v1/repair-orders: sealed contact, blind index, warranty, history,
 * audit, SLA job) and automatic dispatch (POST /api/v1/repair-orders/:id/dispatch over 1 outlet and 500 technicians:
 * index from cache, loads counted, decision, assignment, audit, SLA job) of the orders just taken in. Figures (5 s
 * runs, load average 4–6 from other work on the 2 cores): SQLite intake 394–544/s (p99 84–104 ms), dispatch 228–233/s
 * (p99 226–269 ms); PostgreSQL intake 131–144/s (p99 232–298 ms), dispatch 136/s (p99 475 ms; 60/s before the audit
 * row and the technician's lock moved to the end of the transaction).
 *
 * Run: `npm run build && node apps/server/dist/bench/api.bench.js [sqlite|postgres]... [--seconds 10]
 * [--cpu-prof <dir>]` (the last writes the server's CPU profile there when it stops).
 *
 * Figures (ADR 0012; two A/B runs, load average 5.3–8.8 from other work on the 2 cores), before → after:
 * SQLite creations 267 → 2,626/s and 217 → 1,484/s, reads p99 16 → 8 ms and 19 → 29 ms (/healthz floor p99 4–8 ms);
 * PostgreSQL creations 240 → 1,184/s and 254 → 1,605/s, reads p99 56 → 47 ms and 37 → 26 ms. Creations meet the
 * target on both; read p99 ≤ 10 ms was met once on SQLite and not on PostgreSQL under this load (the ADR says why).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'kysely';
import { newClaimRow } from '../adapters/db/claim-row.js';
import { openDatabase, type Db, type Dialect } from '../adapters/db/database.js';
import { Uuid7IdGenerator } from '../adapters/system/uuid7.id-generator.js';
import { prepareApiWorkspace } from '../testing/api-workspace.js';
import { insertBenchNetwork, repairOrderRuns } from './repair-orders.bench-runs.js';
import { createTestDatabase } from '../testing/databases.js';
import { startServer } from '../testing/server-process.js';

const STORED = 100_000;

interface Run {
  readonly name: string;
  readonly rps: number;
  readonly p50: number;
  readonly p99: number;
  readonly non2xx: number;
  readonly errors: number;
}

async function load(
  name: string,
  url: string,
  seconds: number,
  connections: number,
  request: autocannon.Request,
): Promise<Run> {
  const result = await autocannon({ url, connections, duration: seconds, requests: [request] });
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

async function fillClaims(db: Db, workspaceId: string, orderIds: readonly string[], count: number): Promise<string[]> {
  const ids = new Uuid7IdGenerator();
  const now = new Date().toISOString();
  const claimIds: string[] = [];
  for (let start = 0; start < count; start += 1_000) {
    const rows = Array.from({ length: Math.min(1_000, count - start) }, (_, i) => {
      const id = ids.next();
      claimIds.push(id);
      return newClaimRow({
        id,
        workspaceId,
        orderId: orderIds[(start + i) % orderIds.length]!,
        buyerId: null,
        type: 'refund_only',
        reason: '收到时外壳破损',
        amountFen: 1_000,
        at: now,
      });
    });
    await db.kysely.insertInto('claims').values(rows).execute();
  }
  if (db.dialect === 'postgres') await sql`ANALYZE claims`.execute(db.kysely);
  return claimIds;
}

async function bench(dialect: Dialect, seconds: number, cpuProfDir?: string): Promise<Run[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'proofdesk-api-bench-'));
  const pg = dialect === 'postgres' ? await createTestDatabase('postgres') : undefined;
  const spec = pg?.spec ?? join(dataDir, 'proofdesk.db');
  const db = pg?.db ?? (await openDatabase(spec));
  try {
    const ws = await prepareApiWorkspace(db, dataDir, 50);
    const claimIds = await fillClaims(db, ws.workspaceId, ws.orderIds, STORED);
    const dispatcherKey = await insertBenchNetwork(db, ws.workspaceId);
    if (!pg) await db.close();
    const server = await startServer({
      dataDir,
      database: spec,
      worker: false,
      env: { PROOFDESK_RATE_LIMIT_PER_MINUTE: '100000000' },
      ...(cpuProfDir ? { nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${cpuProfDir}`] } : {}),
    });
    try {
      const auth = { authorization: `Bearer ${ws.apiKey}`, 'content-type': 'application/json' };
      let n = 0;
      const runs: Run[] = [];
      runs.push(
        await load(`${dialect} GET /healthz (floor)`, server.url, seconds, 16, { method: 'GET', path: '/healthz' }),
      );
      runs.push(
        await load(`${dialect} POST /api/v1/claims`, server.url, seconds, 32, {
          method: 'POST',
          path: '/api/v1/claims',
          headers: auth,
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              orderId: ws.orderIds[n++ % ws.orderIds.length],
              type: 'refund_only',
              reason: '收到时外壳破损',
              amountFen: 1_000,
            }),
          }),
        }),
      );
      runs.push(
        await load(`${dialect} GET /api/v1/claims/:id (${STORED} stored)`, server.url, seconds, 16, {
          method: 'GET',
          path: '/api/v1/claims',
          headers: auth,
          setupRequest: (req) => ({
            ...req,
            path: `/api/v1/claims/${claimIds[Math.floor(Math.random() * claimIds.length)]}`,
          }),
        }),
      );
      runs.push(
        ...(await repairOrderRuns(dialect, spec, pg?.db, server.url, seconds, ws.workspaceId, auth, dispatcherKey)),
      );
      return runs;
    } finally {
      await server.stop();
    }
  } finally {
    if (pg) await pg.dispose();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const args = process.argv.slice(2);
const secondsFlag = args.indexOf('--seconds');
const seconds = secondsFlag >= 0 ? Number(args[secondsFlag + 1]) : 10;
const profFlag = args.indexOf('--cpu-prof');
const cpuProfDir = profFlag >= 0 ? args[profFlag + 1] : undefined;
const dialects = args.filter((a): a is Dialect => a === 'sqlite' || a === 'postgres');
const runs: Run[] = [];
for (const dialect of dialects.length > 0 ? dialects : (['sqlite', 'postgres'] as const))
  runs.push(...(await bench(dialect, seconds, cpuProfDir)));
console.log(`\nAPI load (${seconds} s each, autocannon in-process, server in a child process, 2 cores shared)`);
console.log('| run | req/s | p50 ms | p99 ms | non-2xx | errors |');
console.log('|---|---|---|---|---|---|');
for (const r of runs)
  console.log(`| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.non2xx} | ${r.errors} |`);
